import { Link } from "@inertiajs/react";
import { downloadTitle, effectiveStatus, failureReason, rowActions, statusBadge, titleHref } from "../lib/downloadItem";
import { formatBytes, formatEta, formatRelativeTime, formatSpeed, PLACEHOLDER, progressPercent } from "../lib/format";
import { episodeCode } from "../lib/media";
import { cx } from "../lib/ui";
import type { DownloadItem } from "../types";
import Badge from "./Badge";
import DownloadActions from "./DownloadActions";
import GetLinkButton from "./GetLinkButton";
import Icon from "./Icon";
import Poster from "./Poster";
import ProgressBar from "./ProgressBar";
import RetryCountdown from "./RetryCountdown";

type DownloadListItemProps = {
  item: DownloadItem;
  showOwner: boolean;
  /** Inside a group row: the show is said once above, so the episode reads on its own. */
  inGroup?: boolean;
};

/**
 * One row of the Downloads page. A running download shows its bar, speed and time left (in
 * fixed-width cells, so updates never shift it); a finished one reads finished: when, how big,
 * and where on the server — no speed, no "time left".
 */
export default function DownloadListItem({ item, showOwner, inGroup = false }: DownloadListItemProps) {
  const { downloadStatus: live } = item;
  const title = downloadTitle(item);
  const shown = inGroup
    ? `${episodeCode(item.season ?? item.media.season, item.episode ?? item.media.episode)}${item.media.title && item.media.title !== item.media.series ? ` · ${item.media.title}` : ""}`
    : title;
  const badge = statusBadge(item);
  const reason = failureReason(item);
  const total = live.totalLength;
  const done = live.completedLength;
  const completed = item.state === "completed";
  const percent = completed ? 100 : progressPercent(total, done);
  const running = item.state === "active" || item.state === "queued" || item.state === "paused";
  const created = formatRelativeTime(item.created_at);

  return (
    <article
      aria-label={title}
      className={cx(
        "grid gap-x-4 gap-y-3 rounded-2xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
        inGroup
          ? "grid-cols-1 p-3 lg:grid-cols-[1fr_auto]"
          : "grid-cols-[3rem_1fr] p-4 shadow-sm sm:grid-cols-[4rem_1fr] lg:grid-cols-[4rem_1fr_auto]",
      )}
    >
      {!inGroup && (
        <Poster
          src={item.media.poster}
          title={item.media.series || item.media.name}
          size="sm"
          className="row-span-2 aspect-[2/3] w-12 self-start rounded-lg sm:w-16 lg:row-span-1"
        />
      )}
      <div className="min-w-0">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <h2 className={cx("min-w-0 font-semibold break-words text-zinc-900 dark:text-white", inGroup ? "text-sm" : "text-sm sm:text-base")}>
            <Link href={titleHref(item)} className="hover:underline">
              {shown}
            </Link>
          </h2>
          <div className="flex shrink-0 items-center gap-2">
            {live.source === "last_known" && (
              <span
                className="text-xs text-zinc-600 dark:text-zinc-400"
                title={`aria2 did not answer; this is the last state Vodarr recorded${
                  live.updatedAt ? ` (${formatRelativeTime(live.updatedAt)})` : ""
                }.`}
              >
                (last known)
              </span>
            )}
            <Badge tone={badge.tone}>{badge.label}</Badge>
          </div>
        </div>
        <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {showOwner && item.owner && (
            <>
              <Icon name="user" className="mr-1 inline size-3.5 align-[-2px]" />
              <span className="font-medium text-zinc-700 dark:text-zinc-300">{item.owner.name || item.owner.email}</span>
              {" · "}
            </>
          )}
          {created === PLACEHOLDER ? "Added" : `Added ${created}`}
          {!inGroup && item.media.year ? ` · ${item.media.year}` : ""}
        </p>

        {completed ? (
          <FinishedFacts item={item} />
        ) : (
          <>
            {item.state !== "canceled" && (
              <ProgressBar percent={percent} tone={badge.tone} label={`${title}: ${percent} %`} className="mt-3" />
            )}
            <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700 tabular-nums sm:gap-x-6 dark:text-zinc-300">
              <div className="flex w-full gap-1 sm:w-auto sm:min-w-[12.5rem]">
                <dt className="sr-only">Downloaded</dt>
                <dd>
                  {formatBytes(done)}
                  {" of "}
                  {total > 0 ? formatBytes(total) : "unknown size"}
                  <span className="ml-1 inline-block min-w-[3rem] text-zinc-600 dark:text-zinc-400">({percent} %)</span>
                </dd>
              </div>
              {running && (
                <>
                  <div className="flex min-w-[6.5rem] gap-1">
                    <dt className="text-zinc-600 dark:text-zinc-400">Speed</dt>
                    <dd>{item.state === "active" ? formatSpeed(live.downloadSpeed) : PLACEHOLDER}</dd>
                  </div>
                  <div className="flex min-w-[8.5rem] gap-1">
                    <dt className="text-zinc-600 dark:text-zinc-400">Time left</dt>
                    <dd>{item.state === "active" ? formatEta(total, done, live.downloadSpeed) : PLACEHOLDER}</dd>
                  </div>
                </>
              )}
              {item.state === "canceled" && item.canceled_at && (
                <div className="flex gap-1">
                  <dt className="text-zinc-600 dark:text-zinc-400">Canceled</dt>
                  <dd>{formatRelativeTime(item.canceled_at)}</dd>
                </div>
              )}
            </dl>
          </>
        )}

        {reason && (
          <div className="mt-3 text-sm text-red-800 dark:text-red-300">
            <p className="flex items-start gap-1.5">
              <Icon name="error" className="mt-0.5 size-4 shrink-0" />
              <span>{reason}</span>
            </p>
            {item.failure?.detail && (
              <details className="mt-1 ml-5.5 text-xs text-zinc-700 dark:text-zinc-300">
                <summary className="cursor-pointer">aria2's message (admins only)</summary>
                <code className="mt-1 block break-all">{item.failure.detail}</code>
              </details>
            )}
          </div>
        )}
        {!item.canceled_at && (
          <div className="mt-1">
            <RetryCountdown retryNextAt={item.retry_next_at} retryAttempt={item.retry_attempt} />
          </div>
        )}
      </div>
      <div className={cx("flex flex-wrap justify-end gap-2", inGroup ? "lg:items-center" : "col-start-2 lg:col-start-3 lg:w-60 lg:items-center")}>
        <DownloadActions
          id={item.id}
          title={title}
          actions={rowActions(item)}
          completed={effectiveStatus(item) === "complete"}
        />
        {!item.canceled_at && (
          <GetLinkButton url={`/downloads/${item.id}/link`} label="Link" subject={title} variant="ghost" className="px-3 py-1.5" />
        )}
      </div>
    </article>
  );
}

/** A finished file: when it finished, its size, and where it is in the library. */
function FinishedFacts({ item }: { item: DownloadItem }) {
  const finished = formatRelativeTime(item.finished_at);
  const size = item.downloadStatus.totalLength;
  return (
    <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xs text-zinc-700 dark:text-zinc-300">
      <div className="flex gap-1">
        <dt className="text-zinc-600 dark:text-zinc-400">Finished</dt>
        <dd>
          {item.finished_at ? (
            <time dateTime={item.finished_at} title={new Date(item.finished_at).toLocaleString()}>
              {finished}
            </time>
          ) : (
            PLACEHOLDER
          )}
        </dd>
      </div>
      <div className="flex gap-1 tabular-nums">
        <dt className="text-zinc-600 dark:text-zinc-400">Size</dt>
        <dd>{size > 0 ? formatBytes(size) : PLACEHOLDER}</dd>
      </div>
      {item.output_path && (
        <div className="flex min-w-0 gap-1">
          <dt className="shrink-0 text-zinc-600 dark:text-zinc-400">Saved as</dt>
          <dd className="min-w-0 font-mono break-all">{item.output_path}</dd>
        </div>
      )}
    </dl>
  );
}
