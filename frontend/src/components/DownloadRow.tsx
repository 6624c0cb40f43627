import { statusLabel, statusTone } from "../lib/downloads";
import { formatBytes, formatEta, formatSpeed, progressPercent } from "../lib/format";
import type { DownloadSummary } from "../types";
import Badge from "./Badge";
import ProgressBar from "./ProgressBar";

export default function DownloadRow({ download }: { download: DownloadSummary }) {
  const { name, status, totalLength, completedLength, downloadSpeed } = download;
  const percent = progressPercent(totalLength, completedLength);

  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-start justify-between gap-3">
        <p className="min-w-0 truncate text-sm font-medium">{name}</p>
        <Badge tone={statusTone(status)}>{statusLabel(status)}</Badge>
      </div>
      <ProgressBar percent={percent} label={`${name}: ${percent}%`} className="mt-3" />
      <p className="mt-2 flex flex-wrap gap-x-4 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        <span>
          {formatBytes(completedLength)} of {totalLength > 0 ? formatBytes(totalLength) : "unknown size"}
        </span>
        <span>{formatSpeed(downloadSpeed)}</span>
        <span>ETA {formatEta(totalLength, completedLength, downloadSpeed)}</span>
      </p>
    </div>
  );
}
