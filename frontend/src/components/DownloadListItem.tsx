import { effectiveStatus, downloadTitle, failureReason, rowActions, statusBadge } from "../lib/downloadItem";
import { formatBytes, formatEta, formatRelativeTime, formatSpeed, PLACEHOLDER, progressPercent } from "../lib/format";
import type { DownloadItem } from "../types";
import Badge from "./Badge";
import DownloadActions from "./DownloadActions";
import GetLinkButton from "./GetLinkButton";
import Icon from "./Icon";
import Poster from "./Poster";
import ProgressBar from "./ProgressBar";
import RetryCountdown from "./RetryCountdown";

type DownloadListItemProps = { item: DownloadItem; showOwner: boolean };

/** One row of the Downloads page. Figures sit in fixed-width cells so updates never shift it. */
export default function DownloadListItem({ item, showOwner }: DownloadListItemProps) {
  const { downloadStatus: live } = item;
  const title = downloadTitle(item);
  const status = effectiveStatus(item);
  const badge = statusBadge(item);
  const reason = failureReason(item);
  const lastKnown = live.source === "last_known";
  const total = live.totalLength;
  const done = live.completedLength;
  const percent = status === "complete" ? 100 : progressPercent(total, done);
  const transferring = status === "active";
  const created = formatRelativeTime(item.created_at);

  return (
    <article
      aria-label={title}
      className="grid grid-cols-[3rem_1fr] gap-x-4 gap-y-3 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:grid-cols-[4rem_1fr] lg:grid-cols-[4rem_1fr_auto] dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Poster
        src={item.media.poster}
        title={item.media.series || item.media.name}
        size="sm"
        className="row-span-2 aspect-[2/3] w-12 self-start rounded-lg sm:w-16 lg:row-span-1"
      />
      <div className="min-w-0">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <h2 className="min-w-0 text-sm font-semibold break-words text-zinc-900 sm:text-base dark:text-white">{title}</h2>
          <div className="flex shrink-0 items-center gap-2">
            {lastKnown && (
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
          {item.media.year ? ` · ${item.media.year}` : ""}
        </p>

        <ProgressBar
          percent={percent}
          tone={badge.tone}
          label={`${title}: ${percent} %`}
          className="mt-3"
        />
        <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 sm:gap-x-6 text-xs text-zinc-700 tabular-nums dark:text-zinc-300">
          <div className="flex w-full gap-1 sm:w-auto sm:min-w-[12.5rem]">
            <dt className="sr-only">Downloaded</dt>
            <dd>
              {formatBytes(done)}
              {" of "}
              {total > 0 ? formatBytes(total) : "unknown size"}
              <span className="ml-1 inline-block min-w-[3rem] text-zinc-600 dark:text-zinc-400">({percent} %)</span>
            </dd>
          </div>
          <div className="flex min-w-[6.5rem] gap-1">
            <dt className="text-zinc-600 dark:text-zinc-400">Speed</dt>
            <dd>{transferring ? formatSpeed(live.downloadSpeed) : PLACEHOLDER}</dd>
          </div>
          <div className="flex min-w-[8.5rem] gap-1">
            <dt className="text-zinc-600 dark:text-zinc-400">Time left</dt>
            <dd>{transferring ? formatEta(total, done, live.downloadSpeed) : PLACEHOLDER}</dd>
          </div>
        </dl>

        {reason && (
          <p className="mt-3 flex items-start gap-1.5 text-sm text-red-800 dark:text-red-300">
            <Icon name="error" className="mt-0.5 size-4 shrink-0" />
            <span>{reason}</span>
          </p>
        )}
        {!item.canceled_at && (
          <div className="mt-1">
            <RetryCountdown retryNextAt={item.retry_next_at} retryAttempt={item.retry_attempt} />
          </div>
        )}
      </div>
      <div className="col-start-2 flex flex-wrap justify-end gap-2 lg:col-start-3 lg:w-60 lg:items-center">
        <DownloadActions id={item.id} title={title} actions={rowActions(item)} />
        {!item.canceled_at && (
          <GetLinkButton url={`/downloads/${item.id}/link`} label="Link" subject={title} variant="ghost" className="px-3 py-1.5" />
        )}
      </div>
    </article>
  );
}
