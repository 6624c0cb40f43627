import type { StatusTone } from "../lib/downloads";
import { cx } from "../lib/ui";

type ProgressBarProps = {
  percent: number;
  label: string;
  /** Colours the bar by the download's state (paused amber, failed red…). */
  tone?: StatusTone;
  className?: string;
};

const FILL: Record<StatusTone, string> = {
  info: "bg-brand-600 dark:bg-brand-400",
  neutral: "bg-zinc-500 dark:bg-zinc-400",
  warning: "bg-amber-500 dark:bg-amber-400",
  danger: "bg-red-600 dark:bg-red-400",
  success: "bg-emerald-600 dark:bg-emerald-400",
};

export default function ProgressBar({ percent, label, tone = "info", className }: ProgressBarProps) {
  const value = Math.min(100, Math.max(0, Number.isFinite(percent) ? percent : 0));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={`${value} %`}
      className={cx("h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700", className)}
    >
      <div
        className={cx("h-full rounded-full transition-[width] duration-500 ease-out", FILL[tone])}
        style={{ width: `${value}%` }}
      />
    </div>
  );
}
