import { describe, expect, it } from "vitest";
import { parse, stringify } from "./qs";

describe("the qs stand-in", () => {
  it("reads plain keys, lists and objects, as Inertia's router hands them over", () => {
    expect(parse("?q=night+train&status[]=failed&status[]=paused&page=2")).toEqual({
      q: "night train",
      status: ["failed", "paused"],
      page: "2",
    });
    expect(parse("filter[sort]=name&filter[category]=7")).toEqual({ filter: { sort: "name", category: "7" } });
    expect(parse("episodes[0][season]=1&episodes[0][episode]=2&episodes[1][season]=1")).toEqual({
      episodes: [{ season: "1", episode: "2" }, { season: "1" }],
    });
    expect(parse("")).toEqual({});
  });

  it("writes brackets readable and values encoded, lists with or without indices", () => {
    const data = { q: "a&b é", status: ["failed", "paused"], empty: null, filter: { sort: "name" } };
    expect(stringify(data, { encodeValuesOnly: true, arrayFormat: "brackets" })).toBe(
      "q=a%26b%20%C3%A9&status[]=failed&status[]=paused&filter[sort]=name",
    );
    expect(stringify({ ids: [3, 5] }, { encodeValuesOnly: true, arrayFormat: "indices" })).toBe("ids[0]=3&ids[1]=5");
  });

  it("round-trips what it writes, as a GET visit merging data into its URL does", () => {
    const merged = { ...parse("?q=x&status[]=failed"), page: "3" };
    expect(parse(stringify(merged, { encodeValuesOnly: true }))).toEqual({ q: "x", status: ["failed"], page: "3" });
  });
});

describe("the qs stand-in's limits", () => {
  it("refuses a list format it does not write, rather than writing it wrong", () => {
    expect(() => stringify({ a: ["x"] }, { arrayFormat: "comma" })).toThrow(/brackets or indices/);
  });
});
