import { Head, Link } from "@inertiajs/react";
import EmptyState from "../components/EmptyState";
import PageHeader from "../components/PageHeader";
import Pagination from "../components/Pagination";
import PosterCard from "../components/PosterCard";
import { formatRelativeTime } from "../lib/format";
import { cx } from "../lib/ui";
import type { Paginator, WatchlistItem } from "../types";

type Tab = "movies" | "series";
type WatchlistProps = { tab: Tab; items: Paginator<WatchlistItem>; counts: Record<Tab, number> };

const TABS: Array<{ key: Tab; label: string }> = [
  { key: "movies", label: "Movies" },
  { key: "series", label: "Series" },
];

/** The person's watchlist: a Movies and a Series tab, newest first. */
export default function Watchlist({ tab, items, counts }: WatchlistProps) {
  return (
    <>
      <Head title="Watchlist" />
      <PageHeader title="Watchlist" description="Titles you mean to watch or download later. Only you see your list." />
      <nav aria-label="Watchlist sections" className="mb-6 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {TABS.map(({ key, label }) => (
          <Link
            key={key}
            href={`/watchlist?tab=${key}`}
            aria-current={tab === key ? "page" : undefined}
            className={cx(
              "-mb-px flex items-center gap-2 border-b-2 px-4 py-2.5 text-sm font-medium",
              tab === key
                ? "border-brand-600 text-brand-800 dark:border-brand-400 dark:text-brand-200"
                : "border-transparent text-zinc-700 hover:border-zinc-400 dark:text-zinc-300 dark:hover:border-zinc-500",
            )}
          >
            {label}
            <span className="rounded-full bg-zinc-100 px-1.5 text-xs text-zinc-700 tabular-nums dark:bg-zinc-800 dark:text-zinc-300">
              {counts[key]}
            </span>
          </Link>
        ))}
      </nav>

      {items.data.length === 0 ? (
        <EmptyState
          icon="bookmark"
          message={
            tab === "movies"
              ? "No movies on your watchlist yet. Use the bookmark on a poster or a movie's page to add one."
              : "No series on your watchlist yet. Use the bookmark on a poster or a series' page to add one."
          }
          action={
            <Link href={tab === "movies" ? "/movies" : "/series"} className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
              Browse {tab === "movies" ? "movies" : "series"}
            </Link>
          }
        />
      ) : (
        <ul
          aria-label={tab === "movies" ? "Movies on your watchlist" : "Series on your watchlist"}
          className="grid grid-cols-2 gap-x-4 gap-y-6 min-[480px]:grid-cols-3 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6"
        >
          {items.data.map((item) => (
            <li key={`${item.card.kind}-${item.card.id}`} className="min-w-0">
              <PosterCard media={item.card} layout="grid" />
              <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
                {item.available ? (
                  <>Added <time dateTime={item.addedAt}>{formatRelativeTime(item.addedAt)}</time></>
                ) : (
                  <span className="font-medium text-amber-800 dark:text-amber-300">No longer available</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {items.data.length > 0 && <Pagination paginator={items} noun={tab === "movies" ? "movies" : "series"} />}
    </>
  );
}
