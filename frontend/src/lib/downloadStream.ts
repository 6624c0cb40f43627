/**
 * The pure half of the Downloads page's live progress (the hook is hooks/useDownloadStream):
 * the stream's URL, reading its `downloads` events, and merging changed rows into the page.
 */

import type { DownloadItem } from "../types";

/** Ids of the rows on screen, in order, without duplicates or nonsense. */
export function streamIds(items: ReadonlyArray<Pick<DownloadItem, "id">>): number[] {
  const ids: number[] = [];
  for (const item of items) {
    if (Number.isSafeInteger(item.id) && item.id > 0 && !ids.includes(item.id)) ids.push(item.id);
  }
  return ids;
}

/** `/downloads/stream?ids=1,2,3`, or null when there is nothing to watch. */
export function streamUrl(ids: readonly number[]): string | null {
  return ids.length > 0 ? `/downloads/stream?ids=${ids.join(",")}` : null;
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

/**
 * The rows of a `downloads` event (`{"downloads": [DownloadItem, …]}`). A malformed event is
 * ignored rather than breaking the page: the next one, or a reload, will tell the truth.
 */
export function parseDownloadsEvent(data: string): DownloadItem[] {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return [];
  }
  if (typeof payload !== "object" || payload === null) return [];
  const list = (payload as { downloads?: unknown }).downloads;
  return Array.isArray(list) ? list.filter(isDownloadItem) : [];
}

/**
 * Replace the rows whose id matches a changed item, keeping the order and everything else.
 * Items for rows not on screen are ignored (new rows arrive through a `refresh`). Returns the
 * same array when nothing changed, so React skips the render.
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
    // The stream may omit `owner` (it is per-viewer); keep the one the page had.
    return update.owner === undefined && row.owner !== undefined ? { ...update, owner: row.owner } : update;
  });
  return touched ? merged : rows;
}
