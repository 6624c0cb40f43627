import { describe, expect, it } from "vitest";
import type { VariantOption } from "../types";
import { initialVariantId, moved, versionsLabel } from "./variants";

const variant = (id: number, preferred = false): VariantOption => ({
  id,
  name: `Film ${id}`,
  label: `V${id}`,
  quality: null,
  languages: [],
  preferred,
});

describe("initialVariantId", () => {
  it("starts on the person's preferred variant, whichever page they opened", () => {
    expect(initialVariantId([variant(1), variant(2, true)], 2, 1)).toBe(2);
  });

  it("falls back to the opened title, then to the first variant", () => {
    expect(initialVariantId([variant(1), variant(2)], null, 2)).toBe(2);
    expect(initialVariantId([variant(1), variant(2)], 9, 7)).toBe(1);
    expect(initialVariantId([], null, 7)).toBe(7);
  });
});

describe("versionsLabel", () => {
  it("speaks only of titles listed more than once", () => {
    expect(versionsLabel(3)).toBe("3 versions");
    expect(versionsLabel(1)).toBeNull();
    expect(versionsLabel(undefined)).toBeNull();
  });
});

describe("moved", () => {
  it("swaps with the neighbour and stops at the ends", () => {
    expect(moved(["4K", "FHD", "HD"], 1, -1)).toEqual(["FHD", "4K", "HD"]);
    expect(moved(["4K", "FHD", "HD"], 2, 1)).toEqual(["4K", "FHD", "HD"]);
    expect(moved(["4K"], 5, -1)).toEqual(["4K"]);
  });
});
