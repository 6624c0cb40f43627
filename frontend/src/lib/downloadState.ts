/**
 * What a movie or episode page says about the user's own download of that title
 * ("Downloading 45 % · 2.1 MiB/s", "Paused", "Downloaded", "Failed — retry from Downloads").
 */

import type { DownloadState } from "../types";
import type { StatusTone } from "./downloads";
import { formatSpeed, progressPercent } from "./format";

export interface DownloadStateSummary {
  label: string;
  tone: StatusTone;
  /** 0–100 while it is (or was) transferring; null when a bar would say nothing. */
  percent: number | null;
}

/** A title can be downloaded (again) when there is no download, or only a canceled/removed one. */
export function canStartDownload(state: DownloadState | null | undefined): boolean {
  return !state || state.canceled || state.status === "removed";
}

export function downloadStateSummary(state: DownloadState | null | undefined): DownloadStateSummary | null {
  if (!state) return null;
  if (state.canceled) return { label: "Canceled", tone: "neutral", percent: null };
  const percent = progressPercent(state.totalLength, state.completedLength);
  switch (state.status) {
    case "active": {
      const speed = state.downloadSpeed > 0 ? ` · ${formatSpeed(state.downloadSpeed)}` : "";
      const done = state.totalLength > 0 ? `Downloading ${percent} %` : "Starting";
      return { label: `${done}${speed}`, tone: "info", percent };
    }
    case "waiting":
      return { label: "Queued", tone: "neutral", percent: state.totalLength > 0 ? percent : null };
    case "paused":
      return { label: state.totalLength > 0 ? `Paused at ${percent} %` : "Paused", tone: "warning", percent };
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
