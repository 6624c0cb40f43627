import { describe, expect, it } from "vitest";
import { countsText, initialSettings, minutesOf, seasonsText, timeAtMinute, toggleDay, toggleSeason } from "./monitoring";

describe("countsText", () => {
  it("lists the outcomes that happened, in a fixed order", () => {
    expect(countsText({ deferred: 3, queued: 2, error: 0 })).toBe("2 queued · 3 next run");
  });

  it("says when nothing happened", () => {
    expect(countsText({})).toBe("Nothing new");
  });
});

describe("seasonsText", () => {
  it("reads naturally", () => {
    expect(seasonsText("all")).toBe("All seasons");
    expect(seasonsText([2])).toBe("Season 2");
    expect(seasonsText([0])).toBe("Specials");
    expect(seasonsText([1, 2, 4])).toBe("Seasons 1, 2 and 4");
  });
});

describe("form helpers", () => {
  it("starts a new monitor on new episodes, daily, in the browser's zone", () => {
    expect(initialSettings(null, "Europe/Paris")).toEqual({
      seasons: "all",
      from: "future",
      schedule: "daily",
      time: "06:00",
      days: [0, 1, 2, 3, 4, 5, 6],
      timezone: "Europe/Paris",
    });
  });

  it("toggles days and seasons, keeping them sorted", () => {
    expect(toggleDay([0, 4], 2)).toEqual([0, 2, 4]);
    expect(toggleDay([0, 2, 4], 2)).toEqual([0, 4]);
    expect(toggleSeason("all", 2)).toEqual([2]);
    expect(toggleSeason([3], 1)).toEqual([1, 3]);
    expect(toggleSeason([1, 3], 3)).toEqual([1]);
  });

  it("edits the hourly minute as a number", () => {
    expect(minutesOf("06:45")).toBe(45);
    expect(minutesOf("junk")).toBe(0);
    expect(timeAtMinute(7)).toBe("00:07");
    expect(timeAtMinute(75)).toBe("00:59");
  });
});
