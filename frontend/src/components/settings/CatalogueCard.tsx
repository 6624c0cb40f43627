import { usePostAction } from "../../hooks/usePostAction";
import { formatDuration, formatRelativeTime } from "../../lib/format";
import type { SyncInfo } from "../../types";
import Button from "../Button";
import Card from "../Card";
import Icon from "../Icon";
import StatusMessage from "../StatusMessage";

const n = (value: number | undefined) => (typeof value === "number" ? value.toLocaleString("en") : "—");

function changes(counts: Record<string, number>, kind: "movies" | "series"): string | null {
  const created = counts[`${kind}_created`];
  const updated = counts[`${kind}_updated`];
  const removed = counts[`${kind}_removed`];
  if (created === undefined && updated === undefined && removed === undefined) return null;
  return `${n(created)} new, ${n(updated)} updated, ${n(removed)} removed`;
}

/** The local copy of the provider's catalogue: when it was last fetched, how much, and Sync now. */
export default function CatalogueCard({ sync }: { sync: SyncInfo }) {
  const [syncing, syncNow] = usePostAction("/settings/sync");
  const counts = sync.counts ?? {};

  const stats: Array<{ label: string; value: number | undefined; detail: string | null }> = [
    { label: "Movies", value: counts.movies, detail: changes(counts, "movies") },
    { label: "Series", value: counts.series, detail: changes(counts, "series") },
    { label: "Categories", value: counts.categories, detail: null },
  ];

  return (
    <Card title="Catalogue" description="Vodarr keeps a copy of the provider's list of titles so browsing stays fast. It syncs on a schedule; sync now after changing the provider.">
      {sync.error && <StatusMessage tone="error" message={`The last sync failed: ${sync.error}`} />}
      <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300">
        {sync.lastSyncAt ? (
          <>
            Last synced{" "}
            <time dateTime={sync.lastSyncAt} title={new Date(sync.lastSyncAt).toLocaleString()} className="font-medium">
              {formatRelativeTime(sync.lastSyncAt)}
            </time>
            {typeof counts.seconds === "number" && <> in {formatDuration(counts.seconds)}</>}.
          </>
        ) : (
          "Never synced yet."
        )}
      </p>
      {sync.counts && (
        <dl className="mt-4 grid gap-3 sm:grid-cols-3">
          {stats.map((stat) => (
            <div key={stat.label} className="rounded-xl bg-zinc-100 p-3 dark:bg-zinc-800">
              <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{stat.label}</dt>
              <dd className="mt-1 text-xl font-semibold text-zinc-900 tabular-nums dark:text-white">{n(stat.value)}</dd>
              {stat.detail && <dd className="mt-0.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{stat.detail}</dd>}
            </div>
          ))}
        </dl>
      )}
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <Button onClick={syncNow} busy={syncing}>
          {!syncing && <Icon name="refresh" className="size-4" />}
          {syncing ? "Syncing…" : "Sync now"}
        </Button>
        {syncing && (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            Fetching the catalogue; large ones take a minute.
          </p>
        )}
      </div>
    </Card>
  );
}
