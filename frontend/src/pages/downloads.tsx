import { Head, Link, usePage } from "@inertiajs/react";
import BulkButton from "../components/BulkButton";
import DownloadGroup from "../components/DownloadGroup";
import DownloadListItem from "../components/DownloadListItem";
import DownloadSearch from "../components/DownloadSearch";
import EmptyState from "../components/EmptyState";
import OwnerFilter from "../components/OwnerFilter";
import PageHeader from "../components/PageHeader";
import Pagination from "../components/Pagination";
import StatusTabs from "../components/StatusTabs";
import { useLiveCounts, useLiveDownloads, useReloadForCappedGroups } from "../hooks/useDownloadStream";
import { belongsOnPage, countsFollowLive, downloadsUrl, TABS } from "../lib/downloadFilters";
import { groupEntries } from "../lib/downloadGroups";
import { rangeText } from "../lib/pagination";
import { buttonClasses } from "../lib/ui";
import type { DownloadCounts, DownloadFilters, DownloadItem, DownloadState, GroupRest, Owner, Paginator } from "../types";

type DownloadsProps = {
  downloads: Paginator<DownloadItem>;
  counts?: DownloadCounts;
  groupRest?: Record<string, GroupRest>;
  filters?: Partial<DownloadFilters>;
  ownerOptions?: Owner[];
};

const LIST_PROPS = ["downloads", "counts", "groupRest"];

export default function Downloads({ downloads, counts, groupRest, filters: given, ownerOptions }: DownloadsProps) {
  const isAdmin = usePage().props.auth.user?.role === "admin";
  const filters: DownloadFilters = {
    owners: given?.owners ?? [],
    status: given?.status ?? [],
    q: given?.q ?? "",
    batch: given?.batch ?? "",
  };
  const rest = groupRest ?? {};
  const capped = new Set(Object.keys(rest));
  const rows = useLiveDownloads(downloads.data, {
    // A long batch's other episodes are in its summary, not rows of their own.
    accept: (item) => !(item.batch && capped.has(item.batch)) && belongsOnPage(item, filters, downloads.current_page),
  });
  useReloadForCappedGroups(capped, rows, LIST_PROPS);
  const tabCounts = useLiveCounts(counts, countsFollowLive(filters));
  const entries = groupEntries(rows, { grouped: !filters.batch, capped });
  const narrowed = filters.status.length > 0 || filters.q !== "" || filters.owners.length > 0 || filters.batch !== "";
  const tab = filters.status.length === 1 ? filters.status[0] : null;

  return (
    <>
      <Head title="Downloads" />
      <PageHeader
        title="Downloads"
        description={
          isAdmin
            ? "Everything being downloaded to the server, by everyone. Progress updates live."
            : "What you have asked the server to download. Progress updates live."
        }
        actions={
          <>
            <DownloadSearch filters={filters} />
            {isAdmin && ownerOptions && (
              <OwnerFilter
                options={ownerOptions}
                selected={filters.owners}
                urlFor={(owners) => downloadsUrl({ ...filters, owners })}
              />
            )}
          </>
        }
      />

      {filters.batch && <BatchHeading filters={filters} rows={rows} />}
      <StatusTabs filters={filters} counts={tabCounts} />
      <BulkActions filters={filters} counts={tabCounts} tab={tab} />

      <div className="mt-4">
        {entries.length > 0 ? (
          <ul aria-label="Downloads" className="space-y-3">
            {entries.map((entry) =>
              entry.kind === "group" ? (
                <li key={`group-${entry.key}`}>
                  <DownloadGroup items={entry.items} showOwner={isAdmin} batch={entry.key} rest={rest[entry.key]} filters={filters} />
                </li>
              ) : (
                <li key={entry.item.id}>
                  {/* One batch's page: the show is named above, the rows read as its episodes. */}
                  <DownloadListItem item={entry.item} showOwner={isAdmin} inGroup={filters.batch !== ""} />
                </li>
              ),
            )}
          </ul>
        ) : narrowed ? (
          <EmptyState
            icon="filter"
            message={emptyMessage(filters, tab)}
            action={
              <Link href="/downloads" className={buttonClasses("secondary", "py-1.5")}>
                Show all downloads
              </Link>
            }
          />
        ) : (
          <EmptyState
            icon="download"
            message="Nothing here yet. Open a movie, or an episode of a series, and press Download: the file is saved on the server and its progress shows up here."
            action={
              <div className="flex flex-wrap justify-center gap-2">
                <Link href="/movies" className={buttonClasses("primary", "py-1.5")}>
                  Browse movies
                </Link>
                <Link href="/series" className={buttonClasses("secondary", "py-1.5")}>
                  Browse series
                </Link>
              </div>
            }
          />
        )}
      </div>

      {downloads.total > 0 && (
        <Pagination
          paginator={downloads}
          noun="downloads"
          preserveScroll={false}
          preserveState
          summary={pageSummary(downloads, counts, filters)}
        />
      )}
    </>
  );
}

