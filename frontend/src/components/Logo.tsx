import { useId } from "react";
import { cx } from "../lib/ui";

type LogoProps = { className?: string; wordmarkClassName?: string; name?: string };

/** The Vodarr mark (a play button over a download bar) and the wordmark beside it. */
export default function Logo({ className, wordmarkClassName, name = "Vodarr" }: LogoProps) {
  const gradientId = useId();
  return (
    <span className={cx("inline-flex items-center gap-2", className)}>
      <svg viewBox="0 0 32 32" className="size-8 shrink-0" aria-hidden="true" focusable="false">
        <defs>
          <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#6366f1" />
            <stop offset="1" stopColor="#a21caf" />
          </linearGradient>
        </defs>
        <rect width="32" height="32" rx="8" fill={`url(#${gradientId})`} />
        <path d="M12.5 7.5v11l9-5.5z" fill="#fff" />
        <path d="M9 24h14" stroke="#fff" strokeOpacity=".4" strokeWidth="2.5" strokeLinecap="round" />
        <path d="M9 24h9" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <span
        className={cx(
          "text-lg font-bold tracking-tight text-zinc-900 dark:text-white",
          wordmarkClassName,
        )}
      >
        {name}
      </span>
    </span>
  );
}
