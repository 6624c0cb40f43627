/**
 * What a movie or episode page says about the person's own download of that title
 * ("Downloading 45 % · 2.1 MiB/s", "Paused", "Verifying…", "Downloaded", "Failed — retry from Downloads").
 */

import type { DownloadItem } from "../types";
import type { StatusTone } from "./downloads";
import { formatSpeed, progressPercent } from "./format";

export interface DownloadStateSummary {
  label: string;
  tone: StatusTone;
  /** 0–100 while it is (or was) transferring; null when a bar would say nothing. */
  percent: number | null;
}

/** A title can be downloaded (again) when there is no download, or only a canceled/removed one. */
export function canStartDownload(item: DownloadItem | null | undefined): boolean {
  return !item || Boolean(item.canceled_at) || item.downloadStatus.status === "removed";
}

export function downloadStateSummary(item: DownloadItem | null | undefined): DownloadStateSummary | null {
  if (!item) return null;
  if (item.canceled_at) return { label: "Canceled", tone: "neutral", percent: null };
  const { status, totalLength, completedLength, downloadSpeed } = item.downloadStatus;
  const percent = progressPercent(totalLength, completedLength);
  switch (status) {
    case "active": {
      const speed = downloadSpeed > 0 ? ` · ${formatSpeed(downloadSpeed)}` : "";
      const done = totalLength > 0 ? `Downloading ${percent} %` : "Starting";
      return { label: `${done}${speed}`, tone: "info", percent };
    }
    case "waiting":
      return { label: "Queued", tone: "neutral", percent: totalLength > 0 ? percent : null };
    case "paused":
      return { label: totalLength > 0 ? `Paused at ${percent} %` : "Paused", tone: "warning", percent };
    case "verifying":
      return { label: "Verifying…", tone: "info", percent: null };
    case "complete":
      return { label: "Downloaded", tone: "success", percent: null };
    case "error":
      return { label: "Failed — retry from Downloads", tone: "danger", percent: null };
    case "removed":
      return { label: "Removed", tone: "neutral", percent: null };
    default:
      return { label: "Unknown state", tone: "neutral", percent: null };
  }
}
