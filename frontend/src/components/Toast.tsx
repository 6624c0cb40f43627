import { useEffect, useRef, useState } from "react";
import { cx } from "../lib/ui";
import Icon from "./Icon";

export type ToastTone = "success" | "error";

type ToastProps = {
  tone: ToastTone;
  message: string;
  onDismiss: () => void;
  /** Milliseconds on screen; the clock stops while the pointer or focus is on the toast. */
  duration?: number;
};

export default function Toast({ tone, message, onDismiss, duration = 5000 }: ToastProps) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(duration);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;

  useEffect(() => {
    if (paused) return;
    const startedAt = Date.now();
    const timer = window.setTimeout(() => dismiss.current(), remaining.current);
    return () => {
      window.clearTimeout(timer);
      remaining.current = Math.max(1000, remaining.current - (Date.now() - startedAt));
    };
  }, [paused]);

  const success = tone === "success";
  return (
    <div
      role={success ? "status" : "alert"}
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cx(
        "pointer-events-auto flex items-start gap-3 rounded-xl border bg-white p-4 text-sm shadow-lg dark:bg-zinc-900",
        success
          ? "border-emerald-300 dark:border-emerald-800"
          : "border-red-300 dark:border-red-800",
      )}
    >
      <Icon
        name={success ? "success" : "error"}
        className={cx(
          "size-5 shrink-0",
          success ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400",
        )}
      />
      <p className="flex-1 text-zinc-900 dark:text-zinc-100">{message}</p>
      <button
        type="button"
        onClick={onDismiss}
        className="-m-1 rounded-md p-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
      >
        <Icon name="close" className="size-4" />
        <span className="sr-only">Dismiss notification</span>
      </button>
    </div>
  );
}
