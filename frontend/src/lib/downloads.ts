/**
 * What a download's aria2 status allows and how it is shown.
 *
 * The allowed actions mirror the server's check (spec/downloads-api.md, "Action
 * Validation"): the UI only offers what the server would accept.
 */

import type { Aria2Status, DownloadState } from "../types";

/** The statuses a row can show: aria2's (and Vodarr's "verifying"), or canceled. */
export type DownloadStatus = Aria2Status | "canceled";

export type DownloadAction = "pause" | "resume" | "retry" | "cancel" | "remove";

/**
 * Which downloads a bulk action (`POST /downloads/bulk`) is for: these ids, or every one in
 * these states, narrowed by the search, the owners and one batch.
 */
export type BulkTarget = { ids: number[] } | { status: DownloadState[]; q?: string; owners?: string; batch?: string };

export type StatusTone = "info" | "neutral" | "warning" | "danger" | "success";

const ACTIONS: Record<DownloadStatus, readonly DownloadAction[]> = {
  active: ["pause", "cancel"],
  paused: ["resume", "cancel"],
  waiting: ["cancel"],
  error: ["retry", "remove"],
  complete: ["retry", "remove"],
  removed: ["retry", "remove"],
  // The file is being checked (seconds): nothing to do until it is complete or refused.
  verifying: [],
  canceled: ["remove"],
};

const LABELS: Record<DownloadStatus, string> = {
  active: "Downloading",
  waiting: "Queued",
  paused: "Paused",
  error: "Failed",
  complete: "Completed",
  removed: "Removed",
  verifying: "Verifying…",
  canceled: "Canceled",
};

const TONES: Record<DownloadStatus, StatusTone> = {
  active: "info",
  waiting: "neutral",
  paused: "warning",
  error: "danger",
  complete: "success",
  removed: "neutral",
  verifying: "info",
  canceled: "neutral",
};

export function isDownloadStatus(value: unknown): value is DownloadStatus {
  return typeof value === "string" && Object.hasOwn(ACTIONS, value);
}

export function allowedActions(status: string | null | undefined): DownloadAction[] {
  return isDownloadStatus(status) ? [...ACTIONS[status]] : [];
}

export function canTakeAction(status: string | null | undefined, action: DownloadAction): boolean {
  return allowedActions(status).includes(action);
}

export function statusLabel(status: string | null | undefined): string {
  return isDownloadStatus(status) ? LABELS[status] : "Unknown";
}

export function statusTone(status: string | null | undefined): StatusTone {
  return isDownloadStatus(status) ? TONES[status] : "neutral";
}
