import type { ReactNode } from "react";
import Icon, { type IconName } from "./Icon";

type EmptyStateProps = { icon: IconName; message: string; action?: ReactNode };

export default function EmptyState({ icon, message, action }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-2xl border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
      <span className="grid size-12 place-items-center rounded-full bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
        <Icon name={icon} className="size-6" />
      </span>
      <p className="max-w-md text-sm text-zinc-700 dark:text-zinc-300">{message}</p>
      {action}
    </div>
  );
}
