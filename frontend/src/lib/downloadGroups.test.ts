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

  it("shows a batch of one as a plain row, unless the page left its other episodes out", () => {
    expect(groupEntries([episode(1, 1, 1)]).map((e) => e.kind)).toEqual(["single"]);
    expect(groupEntries([episode(1, 1, 1)], { capped: new Set(["b"]) }).map((e) => e.kind)).toEqual(["group"]);
  });

  it("lists every row alone when one batch is opened on its own page", () => {
    expect(groupEntries([episode(1, 1, 1), episode(2, 1, 2)], { grouped: false }).map((e) => e.kind)).toEqual([
      "single",
      "single",
    ]);
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
    // "Retry failed" is for the failed one: downloading a finished episode again is not.
    expect(summary.actions.retry).toEqual({ count: 1, target: { ids: [2] } });
    expect(summary.actions.pause).toEqual({ count: 1, target: { ids: [3] } });
    expect(summary.actions.remove).toEqual({ count: 2, target: { ids: [1, 2] } });
    expect(summary.seasons).toBe("Season 1");
  });

  it("averages the episodes, so a long queue of unknown sizes reads barely started", () => {
    const items = [
      episode(1, 1, 1, { state: "completed" }, 4000),
      episode(2, 1, 2, { state: "queued" }, 0),
      episode(3, 1, 3, { state: "queued" }, 0),
      episode(4, 1, 4, { state: "queued" }, 0),
    ];
    expect(groupSummary(items).percent).toBe(25);
  });

  it("adds a long batch's other episodes and acts on the whole batch by state", () => {
    const items = [
      episode(1, 1, 1, { state: "failed", actions: ["remove", "retry"] }),
      { ...episode(2, 1, 2, { state: "active" }), downloadStatus: { ...episode(2, 1, 2).downloadStatus, completedLength: 50 } },
    ];
    const rest = { count: 98, states: { queued: 90, completed: 8 }, progress: 8, seasons: [1, 2, 3] };

    const summary = groupSummary(items, rest, "b");

    expect(summary.total).toBe(100);
    expect(summary.done).toBe(8);
    expect(summary.percent).toBe(8); // (8 finished + half of one) of 100
    expect(summary.seasons).toBe("Seasons 1–3");
    expect(summary.states).toEqual([
      ["failed", 1],
      ["active", 1],
      ["queued", 90],
      ["completed", 8],
    ]);
    expect(summary.actions.cancel).toEqual({ count: 91, target: { status: ["active", "queued"], batch: "b" } });
    expect(summary.actions.retry).toEqual({ count: 1, target: { status: ["failed"], batch: "b" } });
    expect(summary.actions.resume).toBeUndefined();
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
