import { describe, expect, it } from "vitest";
import { hueFor, initials } from "./initials";

describe("initials", () => {
  it.each([
    ["Ann Lee", "AL"],
    ["ann", "A"],
    ["Mary Ann van Dyke", "MD"],
    ["  ", "?"],
    ["", "?"],
    ["The Lord of the Rings: The Return", "TR"],
    ["12 Angry Men", "1M"],
    ["élodie durand", "ÉD"],
    ["— !!", "?"],
  ])("%j → %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it("can take more letters", () => {
    expect(initials("Breaking Bad Season", 3)).toBe("BBS");
  });
});

describe("hueFor", () => {
  it("is stable and within a circle", () => {
    expect(hueFor("Heat")).toBe(hueFor("Heat"));
    for (const name of ["", "a", "The Wire", "x".repeat(1000)]) {
      const hue = hueFor(name);
      expect(hue).toBeGreaterThanOrEqual(0);
      expect(hue).toBeLessThan(360);
    }
  });
});
