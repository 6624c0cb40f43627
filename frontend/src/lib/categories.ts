/**
 * The Categories page's edits, kept in the browser until saved: hide, pin, move up and down.
 * Pinned categories stay at the top in the order they were pinned; saving sends the whole
 * snapshot (order, hidden, pinned), so the server never merges half an edit.
 */

import type { CategoryRow } from "../types";

export interface CategoryChoices {
  order: number[];
  hidden: number[];
  pinned: number[];
}

/** Pinned rows first (they keep their relative order), then the rest. */
export function normalise(rows: CategoryRow[]): CategoryRow[] {
  return [...rows.filter((r) => r.pinned), ...rows.filter((r) => !r.pinned)];
}

export function toggleHidden(rows: CategoryRow[], id: number): CategoryRow[] {
  return rows.map((r) => (r.id === id ? { ...r, hidden: !r.hidden, pinned: r.hidden ? r.pinned : false } : r));
}

/** Pinning moves a row to the end of the pinned ones; unpinning to the top of the rest. */
export function togglePinned(rows: CategoryRow[], id: number, maxPinned: number): CategoryRow[] {
  const row = rows.find((r) => r.id === id);
  if (!row) return rows;
  if (!row.pinned && rows.filter((r) => r.pinned).length >= maxPinned) return rows;
  const changed = { ...row, pinned: !row.pinned, hidden: row.pinned ? row.hidden : false };
  const others = rows.filter((r) => r.id !== id);
  const pinned = others.filter((r) => r.pinned);
  const rest = others.filter((r) => !r.pinned);
  // Either way it lands between the pinned rows and the rest.
  return [...pinned, changed, ...rest];
}

/** Swap with the neighbour (never across the pinned/unpinned boundary). */
export function move(rows: CategoryRow[], id: number, by: -1 | 1): CategoryRow[] {
  const index = rows.findIndex((r) => r.id === id);
  const here = rows[index];
  const there = rows[index + by];
  if (!here || !there || here.pinned !== there.pinned) return rows;
  const next = [...rows];
  next[index] = there;
  next[index + by] = here;
  return next;
}

export function canMove(rows: CategoryRow[], id: number, by: -1 | 1): boolean {
  return move(rows, id, by) !== rows;
}

export function choices(rows: CategoryRow[]): CategoryChoices {
  return {
    order: rows.map((r) => r.id),
    hidden: rows.filter((r) => r.hidden).map((r) => r.id),
    pinned: rows.filter((r) => r.pinned).map((r) => r.id),
  };
}

/** Keep only rows whose name holds the filter text (case and accents ignored). */
export function matching(rows: CategoryRow[], filter: string): CategoryRow[] {
  const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const wanted = fold(filter.trim());
  return wanted ? rows.filter((r) => fold(r.name).includes(wanted)) : rows;
}
