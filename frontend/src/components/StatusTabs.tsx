import { Link } from "@inertiajs/react";
import { downloadsUrl, TABS, tabCount } from "../lib/downloadFilters";
import { cx } from "../lib/ui";
import type { DownloadCounts, DownloadFilters } from "../types";

type StatusTabsProps = { filters: DownloadFilters; counts: DownloadCounts | null };

/** The Downloads page's states, each with its count; a link each (the list is the server's). */
export default function StatusTabs({ filters, counts }: StatusTabsProps) {
  const current = filters.status.length === 1 ? filters.status[0] : filters.status.length === 0 ? null : undefined;
  return (
    <nav aria-label="Download states" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {TABS.map((tab) => {
          const active = tab.state === current;
          const count = tabCount(counts, tab.state);
          return (
            <li key={tab.label} className="shrink-0">
              <Link
                href={downloadsUrl({ ...filters, status: tab.state ? [tab.state] : [] })}
                preserveScroll
                preserveState
                aria-current={active ? "page" : undefined}
                className={cx(
                  "-mb-px flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                  active
                    ? "border-brand-600 text-brand-800 dark:border-brand-400 dark:text-brand-200"
                    : "border-transparent text-zinc-700 hover:border-zinc-400 hover:text-zinc-900 dark:text-zinc-300 dark:hover:border-zinc-500 dark:hover:text-white",
                )}
              >
                {tab.label}
                <span
                  className={cx(
                    "rounded-full px-1.5 text-xs tabular-nums",
                    tab.state === "failed" && count > 0
                      ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200"
                      : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
                  )}
                >
                  {count}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
