/**
 * The Downloads page's filters: the state tabs, the search, the admin's owners — their URLs,
 * and whether a row the live channel brings belongs on the page being shown.
 */

import type { DownloadCounts, DownloadFilters, DownloadItem, DownloadState } from "../types";
import { normalizeOwnerIds } from "./ownerFilter";

export interface Tab {
  /** null: every state. */
  state: DownloadState | null;
  label: string;
}

export const TABS: readonly Tab[] = [
  { state: null, label: "All" },
  { state: "active", label: "Downloading" },
  { state: "queued", label: "Queued" },
  { state: "paused", label: "Paused" },
  { state: "failed", label: "Failed" },
  { state: "completed", label: "Completed" },
  { state: "canceled", label: "Canceled" },
];

/** `/downloads?status=failed&q=harbour&owners=1,3&batch=…`: the listing's first page. */
export function downloadsUrl(filters: Partial<DownloadFilters>, path = "/downloads"): string {
  const params = new URLSearchParams();
  if (filters.status && filters.status.length > 0) params.set("status", filters.status.join(","));
  const q = filters.q?.trim();
  if (q) params.set("q", q);
  const owners = normalizeOwnerIds(filters.owners ?? []);
  if (owners.length > 0) params.set("owners", owners.join(","));
  if (filters.batch) params.set("batch", filters.batch);
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `${path}?${query}` : path;
}

export function tabCount(counts: DownloadCounts | null | undefined, state: DownloadState | null): number {
  if (!counts) return 0;
  return state === null ? counts.all : counts[state];
}

/** Every word of `q` is in the show's or the episode's title (as the server searches). */
export function searchMatches(item: Pick<DownloadItem, "media">, q: string): boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const { media } = item;
  const haystack = [media.series, media.name, media.title].filter(Boolean).join(" ").toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Whether a row not on screen belongs on this page: page 1, and every filter agrees. */
export function belongsOnPage(item: DownloadItem, filters: DownloadFilters, page: number): boolean {
  if (page !== 1) return false;
  if (filters.batch && item.batch !== filters.batch) return false;
  if (filters.status.length > 0 && !filters.status.includes(item.state)) return false;
  if (filters.owners.length > 0 && !filters.owners.includes(item.user_id)) return false;
  return searchMatches(item, filters.q);
}

/** The tabs' counts can follow the live channel only while nothing narrows them. */
export function countsFollowLive(filters: DownloadFilters): boolean {
  return filters.q.trim() === "" && filters.owners.length === 0 && !filters.batch;
}
