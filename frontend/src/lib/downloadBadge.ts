/**
 * Badges that say what the server has of a title: on poster cards, search results, a title
 * page and season tabs ("Downloaded", "Downloading 45 %", "Failed").
 *
 * The server computes each title's and episode's badge (`download_badges`); a season tab adds
 * up its episodes' here, because the episodes change live on the series page.
 */

import type { DownloadBadge, DownloadItem } from "../types";
import type { StatusTone } from "./downloads";

export interface BadgeText {
  label: string;
  tone: StatusTone;
}

const ORDER: readonly DownloadBadge["state"][] = ["downloading", "queued", "paused", "failed", "downloaded"];

/** What a badge reads; a series (or season) counts its downloaded episodes. */
export function badgeText(badge: DownloadBadge, kind: "movie" | "series" | "episode" = "movie"): BadgeText {
  const percent = badge.percent !== null ? ` ${badge.percent} %` : "";
  switch (badge.state) {
    case "downloading":
      return { label: `Downloading${percent}`, tone: "info" };
    case "queued":
      return { label: "Queued", tone: "neutral" };
    case "paused":
      return { label: percent ? `Paused at${percent}` : "Paused", tone: "warning" };
    case "failed":
      return { label: "Failed", tone: "danger" };
    default:
      if (kind === "series" && badge.done !== badge.files) {
        return { label: `${badge.done} downloaded`, tone: "success" };
      }
      return { label: "Downloaded", tone: "success" };
  }
}

/** The person's own download as a badge (their pause, their failure); null when canceled. */
export function badgeOfItem(item: DownloadItem): DownloadBadge | null {
  const { totalLength, completedLength } = item.downloadStatus;
  const percent = totalLength > 0 ? Math.min(100, Math.floor((completedLength * 100) / totalLength)) : null;
  const state = (
    {
      active: "downloading",
      queued: "queued",
      paused: "paused",
      failed: "failed",
      completed: "downloaded",
    } as const
  )[item.state as Exclude<DownloadItem["state"], "canceled">];
  if (!state) return null;
  return { state, percent: state === "downloaded" ? null : percent, done: state === "downloaded" ? 1 : 0, files: 1 };
}

/** Several files' badges as one (a season): the most pressing state, the done count. */
export function combineBadges(badges: ReadonlyArray<DownloadBadge | null>): DownloadBadge | null {
  const present = badges.filter((badge): badge is DownloadBadge => badge !== null);
  if (present.length === 0) return null;
  const state = ORDER.find((s) => present.some((badge) => badge.state === s)) ?? "downloaded";
  const moving = present.filter((b) => ["downloading", "queued", "paused"].includes(b.state) && b.percent !== null);
  const percent =
    moving.length > 0 ? Math.floor(moving.reduce((sum, b) => sum + (b.percent ?? 0), 0) / moving.length) : null;
  return {
    state,
    percent,
    done: present.reduce((sum, b) => sum + b.done, 0),
    files: present.reduce((sum, b) => sum + b.files, 0),
  };
}
