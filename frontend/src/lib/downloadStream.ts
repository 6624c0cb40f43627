/**
 * The pure half of live downloads (the hooks are in hooks/useDownloadStream): reading the live
 * channel's `downloads` events and applying them to what a page shows.
 *
 * An event is `{downloads: DownloadItem[], removed: number[], counts, at}`: the person's rows
 * that changed (or appeared) since the previous event, the ids that went away, the counts per
 * state, and when it was read (epoch ms; a page rendered later already has newer data).
 */

import type { DownloadCounts, DownloadItem } from "../types";

export interface DownloadsEvent {
  downloads: DownloadItem[];
  removed: number[];
  counts: DownloadCounts | null;
  at: number;
}

function isDownloadItem(value: unknown): value is DownloadItem {
  if (typeof value !== "object" || value === null) return false;
  const item = value as Partial<DownloadItem>;
  return (
    typeof item.id === "number" &&
    typeof item.downloadStatus === "object" &&
    item.downloadStatus !== null &&
    typeof item.media === "object" &&
    item.media !== null
  );
}

function isCounts(value: unknown): value is DownloadCounts {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((n) => typeof n === "number" && Number.isFinite(n))
  );
}

/**
 * An event's data (already parsed). Malformed parts are dropped rather than breaking the
 * page: the next event, or a reload, will tell the truth.
 */
export function readDownloadsEvent(data: Record<string, unknown>): DownloadsEvent {
  const list = Array.isArray(data.downloads) ? data.downloads.filter(isDownloadItem) : [];
  const removed = Array.isArray(data.removed)
    ? data.removed.filter((id): id is number => Number.isSafeInteger(id))
    : [];
  return {
    downloads: list,
    removed,
    counts: isCounts(data.counts) ? data.counts : null,
    at: typeof data.at === "number" ? data.at : 0,
  };
}

/**
 * Replace the rows whose id matches a changed item, keeping the order and everything else.
 * Returns the same array when nothing changed, so React skips the render.
 */
export function mergeDownloadItems(
  rows: readonly DownloadItem[],
  changed: readonly DownloadItem[],
): readonly DownloadItem[] {
  if (changed.length === 0) return rows;
  const byId = new Map<number, DownloadItem>();
  for (const item of changed) byId.set(item.id, item); // the last one for an id wins
  let touched = false;
  const merged = rows.map((row) => {
    const update = byId.get(row.id);
    if (!update || update === row) return row;
    touched = true;
    // An event may leave `owner` out (it is per viewer); keep the one the page had.
    return update.owner === undefined && row.owner !== undefined ? { ...update, owner: row.owner } : update;
  });
  return touched ? merged : rows;
}

export interface ApplyOptions {
  /** Whether a row not on screen belongs on it (this page's filters); default: never. */
  accept?: (item: DownloadItem) => boolean;
  /** At most this many rows (a panel that shows the newest few). */
  limit?: number;
}

/**
 * A list after an event: rows that went away are dropped, changed ones replaced in place, and
 * new ones the page accepts put in: beside the other episodes of their batch when the batch
 * is on screen, else first (they are the newest).
 */
export function applyDownloadsEvent(
  rows: readonly DownloadItem[],
  event: Pick<DownloadsEvent, "downloads" | "removed">,
  { accept, limit }: ApplyOptions = {},
): readonly DownloadItem[] {
  const gone = new Set(event.removed);
  let next: readonly DownloadItem[] = gone.size > 0 ? rows.filter((row) => !gone.has(row.id)) : rows;
  next = mergeDownloadItems(next, event.downloads);
  const onScreen = new Set(next.map((row) => row.id));
  const fresh = accept ? event.downloads.filter((item) => !onScreen.has(item.id) && !gone.has(item.id) && accept(item)) : [];
  if (fresh.length > 0) {
    const list = [...next];
    const newest = [...fresh].sort((a, b) => (b.created_at ?? "").localeCompare(a.created_at ?? "") || b.id - a.id);
    const first: DownloadItem[] = [];
    for (const item of newest) {
      const last = item.batch ? findLastIndex(list, (row) => row.batch === item.batch) : -1;
      if (last >= 0) list.splice(last + 1, 0, item);
      else first.push(item);
    }
    next = [...first, ...list];
  }
  if (limit !== undefined && next.length > limit) next = next.slice(0, limit);
  return next.length === rows.length && next.every((row, i) => row === rows[i]) ? rows : next;
}

function findLastIndex<T>(list: readonly T[], predicate: (value: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i -= 1) if (predicate(list[i] as T)) return i;
  return -1;
}

/** The person's newest live (not canceled) item among `items` that `match` picks, if any. */
export function latestOwnDownload(
  current: DownloadItem | null,
  event: Pick<DownloadsEvent, "downloads" | "removed">,
  match: (item: DownloadItem) => boolean,
): DownloadItem | null {
  let next = current && event.removed.includes(current.id) ? null : current;
  for (const item of event.downloads) {
    if (!match(item)) continue;
    if (item.canceled_at) {
      if (next?.id === item.id) next = null; // the page shows live downloads only
    } else if (!next || item.id >= next.id) {
      next = item;
    }
  }
  return next;
}

/**
 * Whether an event tells of an episode of a capped batch (a long batch whose group row shows
 * only some episodes) that is not on the page: the group's summary of the others is then out
 * of date.
 */
export function touchesCappedGroup(
  event: Pick<DownloadsEvent, "downloads">,
  capped: ReadonlySet<string>,
  shown: readonly DownloadItem[],
): boolean {
  if (capped.size === 0) return false;
  const onScreen = new Set(shown.map((row) => row.id));
  return event.downloads.some((item) => item.batch !== null && item.batch !== undefined && capped.has(item.batch) && !onScreen.has(item.id));
}
