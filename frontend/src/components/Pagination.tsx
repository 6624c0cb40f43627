import { Link } from "@inertiajs/react";
import { pageUrl, pageWindow, rangeText } from "../lib/pagination";
import { cx } from "../lib/ui";
import type { Paginator } from "../types";
import Icon from "./Icon";

type PaginationProps = {
  paginator: Paginator<unknown>;
  /** What the items are, for "No downloads". */
  noun?: string;
  /** Keep the scroll position (lists that update in place) or go back to the top (grids). */
  preserveScroll?: boolean;
  /** Keep component state such as an open filter across pages. */
  preserveState?: boolean;
  /** What to say instead of "Showing 1–10 of 42". */
  summary?: string;
};

const cell =
  "inline-flex h-9 min-w-9 items-center justify-center rounded-lg px-2 text-sm font-medium tabular-nums";
const idle = "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";
const disabled = "text-zinc-400 dark:text-zinc-600";

/** Previous / numbered / next links built from the paginator's own URLs. */
export default function Pagination({
  paginator,
  noun,
  preserveScroll = false,
  preserveState = false,
  summary,
}: PaginationProps) {
  const { current_page: current, last_page: last } = paginator;
  const prev = paginator.prev_page_url;
  const next = paginator.next_page_url;
  const linkOptions = { preserveScroll, preserveState };

  return (
    <div className="mt-8 flex flex-col items-center justify-between gap-3 sm:flex-row">
      <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">{summary ?? rangeText(paginator, noun)}</p>
      {last > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-1">
          {prev ? (
            <Link href={prev} {...linkOptions} rel="prev" className={cx(cell, idle, "gap-1 pr-3")}>
              <Icon name="chevronLeft" className="size-4" />
              Previous
            </Link>
          ) : (
            <span className={cx(cell, disabled, "gap-1 pr-3")} aria-hidden="true">
              <Icon name="chevronLeft" className="size-4" />
              Previous
            </span>
          )}
          <ul className="hidden items-center gap-1 md:flex">
            {pageWindow(current, last).map((slot, index) => {
              if (slot === "gap")
                return (
                  <li key={`gap-${index}`} aria-hidden="true" className={cx(cell, "text-zinc-500")}>
                    …
                  </li>
                );
              const href = pageUrl(paginator, slot);
              const isCurrent = slot === current;
              return (
                <li key={slot}>
                  {isCurrent || !href ? (
                    <span
                      aria-current={isCurrent ? "page" : undefined}
                      className={cx(cell, isCurrent ? "bg-brand-600 text-white dark:bg-brand-500" : disabled)}
                    >
                      <span className="sr-only">Page </span>
                      {slot}
                    </span>
                  ) : (
                    <Link href={href} {...linkOptions} className={cx(cell, idle)}>
                      <span className="sr-only">Page </span>
                      {slot}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
          <span className="px-2 text-sm text-zinc-700 tabular-nums md:hidden dark:text-zinc-300">
            Page {current} of {last}
          </span>
          {next ? (
            <Link href={next} {...linkOptions} rel="next" className={cx(cell, idle, "gap-1 pl-3")}>
              Next
              <Icon name="chevronRight" className="size-4" />
            </Link>
          ) : (
            <span className={cx(cell, disabled, "gap-1 pl-3")} aria-hidden="true">
              Next
              <Icon name="chevronRight" className="size-4" />
            </span>
          )}
        </nav>
      )}
    </div>
  );
}
