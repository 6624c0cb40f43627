import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";
import { rovingIndex } from "../lib/keyboard";
import { cx } from "../lib/ui";

type Tab = { key: string; label: string; badge?: ReactNode };

type SeasonTabsProps = {
  label: string;
  tabs: Tab[];
  active: number;
  onChange: (index: number) => void;
  /** The active tab's panel. */
  children: ReactNode;
};

/**
 * WAI-ARIA tabs with automatic activation: only the active tab is in the Tab order; the arrow
 * keys, Home and End move between tabs.
 */
export default function SeasonTabs({ label, tabs, active, onChange, children }: SeasonTabsProps) {
  const baseId = useId();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  function onKeyDown(event: KeyboardEvent) {
    const next = rovingIndex(active, tabs.length, event.key);
    if (next === null) return;
    event.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
        className="-mx-4 flex gap-1 overflow-x-auto border-b border-zinc-200 px-4 sm:mx-0 sm:px-0 dark:border-zinc-800"
      >
        {tabs.map((tab, index) => {
          const selected = index === active;
          return (
            <button
              key={tab.key}
              ref={(node) => {
                refs.current[index] = node;
              }}
              id={`${baseId}-tab-${index}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`${baseId}-panel`}
              tabIndex={selected ? 0 : -1}
              onClick={() => onChange(index)}
              className={cx(
                "-mb-px flex shrink-0 items-center gap-2 rounded-t-lg border-b-2 px-4 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                selected
                  ? "border-brand-600 text-brand-800 dark:border-brand-400 dark:text-brand-200"
                  : "border-transparent text-zinc-700 hover:border-zinc-400 hover:text-zinc-900 dark:text-zinc-300 dark:hover:border-zinc-500 dark:hover:text-white",
              )}
            >
              {tab.label}
              {tab.badge}
            </button>
          );
        })}
      </div>
      <div
        id={`${baseId}-panel`}
        role="tabpanel"
        aria-labelledby={`${baseId}-tab-${active}`}
        tabIndex={0}
        className="rounded-b-lg pt-4"
      >
        {children}
      </div>
    </div>
  );
}
