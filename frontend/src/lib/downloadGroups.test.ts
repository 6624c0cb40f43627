import { describe, expect, it } from "vitest";
import { downloadItem } from "../test/downloadItem";
import type { DownloadItem } from "../types";
import { groupEntries, groupSummary, seasonsLabel } from "./downloadGroups";

function episode(id: number, season: number, number: number, overrides: Partial<DownloadItem> = {}, size = 100) {
  return downloadItem(
    id,
    { batch: "b", season, episode: number, downloadable_type: "Series", ...overrides },
    { totalLength: size, completedLength: overrides.state === "completed" ? size : 0 },
  );
}

describe("groupEntries", () => {
  it("gathers a batch where its first row stands, in season and episode order", () => {
    const rows = [downloadItem(9), episode(3, 2, 1), downloadItem(8), episode(1, 1, 2), episode(2, 1, 1)];
    const entries = groupEntries(rows);
    expect(entries.map((e) => e.kind)).toEqual(["single", "group", "single"]);
    const group = entries[1];
    expect(group?.kind === "group" && group.items.map((i) => i.id)).toEqual([2, 1, 3]);
  });

  it("shows a batch of one as a plain row", () => {
    expect(groupEntries([episode(1, 1, 1)]).map((e) => e.kind)).toEqual(["single"]);
  });
});

describe("groupSummary", () => {
  it("counts what is done, sums the progress and lists what each action can do", () => {
    const items = [
      episode(1, 1, 1, { state: "completed", actions: ["remove", "retry"] }),
      episode(2, 1, 2, { state: "failed", actions: ["remove", "retry"] }),
      { ...episode(3, 1, 3, { state: "active" }), downloadStatus: { ...episode(3, 1, 3).downloadStatus, completedLength: 50 } },
    ];
    const summary = groupSummary(items);
    expect(summary.done).toBe(1);
    expect(summary.total).toBe(3);
    expect(summary.percent).toBe(50); // 100 + 0 + 50 of 300
    expect(summary.states).toEqual([
      ["failed", 1],
      ["active", 1],
      ["completed", 1],
    ]);
    expect(summary.actions.retry).toEqual([1, 2]);
    expect(summary.actions.pause).toEqual([3]);
    expect(summary.seasons).toBe("Season 1");
  });
});

describe("seasonsLabel", () => {
  it.each([
    [[1], "Season 1"],
    [[0], "Specials"],
    [[2, 1, 3, 1], "Seasons 1–3"],
    [[1, 3], "Seasons 1, 3"],
  ])("%j reads %s", (seasons, label) => {
    expect(seasonsLabel(seasons)).toBe(label);
  });
});
