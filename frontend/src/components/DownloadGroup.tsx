import { Link } from "@inertiajs/react";
import { useId, useState } from "react";
import { downloadsUrl } from "../lib/downloadFilters";
import { groupSummary } from "../lib/downloadGroups";
import type { DownloadAction } from "../lib/downloads";
import { cx } from "../lib/ui";
import type { DownloadFilters, DownloadItem, DownloadState, GroupRest } from "../types";
import Badge from "./Badge";
import BulkButton from "./BulkButton";
import DownloadListItem from "./DownloadListItem";
import Icon from "./Icon";
import Poster from "./Poster";
import ProgressBar from "./ProgressBar";

type DownloadGroupProps = {
  items: DownloadItem[];
  showOwner: boolean;
  /** The batch's key. */
  batch: string;
  /** A long batch: the episodes the page did not bring (see `GroupRest`). */
  rest?: GroupRest;
  /** The page's state tabs and search, kept when the batch opens on its own page. */
  filters?: Pick<DownloadFilters, "status" | "q">;
};

const WORDS: Record<DownloadState, string> = {
  active: "downloading",
  queued: "queued",
  paused: "paused",
  failed: "failed",
  completed: "done",
  canceled: "canceled",
};
const TONE: Record<DownloadState, "info" | "neutral" | "warning" | "danger" | "success"> = {
  active: "info",
  queued: "neutral",
  paused: "warning",
  failed: "danger",
  completed: "success",
  canceled: "neutral",
};
const GROUP_ACTIONS: Array<{ action: DownloadAction; label: string; confirm?: string }> = [
  { action: "pause", label: "Pause all" },
  { action: "resume", label: "Resume all" },
  { action: "retry", label: "Retry failed" },
  {
    action: "cancel",
    label: "Cancel all",
    confirm: "The episodes still downloading stop. Files that are already complete stay on the server.",
  },
  {
    action: "remove",
    label: "Remove from list",
    confirm: "The finished, failed and canceled episodes leave the list. Files on the server are not deleted.",
  },
];

/**
 * Episodes of one show started together: one row with the season, how many are done, the
 * total progress and actions for all of them; it opens to the episodes in order. A long batch
 * opens to the dozen that matter now, and "See all" lists every episode on a page of its own.
 */
export default function DownloadGroup({ items, showOwner, batch, rest, filters }: DownloadGroupProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const summary = groupSummary(items, rest, batch);
  const first = items[0];
  const title = `${summary.title} · ${summary.seasons}`;
  const allHref = downloadsUrl({ ...filters, batch });

  return (
    <article aria-label={title} className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="grid grid-cols-[3rem_1fr] gap-x-4 gap-y-3 sm:grid-cols-[4rem_1fr]">
        <Poster
          src={first?.media.poster ?? null}
          title={summary.title}
          size="sm"
          className="row-span-2 aspect-[2/3] w-12 self-start rounded-lg sm:w-16"
        />
        <div className="min-w-0">
          <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
            <h2 className="min-w-0 text-sm font-semibold break-words text-zinc-900 sm:text-base dark:text-white">
              {title}
            </h2>
            <div className="flex flex-wrap items-center gap-1.5">
              {summary.states.map(([state, count]) => (
                <Badge key={state} tone={TONE[state]}>
                  {count} {WORDS[state]}
                </Badge>
              ))}
            </div>
          </div>
          <p className="mt-0.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            {showOwner && first?.owner && (
              <>
                <Icon name="user" className="mr-1 inline size-3.5 align-[-2px]" />
                <span className="font-medium text-zinc-700 dark:text-zinc-300">{first.owner.name || first.owner.email}</span>
                {" · "}
              </>
            )}
            {summary.done} of {summary.total} episodes done
          </p>
          <ProgressBar
            percent={summary.percent}
            tone={summary.states.some(([s]) => s === "failed") ? "danger" : summary.done === summary.total ? "success" : "info"}
            label={`${title}: ${summary.percent} %`}
            className="mt-3"
          />
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((value) => !value)}
            className="mt-2 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline dark:text-brand-300"
          >
            <Icon name="chevronDown" className={cx("size-4 transition-transform", open && "rotate-180")} />
            {open ? "Hide the episodes" : rest ? `Show the episodes` : `Show the ${summary.total} episodes`}
          </button>
          {rest && (
            <Link href={allHref} className="mt-2 ml-4 inline-flex text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
              See all {summary.total.toLocaleString("en")} episodes
            </Link>
          )}
        </div>
        <div className="col-start-2 flex flex-wrap gap-2">
          {GROUP_ACTIONS.map(({ action, label, confirm }) => {
            const planned = summary.actions[action];
            if (!planned) return null;
            return (
              <BulkButton
                key={action}
                action={action}
                label={planned.count === summary.total ? label : `${label} (${planned.count.toLocaleString("en")})`}
                target={planned.target}
                confirm={confirm ? { title: `${label.replace(" from list", "")} — ${title}?`, description: confirm } : undefined}
                subject={title}
              />
            );
          })}
        </div>
      </div>
      <ul id={panelId} hidden={!open} aria-label={`Episodes of ${title}`} className="mt-4 space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        {rest && (
          <li className="text-sm text-zinc-600 dark:text-zinc-400">
            {items.length} of {summary.total.toLocaleString("en")} episodes: failed, downloading and paused ones first, then the
            next in the queue.
          </li>
        )}
        {items.map((item) => (
          <li key={item.id}>
            <DownloadListItem item={item} showOwner={false} inGroup />
          </li>
        ))}
        {rest && (
          <li>
            <Link href={allHref} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
              See all {summary.total.toLocaleString("en")} episodes →
            </Link>
          </li>
        )}
      </ul>
    </article>
  );
}
