import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatDuration,
  formatEta,
  formatRelativeTime,
  formatSpeed,
  progressPercent,
} from "./format";

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1, "1 B"],
    [512, "512 B"],
    [1023, "1023 B"],
    [1024, "1.0 KiB"],
    [1536, "1.5 KiB"],
    [12.3 * MiB, "12.3 MiB"],
    [1.2 * GiB, "1.20 GiB"],
    [3.5 * 1024 * GiB, "3.50 TiB"],
  ])("formats %d as %s", (input, expected) => {
    expect(formatBytes(input)).toBe(expected);
  });

  it("steps up a unit instead of showing 1024.0", () => {
    expect(formatBytes(MiB - 1)).toBe("1.0 MiB");
    expect(formatBytes(GiB - 1)).toBe("1.00 GiB");
  });

  it("drops fractions of a byte", () => {
    expect(formatBytes(10.7)).toBe("10 B");
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "shows a placeholder for %s",
    (input) => {
      expect(formatBytes(input)).toBe("—");
    },
  );

  it("caps at the largest unit for huge numbers", () => {
    expect(formatBytes(2 ** 70)).toBe("1024.00 EiB");
    expect(formatBytes(Number.MAX_SAFE_INTEGER)).toBe("8.00 PiB");
    expect(formatBytes(Number.MAX_VALUE)).toMatch(/ EiB$/);
  });
});

describe("formatSpeed", () => {
  it("formats a speed with binary units", () => {
    expect(formatSpeed(1.5 * MiB)).toBe("1.5 MiB/s");
    expect(formatSpeed(800)).toBe("800 B/s");
  });

  it.each([0, -5, Number.NaN])("shows a dash for %s", (input) => {
    expect(formatSpeed(input)).toBe("—");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [59.4, "59 s"],
    [60, "1 min"],
    [200, "3 min 20 s"],
    [3600, "1 h 00 min"],
    [3900, "1 h 05 min"],
    [86_399, "23 h 59 min"],
    [86_400, "1 d"],
    [2 * 86_400 + 3 * 3600 + 59, "2 d 3 h"],
  ])("formats %d seconds as %s", (input, expected) => {
    expect(formatDuration(input)).toBe(expected);
  });

  it("rounds 59.6 s up into a whole minute", () => {
    expect(formatDuration(59.6)).toBe("1 min");
  });

  it("handles huge durations", () => {
    expect(formatDuration(1e9)).toBe("11574 d 1 h");
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("shows a dash for %s", (input) => {
    expect(formatDuration(input)).toBe("—");
  });
});

describe("formatEta", () => {
  it("divides what is left by the speed", () => {
    expect(formatEta(100 * MiB, 50 * MiB, MiB)).toBe("50 s");
    expect(formatEta(GiB, 0, MiB)).toBe("17 min 4 s");
  });

  it("never says 0 s while bytes remain, and rounds up", () => {
    expect(formatEta(2 * MiB, 64 * KiB, 50 * MiB)).toBe("1 s"); // 3 % done at a burst of speed
    expect(formatEta(100, 1, 40)).toBe("3 s"); // 2.475 s: not yet 2
  });

  it.each([
    ["no speed", GiB, 0, 0],
    ["negative speed", GiB, 0, -1],
    ["unknown size", 0, 0, MiB],
    ["already complete", GiB, GiB, MiB],
    ["more than complete", GiB, 2 * GiB, MiB],
    ["negative completed", GiB, -1, MiB],
    ["NaN total", Number.NaN, 0, MiB],
    ["NaN speed", GiB, 0, Number.NaN],
  ])("shows a dash for %s", (_label, total, completed, speed) => {
    expect(formatEta(total, completed, speed)).toBe("—");
  });
});

describe("progressPercent", () => {
  it.each([
    [100, 0, 0],
    [100, 50, 50],
    [100, 100, 100],
    [3, 1, 33],
    [1000, 999, 99],
    [0, 0, 0],
    [0, 10, 0],
    [-100, 50, 0],
    [100, 150, 100],
    [100, -20, 0],
    [Number.NaN, 10, 0],
    [100, Number.NaN, 0],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER / 2, 50],
  ])("total %d, completed %d → %d%%", (total, completed, expected) => {
    expect(progressPercent(total, completed)).toBe(expected);
  });

  it("does not claim 100% before the last byte", () => {
    expect(progressPercent(10 * GiB, 10 * GiB - 1)).toBe(99);
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2025-06-15T12:00:00Z");

  it.each([
    ["2025-06-15T11:59:30Z", "just now"],
    ["2025-06-15T12:00:20Z", "just now"],
    ["2025-06-15T11:59:10Z", "1 minute ago"],
    ["2025-06-15T11:57:00Z", "3 minutes ago"],
    ["2025-06-15T10:00:00Z", "2 hours ago"],
    ["2025-06-14T12:00:00Z", "yesterday"],
    ["2025-06-12T12:00:00Z", "3 days ago"],
    ["2025-06-01T12:00:00Z", "2 weeks ago"],
    ["2025-03-15T12:00:00Z", "3 months ago"],
    ["2023-06-15T12:00:00Z", "2 years ago"],
    ["2025-06-15T14:00:00Z", "in 2 hours"],
  ])("describes %s as %s", (iso, expected) => {
    expect(formatRelativeTime(iso, now)).toBe(expected);
  });

  it.each([null, undefined, "", "not a date"])("shows a dash for %s", (input) => {
    expect(formatRelativeTime(input, now)).toBe("—");
  });

  it("shows a dash when the reference time is invalid", () => {
    expect(formatRelativeTime("2025-06-15T12:00:00Z", new Date(Number.NaN))).toBe("—");
  });
});
