import { describe, expect, it } from "vitest";
import { isOnWatchlist, watchlistActionLabel } from "./watchlist";

describe("isOnWatchlist", () => {
  const list = { movie: [1, 2], series: [10] };

  it("looks in the list of the title's own kind", () => {
    expect(isOnWatchlist(list, { id: 1, kind: "movie" })).toBe(true);
    expect(isOnWatchlist(list, { id: 10, kind: "series" })).toBe(true);
    expect(isOnWatchlist(list, { id: 10, kind: "movie" })).toBe(false);
  });

  it("is false for a guest, who has no list", () => {
    expect(isOnWatchlist(null, { id: 1, kind: "movie" })).toBe(false);
  });
});

describe("watchlistActionLabel", () => {
  it("says what a click does", () => {
    expect(watchlistActionLabel(false, "Nosferatu")).toBe("Add Nosferatu to your watchlist");
    expect(watchlistActionLabel(true, "Nosferatu")).toBe("Remove Nosferatu from your watchlist");
  });
});
