import { describe, expect, it } from "vitest";
import { listboxIndex, rovingIndex } from "./keyboard";

describe("rovingIndex", () => {
  it("moves and wraps with the arrows", () => {
    expect(rovingIndex(0, 3, "ArrowRight")).toBe(1);
    expect(rovingIndex(2, 3, "ArrowRight")).toBe(0);
    expect(rovingIndex(0, 3, "ArrowLeft")).toBe(2);
  });

  it("jumps with Home and End", () => {
    expect(rovingIndex(1, 5, "Home")).toBe(0);
    expect(rovingIndex(1, 5, "End")).toBe(4);
  });

  it("uses Up and Down when vertical", () => {
    expect(rovingIndex(0, 3, "ArrowDown", "vertical")).toBe(1);
    expect(rovingIndex(0, 3, "ArrowRight", "vertical")).toBeNull();
  });

  it("ignores other keys and empty lists", () => {
    expect(rovingIndex(0, 3, "a")).toBeNull();
    expect(rovingIndex(0, 0, "ArrowRight")).toBeNull();
  });

  it("recovers from an index out of range", () => {
    expect(rovingIndex(9, 3, "ArrowRight")).toBe(0);
    expect(rovingIndex(-4, 3, "ArrowLeft")).toBe(2);
  });
});

describe("listboxIndex", () => {
  it("goes from the text to the first or last option", () => {
    expect(listboxIndex(-1, 4, "ArrowDown")).toBe(0);
    expect(listboxIndex(-1, 4, "ArrowUp")).toBe(3);
  });

  it("steps and returns to the text past either end", () => {
    expect(listboxIndex(1, 4, "ArrowDown")).toBe(2);
    expect(listboxIndex(3, 4, "ArrowDown")).toBe(-1);
    expect(listboxIndex(0, 4, "ArrowUp")).toBe(-1);
  });

  it("stays in the text without options", () => {
    expect(listboxIndex(-1, 0, "ArrowDown")).toBe(-1);
    expect(listboxIndex(-1, 0, "Enter")).toBeNull();
  });

  it("ignores other keys", () => {
    expect(listboxIndex(1, 4, "Tab")).toBeNull();
  });
});
