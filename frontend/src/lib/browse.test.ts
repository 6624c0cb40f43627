import { describe, expect, it } from "vitest";
import { browseUrl, parseSort } from "./browse";

describe("browseUrl", () => {
  it("keeps a category and a sort", () => {
    expect(browseUrl("/movies", { category: "3", sort: "rating" })).toBe("/movies?category=3&sort=rating");
  });

  it("leaves out the defaults", () => {
    expect(browseUrl("/series", { category: null, sort: "latest" })).toBe("/series");
    expect(browseUrl("/series", { category: "", sort: undefined })).toBe("/series");
  });

  it("encodes odd category values", () => {
    expect(browseUrl("/movies", { category: "a&b", sort: "name" })).toBe("/movies?category=a%26b&sort=name");
  });

  it("falls back to the default sort for unknown ones", () => {
    expect(browseUrl("/movies", { category: "2", sort: "popularity" })).toBe("/movies?category=2");
  });
});

describe("parseSort", () => {
  it.each([
    ["rating", "rating"],
    ["name", "name"],
    ["latest", "latest"],
    ["", "latest"],
    [null, "latest"],
    ["RATING", "latest"],
  ])("%j → %s", (input, expected) => {
    expect(parseSort(input)).toBe(expected);
  });
});
