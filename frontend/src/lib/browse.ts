/** The Movies and Series pages' filter URLs. */

import type { BrowseSort } from "../types";

export const SORT_OPTIONS: ReadonlyArray<{ value: BrowseSort; label: string }> = [
  { value: "latest", label: "Recently added" },
  { value: "rating", label: "Rating" },
  { value: "name", label: "Name (A–Z)" },
];

export function parseSort(value: string | null | undefined): BrowseSort {
  return value === "rating" || value === "name" ? value : "latest";
}

/**
 * `/movies?category=3&sort=rating`. A new filter starts again at page 1 with a fresh
 * snapshot, so `page` and `as_of` are left out; defaults are left out too.
 */
export function browseUrl(path: string, filters: { category?: string | null; sort?: string | null }): string {
  const params = new URLSearchParams();
  const category = filters.category?.trim();
  if (category) params.set("category", category);
  const sort = parseSort(filters.sort);
  if (sort !== "latest") params.set("sort", sort);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
