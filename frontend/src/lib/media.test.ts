import { describe, expect, it } from "vitest";
import { mediaHref } from "./media";

describe("mediaHref", () => {
  it("links movies and series to their own pages", () => {
    expect(mediaHref({ id: 12, kind: "movie" })).toBe("/movies/12");
    expect(mediaHref({ id: 7, kind: "series" })).toBe("/series/7");
  });
});
