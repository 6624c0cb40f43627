import { describe, expect, it } from "vitest";
import { episodeCode, mediaHref } from "./media";

describe("mediaHref", () => {
  it("links movies and series to their own pages", () => {
    expect(mediaHref({ id: 12, kind: "movie" })).toBe("/movies/12");
    expect(mediaHref({ id: 7, kind: "series" })).toBe("/series/7");
  });
});

describe("episodeCode", () => {
  it.each([
    [1, 2, "S01E02"],
    [0, 0, "S00E00"],
    [12, 105, "S12E105"],
    [null, 3, "S??E03"],
    [2, undefined, "S02E??"],
    [-1, 1, "S??E01"],
    [Number.NaN, 1, "S??E01"],
  ])("season %s episode %s → %s", (season, episode, expected) => {
    expect(episodeCode(season, episode)).toBe(expected);
  });
});
