/**
 * Page links from a paginator. The server only sends the previous and next URLs (they carry
 * the page's filters and the `as_of` snapshot), so numbered links are built from one of them
 * by changing its `page` and nothing else.
 */

import type { Paginator } from "../types";

type PageInfo = Pick<Paginator<unknown>, "current_page" | "last_page" | "next_page_url" | "prev_page_url">;

/** `template` with its `page` set to `page`; the path and every other parameter are kept. */
export function withPage(template: string, page: number): string {
  const [beforeHash = "", hash] = template.split("#", 2);
  const [path = "", query = ""] = beforeHash.split("?", 2);
  const params = new URLSearchParams(query);
  params.set("page", String(page));
  // URLSearchParams encodes "," as %2C; the server accepts both, but keep URLs readable.
  const search = params.toString().replace(/%2C/gi, ",");
  return `${path}?${search}${hash !== undefined ? `#${hash}` : ""}`;
}

/** The URL of page `page`, or null when it does not exist or no template is known. */
export function pageUrl(paginator: PageInfo, page: number): string | null {
  if (!Number.isInteger(page) || page < 1 || page > paginator.last_page) return null;
  if (page === paginator.current_page - 1 && paginator.prev_page_url) return paginator.prev_page_url;
  if (page === paginator.current_page + 1 && paginator.next_page_url) return paginator.next_page_url;
  const template = paginator.next_page_url ?? paginator.prev_page_url;
  return template ? withPage(template, page) : null;
}

export type PageSlot = number | "gap";

/**
 * Which page numbers to show: always the first and last, and a window around the current
 * one; a single hidden page is shown rather than replaced by "…". Always the same count for
 * a given `last`, so the bar does not jump as you page.
 */
export function pageWindow(current: number, last: number, siblings = 1): PageSlot[] {
  if (!Number.isFinite(last) || last < 1) return [];
  const total = siblings * 2 + 5; // first, last, current, siblings and two gaps
  if (last <= total) return Array.from({ length: last }, (_, i) => i + 1);
  const page = Math.min(Math.max(1, Math.floor(current) || 1), last);

  const left = Math.max(page - siblings, 1);
  const right = Math.min(page + siblings, last);
  const showLeftGap = left > 3;
  const showRightGap = right < last - 2;

  if (!showLeftGap) {
    const count = siblings * 2 + 3;
    return [...Array.from({ length: count }, (_, i) => i + 1), "gap", last];
  }
  if (!showRightGap) {
    const count = siblings * 2 + 3;
    return [1, "gap", ...Array.from({ length: count }, (_, i) => last - count + 1 + i)];
  }
  return [1, "gap", ...Array.from({ length: right - left + 1 }, (_, i) => left + i), "gap", last];
}

/** "Showing 21–40 of 245" (or "No results"). */
export function rangeText(paginator: Pick<Paginator<unknown>, "from" | "to" | "total">, noun = "results"): string {
  if (!paginator.total || paginator.from === null || paginator.to === null) return `No ${noun}`;
  const n = (value: number) => value.toLocaleString("en");
  return `Showing ${n(paginator.from)}–${n(paginator.to)} of ${n(paginator.total)}`;
}
