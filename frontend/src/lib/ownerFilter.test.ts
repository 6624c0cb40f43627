import { describe, expect, it } from "vitest";
import { normalizeOwnerIds, ownerFilterLabel, ownersUrl, toggleOwner } from "./ownerFilter";

const options = [
  { id: 1, name: "Ann", email: "ann@example.com" },
  { id: 3, name: "Bob", email: "bob@example.com" },
  { id: 4, name: "", email: "cy@example.com" },
];

describe("ownersUrl", () => {
  it("lists the owners sorted and once each", () => {
    expect(ownersUrl([3, 1, 3])).toBe("/downloads?owners=1,3");
  });

  it("drops the filter for everyone", () => {
    expect(ownersUrl([])).toBe("/downloads");
  });

  it("ignores ids that cannot be users", () => {
    expect(ownersUrl([0, -2, 1.5, Number.NaN, 7])).toBe("/downloads?owners=7");
  });

  it("takes another path", () => {
    expect(ownersUrl([2], "/admin/downloads")).toBe("/admin/downloads?owners=2");
  });
});

describe("toggleOwner", () => {
  it("adds and removes", () => {
    expect(toggleOwner([3], 1)).toEqual([1, 3]);
    expect(toggleOwner([1, 3], 3)).toEqual([1]);
    expect(toggleOwner([], 5)).toEqual([5]);
  });
});

describe("normalizeOwnerIds", () => {
  it("sorts numerically", () => {
    expect(normalizeOwnerIds([10, 9, 100])).toEqual([9, 10, 100]);
  });
});

describe("ownerFilterLabel", () => {
  it.each([
    [[], "Everyone"],
    [[1], "Ann"],
    [[4], "cy@example.com"],
    [[1, 3], "Ann and Bob"],
    [[1, 3, 4], "3 people"],
    [[99], "Everyone"],
  ])("%j reads %s", (ids, label) => {
    expect(ownerFilterLabel(ids, options)).toBe(label);
  });
});
