import { describe, expect, it } from "vitest";
import { normalizeQuery, parseSuggestions, searchUrl, shouldSuggest, suggestUrl } from "./search";

describe("queries", () => {
  it("tidies spaces", () => {
    expect(normalizeQuery("  the   wire ")).toBe("the wire");
  });

  it("suggests from two characters", () => {
    expect(shouldSuggest("a")).toBe(false);
    expect(shouldSuggest(" a ")).toBe(false);
    expect(shouldSuggest("up")).toBe(true);
  });

  it("encodes the query", () => {
    expect(suggestUrl("tom & jerry")).toBe("/search/suggest?q=tom%20%26%20jerry");
    expect(searchUrl(" amélie ")).toBe("/search?q=am%C3%A9lie");
    expect(searchUrl("   ")).toBe("/search");
  });
});

describe("parseSuggestions", () => {
  const card = { id: 1, name: "Heat", poster: null, year: 1995, rating: 7.8, kind: "movie" };

  it("reads the results", () => {
    expect(parseSuggestions({ results: [card] })).toEqual([card]);
  });

  it("skips what is not a card and keeps at most eight", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...card, id: i }));
    expect(parseSuggestions({ results: [null, { id: 1 }, { ...card, kind: "book" }, ...many] })).toHaveLength(8);
  });

  it.each([null, undefined, 3, "x", {}, { results: "x" }])("is empty for %j", (payload) => {
    expect(parseSuggestions(payload)).toEqual([]);
  });
});
