import { describe, expect, it } from "vitest";
import type { CategoryRow } from "../types";
import { canMove, choices, matching, move, normalise, toggleHidden, togglePinned } from "./categories";

const row = (id: number, name: string, extra: Partial<CategoryRow> = {}): CategoryRow => ({
  id,
  name,
  hidden: false,
  pinned: false,
  hiddenForEveryone: false,
  ...extra,
});

const ROWS = [row(1, "Action"), row(2, "Comédie"), row(3, "Sports replays"), row(4, "Kids")];

describe("category choices", () => {
  it("pins to the end of the pinned ones, at the top, and at most the allowed number", () => {
    let rows = togglePinned(ROWS, 3, 2);
    rows = togglePinned(rows, 4, 2);
    expect(rows.map((r) => r.id)).toEqual([3, 4, 1, 2]);
    expect(togglePinned(rows, 1, 2)).toBe(rows);
    expect(choices(rows).pinned).toEqual([3, 4]);
  });

  it("unpins to the top of the rest", () => {
    const rows = togglePinned(togglePinned(ROWS, 3, 5), 3, 5);
    expect(rows.map((r) => r.id)).toEqual([3, 1, 2, 4]);
    expect(rows[0]?.pinned).toBe(false);
  });

  it("never hides a pinned category, nor pins a hidden one", () => {
    const pinned = togglePinned(ROWS, 2, 5);
    const hidden = toggleHidden(pinned, 2);
    expect(hidden.find((r) => r.id === 2)).toMatchObject({ hidden: true, pinned: false });
    const repinned = togglePinned(hidden, 2, 5);
    expect(repinned.find((r) => r.id === 2)).toMatchObject({ hidden: false, pinned: true });
  });

  it("moves within the pinned or the unpinned rows only", () => {
    const rows = normalise(togglePinned(ROWS, 4, 5));
    expect(canMove(rows, 4, 1)).toBe(false);
    expect(canMove(rows, 1, -1)).toBe(false);
    expect(move(rows, 1, 1).map((r) => r.id)).toEqual([4, 2, 1, 3]);
    expect(move(rows, 3, 1)).toBe(rows);
  });

  it("sends the whole snapshot", () => {
    const rows = toggleHidden(togglePinned(ROWS, 2, 5), 3);
    expect(choices(rows)).toEqual({ order: [2, 1, 3, 4], hidden: [3], pinned: [2] });
  });

  it("filters by name, ignoring case and accents", () => {
    expect(matching(ROWS, "comedie").map((r) => r.id)).toEqual([2]);
    expect(matching(ROWS, "  ")).toBe(ROWS);
  });
});
