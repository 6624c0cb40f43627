import { Link } from "@inertiajs/react";
import { downloadTitle, failureReason, statusBadge } from "../lib/downloadItem";
import { formatBytes, formatEta, formatRelativeTime, formatSpeed, progressPercent } from "../lib/format";
import { cx } from "../lib/ui";
import type { DownloadItem } from "../types";
import Badge from "./Badge";
import ProgressBar from "./ProgressBar";

type DownloadRowProps = { download: DownloadItem; href?: string };

/**
 * A compact download (Discover's "at a glance"): name, state, a bar and what matters now —
 * speed and time left while it runs, when it finished once it has, why it failed if it did.
 */
export default function DownloadRow({ download, href }: DownloadRowProps) {
  const name = downloadTitle(download);
  const badge = statusBadge(download);
  const { totalLength, completedLength, downloadSpeed } = download.downloadStatus;
  const completed = download.state === "completed";
  const percent = completed ? 100 : progressPercent(totalLength, completedLength);
  const reason = failureReason(download);

  let facts: string[];
  if (completed) {
    facts = [formatBytes(totalLength), `finished ${formatRelativeTime(download.finished_at)}`];
  } else {
    facts = [`${formatBytes(completedLength)} of ${totalLength > 0 ? formatBytes(totalLength) : "unknown size"}`];
    if (download.state === "active") {
      facts.push(formatSpeed(downloadSpeed), `${formatEta(totalLength, completedLength, downloadSpeed)} left`);
    }
  }

  const body = (
    <>
      <div className="flex items-start justify-between gap-3">
        <p className="min-w-0 truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{name}</p>
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </div>
      <ProgressBar percent={percent} tone={badge.tone} label={`${name}: ${percent} %`} className="mt-3" />
      <p className="mt-2 flex flex-wrap gap-x-4 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        {facts.map((fact) => (
          <span key={fact}>{fact}</span>
        ))}
      </p>
      {reason && <p className="mt-2 line-clamp-2 text-xs text-red-800 dark:text-red-300">{reason}</p>}
    </>
  );

  const frame = "block rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";
  return href ? (
    <Link href={href} className={cx(frame, "transition-colors hover:border-brand-400 dark:hover:border-brand-500")}>
      {body}
    </Link>
  ) : (
    <div className={frame}>{body}</div>
  );
}
