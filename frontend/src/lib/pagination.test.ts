import { describe, expect, it } from "vitest";
import { pageUrl, pageWindow, rangeText, withPage } from "./pagination";

describe("withPage", () => {
  it("changes only the page and keeps the filters and the snapshot", () => {
    expect(withPage("/movies?category=3&sort=rating&page=2&as_of=2025-06-15T12:00:00Z", 7)).toBe(
      "/movies?category=3&sort=rating&page=7&as_of=2025-06-15T12%3A00%3A00Z",
    );
  });

  it("adds a page to a URL without one", () => {
    expect(withPage("/downloads", 2)).toBe("/downloads?page=2");
  });

  it("keeps owner lists readable", () => {
    expect(withPage("/downloads?page=2&owners=1,3", 4)).toBe("/downloads?page=4&owners=1,3");
  });

  it("keeps a fragment", () => {
    expect(withPage("/series?page=1#grid", 3)).toBe("/series?page=3#grid");
  });
});

describe("pageUrl", () => {
  const paginator = {
    current_page: 3,
    last_page: 10,
    prev_page_url: "/movies?page=2&as_of=X",
    next_page_url: "/movies?page=4&as_of=X",
  };

  it("uses the server's own URLs for the neighbours", () => {
    expect(pageUrl(paginator, 2)).toBe("/movies?page=2&as_of=X");
    expect(pageUrl(paginator, 4)).toBe("/movies?page=4&as_of=X");
  });

  it("builds the others from a template", () => {
    expect(pageUrl(paginator, 1)).toBe("/movies?page=1&as_of=X");
    expect(pageUrl(paginator, 10)).toBe("/movies?page=10&as_of=X");
  });

  it("works from the first and the last page", () => {
    expect(pageUrl({ ...paginator, current_page: 1, prev_page_url: null, next_page_url: "/m?page=2" }, 5)).toBe("/m?page=5");
    expect(pageUrl({ ...paginator, current_page: 10, next_page_url: null, prev_page_url: "/m?page=9" }, 1)).toBe("/m?page=1");
  });

  it.each([0, -1, 11, 2.5, Number.NaN])("has no URL for page %s", (page) => {
    expect(pageUrl(paginator, page)).toBeNull();
  });

  it("has no URL on a single page", () => {
    expect(pageUrl({ current_page: 1, last_page: 1, prev_page_url: null, next_page_url: null }, 1)).toBeNull();
  });
});

describe("pageWindow", () => {
  it("lists every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("shows a window around the current page", () => {
    expect(pageWindow(10, 20)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
  });

  it("fills the start and the end without a one-page gap", () => {
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, 4, 5, "gap", 20]);
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, "gap", 20]);
    expect(pageWindow(5, 20)).toEqual([1, "gap", 4, 5, 6, "gap", 20]);
    expect(pageWindow(20, 20)).toEqual([1, "gap", 16, 17, 18, 19, 20]);
    expect(pageWindow(17, 20)).toEqual([1, "gap", 16, 17, 18, 19, 20]);
  });

  it("always shows the same number of slots", () => {
    for (let page = 1; page <= 50; page++) expect(pageWindow(page, 50)).toHaveLength(7);
  });

  it("clamps a current page out of range", () => {
    expect(pageWindow(99, 20)).toEqual(pageWindow(20, 20));
    expect(pageWindow(0, 20)).toEqual(pageWindow(1, 20));
  });

  it("is empty without pages", () => {
    expect(pageWindow(1, 0)).toEqual([]);
    expect(pageWindow(1, Number.NaN)).toEqual([]);
  });
});

describe("rangeText", () => {
  it("says which items are shown", () => {
    expect(rangeText({ from: 21, to: 40, total: 1245 })).toBe("Showing 21–40 of 1,245");
  });

  it("says when there is nothing", () => {
    expect(rangeText({ from: null, to: null, total: 0 }, "downloads")).toBe("No downloads");
  });
});
