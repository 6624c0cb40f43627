import Icon from "./Icon";

type StatusMessageProps = { message?: string | null; tone?: "success" | "error" };

/** An inline notice above a form, such as "Your password has been reset." */
export default function StatusMessage({ message, tone = "success" }: StatusMessageProps) {
  if (!message) return null;
  const success = tone === "success";
  return (
    <div
      role={success ? "status" : "alert"}
      className={
        success
          ? "flex gap-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          : "flex gap-2 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      }
    >
      <Icon name={success ? "success" : "error"} className="size-5 shrink-0" />
      <p>{message}</p>
    </div>
  );
}
