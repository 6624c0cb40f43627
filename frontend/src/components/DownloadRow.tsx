import { Link } from "@inertiajs/react";
import { downloadTitle, effectiveStatus } from "../lib/downloadItem";
import { statusLabel, statusTone } from "../lib/downloads";
import { formatBytes, formatEta, formatSpeed, PLACEHOLDER, progressPercent } from "../lib/format";
import { cx } from "../lib/ui";
import type { DownloadItem } from "../types";
import Badge from "./Badge";
import ProgressBar from "./ProgressBar";

type DownloadRowProps = { download: DownloadItem; href?: string };

/** A compact download: name, state, a bar and its figures (the Discover page's "at a glance"). */
export default function DownloadRow({ download, href }: DownloadRowProps) {
  const name = downloadTitle(download);
  const status = effectiveStatus(download);
  const { totalLength, completedLength, downloadSpeed } = download.downloadStatus;
  const percent = progressPercent(totalLength, completedLength);
  const tone = statusTone(status);
  const active = status === "active";

  const body = (
    <>
      <div className="flex items-start justify-between gap-3">
        <p className="min-w-0 truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{name}</p>
        <Badge tone={tone}>{statusLabel(status)}</Badge>
      </div>
      <ProgressBar percent={percent} tone={tone} label={`${name}: ${percent} %`} className="mt-3" />
      <p className="mt-2 flex flex-wrap gap-x-4 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        <span className="min-w-[10rem]">
          {formatBytes(completedLength)} of {totalLength > 0 ? formatBytes(totalLength) : "unknown size"}
        </span>
        <span className="min-w-[5.5rem]">{active ? formatSpeed(downloadSpeed) : PLACEHOLDER}</span>
        <span>{active ? `${formatEta(totalLength, completedLength, downloadSpeed)} left` : ""}</span>
      </p>
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
