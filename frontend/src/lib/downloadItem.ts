/**
 * How one row of the Downloads page reads: its title, the status badge, and the reason a
 * download failed, in plain words.
 */

import type { DownloadItem } from "../types";
import { type DownloadAction, type StatusTone, allowedActions, statusLabel, statusTone } from "./downloads";
import { episodeCode } from "./media";

const ACTIONS: readonly DownloadAction[] = ["pause", "resume", "retry", "cancel", "remove"];

export function isEpisode(item: Pick<DownloadItem, "downloadable_type" | "media">): boolean {
  return item.downloadable_type === "Series" || item.media.series !== null;
}

/** Movies: "Name"; episodes: "Series · S01E02 · Episode title" (the title when there is one). */
export function downloadTitle(item: Pick<DownloadItem, "downloadable_type" | "media" | "season" | "episode">): string {
  const { media } = item;
  if (!isEpisode(item)) return media.name || media.title || "Untitled";
  const series = media.series || media.name || "Untitled series";
  const code = episodeCode(media.season ?? item.season, media.episode ?? item.episode);
  const title = media.title && media.title !== series ? media.title : null;
  return title ? `${series} · ${code} · ${title}` : `${series} · ${code}`;
}

/** The status the row stands for: a canceled row is canceled whatever aria2 last said. */
export function effectiveStatus(item: Pick<DownloadItem, "canceled_at" | "downloadStatus">): string {
  if (item.canceled_at) return "canceled";
  return item.downloadStatus.status ?? "unknown";
}

export interface StatusBadge {
  label: string;
  tone: StatusTone;
}

export function statusBadge(item: Pick<DownloadItem, "canceled_at" | "downloadStatus" | "desired_paused">): StatusBadge {
  const status = effectiveStatus(item);
  if (status === "paused" && item.desired_paused) return { label: "Paused by you", tone: "warning" };
  return { label: statusLabel(status), tone: statusTone(status) };
}

/** The server's list of actions when it sent one, else what the status allows. */
export function rowActions(item: Pick<DownloadItem, "actions" | "canceled_at" | "downloadStatus">): DownloadAction[] {
  if (Array.isArray(item.actions)) {
    return ACTIONS.filter((action) => item.actions.includes(action));
  }
  return allowedActions(effectiveStatus(item));
}

/** aria2's exit codes, in words a household understands. */
const ARIA2_ERRORS: Record<string, string> = {
  "1": "Something went wrong while downloading.",
  "2": "The provider took too long to answer.",
  "3": "The provider no longer has this file.",
  "5": "The download was too slow and was stopped.",
  "6": "The network connection failed.",
  "7": "The download was interrupted.",
  "8": "The provider does not allow resuming; restart it from zero.",
  "9": "The server's disk is full.",
  "13": "A file with this name already exists.",
  "16": "The file could not be created on the server's disk.",
  "17": "The file could not be written on the server's disk.",
  "19": "The provider's address could not be found.",
  "22": "The provider answered with an error.",
  "23": "The provider redirected too many times.",
  "24": "The provider refused the account (check the credentials in Settings).",
  "28": "The provider answered with an error.",
};

export function aria2ErrorText(code: string | number | null | undefined): string | null {
  if (code === null || code === undefined || code === "" || String(code) === "0") return null;
  return ARIA2_ERRORS[String(code)] ?? `The download failed (aria2 error ${code}).`;
}

/**
 * Why the download failed, or null when it has not. The server's message wins (it is
 * already in plain words and redacted); aria2's code is the fallback.
 */
export function failureReason(
  item: Pick<DownloadItem, "canceled_at" | "downloadStatus" | "last_error_message" | "last_error_code" | "retry_next_at">,
): string | null {
  if (item.canceled_at) return null;
  const { downloadStatus: status } = item;
  const failed = status.status === "error" || Boolean(item.retry_next_at);
  if (!failed) return null;
  return (
    status.errorMessage?.trim() ||
    item.last_error_message?.trim() ||
    aria2ErrorText(status.errorCode ?? item.last_error_code) ||
    "The download failed."
  );
}