/** "Showing 1–10 of 12 · 40 downloads": a season started together is one row. */
function pageSummary(downloads: Paginator<DownloadItem>, counts: DownloadCounts | undefined, filters: DownloadFilters): string {
  const range = rangeText(downloads, "downloads");
  if (!counts) return range;
  const total = filters.status.length > 0 ? filters.status.reduce((sum, state) => sum + counts[state], 0) : counts.all;
  return total === downloads.total ? range : `${range} rows · ${total.toLocaleString("en")} downloads`;
}

/** One batch opened on its own page: which show, and the way back to the whole list. */
function BatchHeading({ filters, rows }: { filters: DownloadFilters; rows: readonly DownloadItem[] }) {
  const first = rows[0];
  const show = first?.media.series || first?.media.name || "One group";
  return (
    <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2 rounded-xl bg-zinc-100 px-4 py-3 dark:bg-zinc-900">
      <p className="text-sm text-zinc-800 dark:text-zinc-200">
        <span className="font-semibold">{show}</span>: every episode started together, in season and episode order.
      </p>
      <Link href={downloadsUrl({ ...filters, batch: "", status: [] })} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
        ← All downloads
      </Link>
    </div>
  );
}

function emptyMessage(filters: DownloadFilters, tab: DownloadState | null | undefined): string {
  const label = TABS.find((t) => t.state === tab && tab)?.label.toLowerCase();
  const what = label ? `${label} downloads` : "downloads";
  const matching = filters.q ? ` matching “${filters.q}”` : "";
  const whose = filters.owners.length > 0 ? " for the people you picked" : "";
  const where = filters.batch ? " in this group" : "";
  return `No ${what}${matching}${whose}${where}.`;
}

type BulkActionsProps = { filters: DownloadFilters; counts: DownloadCounts | null; tab: DownloadState | null | undefined };

/** Actions on every download of a state, as the page's search and owners narrow them. */
function BulkActions({ filters, counts, tab }: BulkActionsProps) {
  if (!counts) return null;
  const scope = {
    q: filters.q || undefined,
    owners: filters.owners.length > 0 ? filters.owners.join(",") : undefined,
    batch: filters.batch || undefined,
  };
  const shows = (...states: DownloadState[]) => tab === null || (tab !== undefined && states.includes(tab));
  const finished = counts.completed + counts.canceled;
  const buttons = [
    counts.failed > 0 && shows("failed") && (
      <BulkButton key="retry" action="retry" label={`Retry all failed (${counts.failed})`} target={{ status: ["failed"], ...scope }} />
    ),
    counts.active > 0 && shows("active") && (
      <BulkButton key="pause" action="pause" label={`Pause all downloading (${counts.active})`} target={{ status: ["active"], ...scope }} />
    ),
    counts.paused > 0 && shows("paused") && (
      <BulkButton key="resume" action="resume" label={`Resume all paused (${counts.paused})`} target={{ status: ["paused"], ...scope }} />
    ),
    finished > 0 && shows("completed", "canceled") && (
      <BulkButton
        key="clear"
        action="remove"
        variant="ghost"
        label={`Clear finished (${tab === "completed" ? counts.completed : tab === "canceled" ? counts.canceled : finished})`}
        target={{ status: tab === "completed" || tab === "canceled" ? [tab] : ["completed", "canceled"], ...scope }}
        confirm={{
          title: "Clear finished downloads from the list?",
          description:
            "Completed and canceled downloads leave this list. Files already on the server stay where they are.",
        }}
      />
    ),
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return (
    <div role="toolbar" aria-label="Actions on many downloads" className="mt-4 flex flex-wrap gap-2">
      {buttons}
    </div>
  );
}
