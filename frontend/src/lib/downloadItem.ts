/**
 * How one row of the Downloads page reads: its title, the status badge, where it leads, and
 * the reason a download failed (the server's sentence).
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

/**
 * Why the download failed, or null when it has not. The server says it in a sentence
 * (from aria2's code: one table, server-side); an automatic retry pending says it too.
 */
export function failureReason(item: Pick<DownloadItem, "canceled_at" | "failure">): string | null {
  if (item.canceled_at) return null;
  return item.failure?.reason?.trim() || null;
}

/** Where the title's page is: the movie, or the series the episode belongs to. */
export function titleHref(item: Pick<DownloadItem, "downloadable_type" | "downloadable_id">): string {
  return item.downloadable_type === "Series" ? `/series/${item.downloadable_id}` : `/movies/${item.downloadable_id}`;
}

/** Finished with aria2 for good: the row reads its record (finish time, size, place on disk). */
export function isFinished(item: Pick<DownloadItem, "state">): boolean {
  return item.state === "completed" || item.state === "failed" || item.state === "canceled";
}
