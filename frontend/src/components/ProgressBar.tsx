import { cx } from "../lib/ui";

type ProgressBarProps = { percent: number; label: string; className?: string };

export default function ProgressBar({ percent, label, className }: ProgressBarProps) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cx("h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700", className)}
    >
      <div
        className="h-full rounded-full bg-brand-600 transition-[width] duration-500 dark:bg-brand-400"
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
