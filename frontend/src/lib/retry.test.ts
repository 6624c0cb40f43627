import { describe, expect, it } from "vitest";
import { attemptNumber, retryCountdownText, secondsUntil } from "./retry";

const now = Date.parse("2025-06-15T12:00:00Z");

describe("secondsUntil", () => {
  it("rounds up to whole seconds so the countdown never shows 0 s while waiting", () => {
    expect(secondsUntil("2025-06-15T12:00:40Z", now)).toBe(40);
    expect(secondsUntil("2025-06-15T12:00:00.200Z", now)).toBe(1);
  });

  it.each([
    ["the past", "2025-06-15T11:59:00Z"],
    ["now", "2025-06-15T12:00:00Z"],
    ["no date", null],
    ["an empty string", ""],
    ["garbage", "soon"],
  ])("is null for %s", (_label, value) => {
    expect(secondsUntil(value, now)).toBeNull();
  });

  it("is null when the clock is unusable", () => {
    expect(secondsUntil("2025-06-15T12:00:40Z", Number.NaN)).toBeNull();
  });

  it("understands offsets other than UTC", () => {
    expect(secondsUntil("2025-06-15T14:00:10+02:00", now)).toBe(10);
  });
});

describe("attemptNumber", () => {
  it.each([
    [3, 3],
    [1, 1],
    [0, 1],
    [-2, 1],
    [9, 5],
    [2.7, 2],
    [Number.NaN, 1],
    [null, 1],
    [undefined, 1],
  ])("%s → %d", (input, expected) => {
    expect(attemptNumber(input as number)).toBe(expected);
  });
});

describe("retryCountdownText", () => {
  it("says when and which attempt", () => {
    expect(retryCountdownText("2025-06-15T12:00:40Z", 3, now)).toBe("Retrying in 40 s (attempt 3 of 5)");
  });

  it("uses minutes for longer waits", () => {
    expect(retryCountdownText("2025-06-15T12:02:05Z", 4, now)).toBe(
      "Retrying in 2 min 5 s (attempt 4 of 5)",
    );
  });

  it("counts down as time passes", () => {
    expect(retryCountdownText("2025-06-15T12:00:40Z", 3, now + 39_000)).toBe(
      "Retrying in 1 s (attempt 3 of 5)",
    );
    expect(retryCountdownText("2025-06-15T12:00:40Z", 3, now + 40_000)).toBeNull();
  });

  it("honours another maximum", () => {
    expect(retryCountdownText("2025-06-15T12:00:05Z", 7, now, 3)).toBe("Retrying in 5 s (attempt 3 of 3)");
  });

  it("is null without a retry ahead", () => {
    expect(retryCountdownText(null, 2, now)).toBeNull();
  });
});
