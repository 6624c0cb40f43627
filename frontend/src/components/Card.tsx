import { type ReactNode, useId } from "react";
import { cx } from "../lib/ui";

type CardProps = {
  title: string;
  description?: ReactNode;
  tone?: "default" | "danger";
  children: ReactNode;
};

/** A titled section; the heading names the region for screen-reader navigation. */
export default function Card({ title, description, tone = "default", children }: CardProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={cx(
        "rounded-2xl border bg-white p-6 shadow-sm dark:bg-zinc-900",
        tone === "danger"
          ? "border-red-300 dark:border-red-900"
          : "border-zinc-200 dark:border-zinc-800",
      )}
    >
      <h2
        id={headingId}
        className={cx(
          "text-base font-semibold",
          tone === "danger" ? "text-red-800 dark:text-red-300" : "text-zinc-900 dark:text-white",
        )}
      >
        {title}
      </h2>
      {description && (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      )}
      <div className="mt-5">{children}</div>
    </section>
  );
}
