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
import { useLiveCounts, useLiveDownloads } from "../hooks/useDownloadStream";
import { belongsOnPage, countsFollowLive, downloadsUrl, TABS } from "../lib/downloadFilters";
import { groupEntries } from "../lib/downloadGroups";
import { rangeText } from "../lib/pagination";
import { buttonClasses } from "../lib/ui";
import type { DownloadCounts, DownloadFilters, DownloadItem, DownloadState, Owner, Paginator } from "../types";

type DownloadsProps = {
  downloads: Paginator<DownloadItem>;
  counts?: DownloadCounts;
  filters?: Partial<DownloadFilters>;
  ownerOptions?: Owner[];
};

export default function Downloads({ downloads, counts, filters: given, ownerOptions }: DownloadsProps) {
  const isAdmin = usePage().props.auth.user?.role === "admin";
  const filters: DownloadFilters = { owners: given?.owners ?? [], status: given?.status ?? [], q: given?.q ?? "" };
  const rows = useLiveDownloads(downloads.data, {
    accept: (item) => belongsOnPage(item, filters, downloads.current_page),
  });
  const tabCounts = useLiveCounts(counts, countsFollowLive(filters));
  const entries = groupEntries(rows);
  const narrowed = filters.status.length > 0 || filters.q !== "" || filters.owners.length > 0;
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

      <StatusTabs filters={filters} counts={tabCounts} />
      <BulkActions filters={filters} counts={tabCounts} tab={tab} />

      <div className="mt-4">
        {entries.length > 0 ? (
          <ul aria-label="Downloads" className="space-y-3">
            {entries.map((entry) =>
              entry.kind === "group" ? (
                <li key={`group-${entry.key}`}>
                  <DownloadGroup items={entry.items} showOwner={isAdmin} />
                </li>
              ) : (
                <li key={entry.item.id}>
                  <DownloadListItem item={entry.item} showOwner={isAdmin} />
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

function emptyMessage(filters: DownloadFilters, tab: DownloadState | null | undefined): string {
  const label = TABS.find((t) => t.state === tab && tab)?.label.toLowerCase();
  const what = label ? `${label} downloads` : "downloads";
  const matching = filters.q ? ` matching “${filters.q}”` : "";
  const whose = filters.owners.length > 0 ? " for the people you picked" : "";
  return `No ${what}${matching}${whose}.`;
}

type BulkActionsProps = { filters: DownloadFilters; counts: DownloadCounts | null; tab: DownloadState | null | undefined };

/** Actions on every download of a state, as the page's search and owners narrow them. */
function BulkActions({ filters, counts, tab }: BulkActionsProps) {
  if (!counts) return null;
  const scope = { q: filters.q || undefined, owners: filters.owners.length > 0 ? filters.owners.join(",") : undefined };
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
