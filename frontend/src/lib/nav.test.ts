import { describe, expect, it } from "vitest";
import { isActivePath, navItemsFor, pathOf } from "./nav";

describe("pathOf", () => {
  it("drops the query, the fragment and a trailing slash", () => {
    expect(pathOf("/movies?page=2")).toBe("/movies");
    expect(pathOf("/movies/#top")).toBe("/movies");
    expect(pathOf("")).toBe("/");
    expect(pathOf("/")).toBe("/");
  });
});

describe("isActivePath", () => {
  it.each([
    ["/movies", "/movies", true],
    ["/movies/42", "/movies", true],
    ["/movies?category=3", "/movies", true],
    ["/movies-archive", "/movies", false],
    ["/series/7", "/movies", false],
    ["/downloads?owners=1,2", "/downloads", true],
    ["/", "/", true],
    ["/discover", "/", false],
  ])("%s is active for %s: %s", (url, href, expected) => {
    expect(isActivePath(url, href)).toBe(expected);
  });
});

describe("navItemsFor", () => {
  const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.label);

  it("shows admins every section", () => {
    expect(labels("admin")).toEqual([
      "Discover",
      "Movies",
      "Series",
      "Downloads",
      "Watchlist",
      "Schedules",
      "Settings",
      "Users",
    ]);
  });

  it("hides admin sections from members and guests", () => {
    const everyone = ["Discover", "Movies", "Series", "Downloads", "Watchlist", "Schedules"];
    expect(labels("member")).toEqual(everyone);
    expect(labels(null)).toEqual(everyone);
  });
});
