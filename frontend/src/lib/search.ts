/** The header's search-as-you-type. */

import type { MediaCard } from "../types";

export const SUGGEST_MIN_LENGTH = 2;
export const SUGGEST_DEBOUNCE_MS = 150;

export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, " ");
}

export function shouldSuggest(q: string): boolean {
  return normalizeQuery(q).length >= SUGGEST_MIN_LENGTH;
}

export function suggestUrl(q: string): string {
  return `/search/suggest?q=${encodeURIComponent(normalizeQuery(q))}`;
}

export function searchUrl(q: string): string {
  const query = normalizeQuery(q);
  return query ? `/search?q=${encodeURIComponent(query)}` : "/search";
}

function isMediaCard(value: unknown): value is MediaCard {
  if (typeof value !== "object" || value === null) return false;
  const card = value as Partial<MediaCard>;
  return typeof card.id === "number" && typeof card.name === "string" && (card.kind === "movie" || card.kind === "series");
}

/** `{results: MediaCard[]}` → the cards; anything else → none. */
export function parseSuggestions(payload: unknown): MediaCard[] {
  if (typeof payload !== "object" || payload === null) return [];
  const results = (payload as { results?: unknown }).results;
  return Array.isArray(results) ? results.filter(isMediaCard).slice(0, 8) : [];
}
