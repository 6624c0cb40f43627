import type { ReactNode } from "react";
import Button from "./Button";
import Icon from "./Icon";

type SelectionBarProps = {
  count: number;
  /** The main action's label; no label, no main action (only `extra`). */
  label?: string;
  busy: boolean;
  onSubmit: () => void;
  onClear: () => void;
  /** Another action on the selection (getting links to it). */
  extra?: ReactNode;
};

/** Sticks to the bottom of the screen while episodes are selected. */
export default function SelectionBar({ count, label, busy, onSubmit, onClear, extra }: SelectionBarProps) {
  if (count === 0) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-20 px-4 pb-[max(1rem,env(safe-area-inset-bottom))]">
      <div
        role="region"
        aria-label="Selected episodes"
        className="pointer-events-auto mx-auto flex max-w-3xl items-center justify-between gap-3 rounded-2xl border border-zinc-200 bg-white/95 p-3 pl-4 shadow-xl backdrop-blur dark:border-zinc-700 dark:bg-zinc-900/95"
      >
        <p className="sr-only text-sm font-medium text-zinc-900 tabular-nums sm:not-sr-only dark:text-white" aria-live="polite">
          {count} selected
        </p>
        <div className="ml-auto flex items-center gap-2">
          <Button variant="ghost" onClick={onClear} disabled={busy} className="px-3">
            Clear
          </Button>
          {extra}
          {label && (
            <Button onClick={onSubmit} busy={busy}>
              {!busy && <Icon name="download" className="size-4" />}
              {label}
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
