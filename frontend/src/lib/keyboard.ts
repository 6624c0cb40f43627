/** Arrow-key movement for tab lists and list boxes (WAI-ARIA patterns). */

/**
 * The index a key moves to in a row of `count` items (tabs): arrows wrap, Home/End jump.
 * Null when the key is not a movement key.
 */
export function rovingIndex(current: number, count: number, key: string, orientation: "horizontal" | "vertical" = "horizontal"): number | null {
  if (count <= 0) return null;
  const prev = orientation === "horizontal" ? "ArrowLeft" : "ArrowUp";
  const next = orientation === "horizontal" ? "ArrowRight" : "ArrowDown";
  const from = Math.min(Math.max(0, current), count - 1);
  switch (key) {
    case prev:
      return (from - 1 + count) % count;
    case next:
      return (from + 1) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/**
 * A combobox's active option after a key; -1 means "no option, focus stays in the text".
 * Down from the text goes to the first option, Up to the last; moving past either end
 * returns to the text. Null when the key does not move.
 */
export function listboxIndex(current: number, count: number, key: string): number | null {
  if (count <= 0) return key === "ArrowDown" || key === "ArrowUp" ? -1 : null;
  if (key === "ArrowDown") return current >= count - 1 ? -1 : current + 1;
  if (key === "ArrowUp") return current === -1 ? count - 1 : current - 1;
  return null;
}
