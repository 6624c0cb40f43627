import { describe, expect, it } from "vitest";
import type { DownloadItem } from "../types";
import { downloadItem } from "../test/downloadItem";
import {
  applyDownloadsEvent,
  latestOwnDownload,
  mergeDownloadItems,
  readDownloadsEvent,
  touchesCappedGroup,
} from "./downloadStream";

function item(id: number, overrides: Partial<DownloadItem> = {}): DownloadItem {
  return downloadItem(id, overrides, { dir: "/data" });
}

const progressed = (row: DownloadItem, completedLength: number): DownloadItem => ({
  ...row,
  downloadStatus: { ...row.downloadStatus, completedLength },
});

describe("readDownloadsEvent", () => {
  it("reads the rows, the removed ids, the counts and the time", () => {
    const counts = { active: 1, queued: 0, paused: 0, failed: 0, completed: 0, canceled: 0, attention: 0, all: 1, entries: 1 };
    const event = readDownloadsEvent({ downloads: [item(1), item(2)], removed: [7], counts, at: 1234 });
    expect(event.downloads.map((r) => r.id)).toEqual([1, 2]);
    expect(event.removed).toEqual([7]);
    expect(event.counts).toEqual(counts);
    expect(event.at).toBe(1234);
  });

  it.each([
    ["no keys", {}],
    ["downloads not a list", { downloads: { id: 1 } }],
    ["removed not a list", { removed: "7" }],
    ["counts not numbers", { counts: { active: "1" } }],
  ])("ignores %s", (_label, data) => {
    const event = readDownloadsEvent(data as Record<string, unknown>);
    expect(event.downloads).toEqual([]);
    expect(event.counts).toBeNull();
  });

  it("skips entries that are not download items or ids", () => {
    const event = readDownloadsEvent({ downloads: [null, 3, { id: "1" }, { id: 2 }, item(4)], removed: [1, "x", 2.5, 3] });
    expect(event.downloads.map((r) => r.id)).toEqual([4]);
    expect(event.removed).toEqual([1, 3]);
  });
});

describe("applyDownloadsEvent", () => {
  const rows = [item(3), item(2), item(1)];
  const none = { downloads: [], removed: [] };

  it("drops rows that went away", () => {
    expect(applyDownloadsEvent(rows, { ...none, removed: [2] }).map((r) => r.id)).toEqual([3, 1]);
  });

  it("puts a new row the page accepts first, and ignores one it does not", () => {
    const next = applyDownloadsEvent(rows, { ...none, downloads: [item(4), item(5, { state: "failed" })] }, {
      accept: (row) => row.state === "active",
    });
    expect(next.map((r) => r.id)).toEqual([4, 3, 2, 1]);
    expect(applyDownloadsEvent(rows, { ...none, downloads: [item(4)] })).toBe(rows); // no accept: never
  });

  it("puts a new episode beside the others of its batch", () => {
    const batch = [item(3), item(2, { batch: "b" }), item(1)];
    const next = applyDownloadsEvent(batch, { ...none, downloads: [item(9, { batch: "b" })] }, { accept: () => true });
    expect(next.map((r) => r.id)).toEqual([3, 2, 9, 1]);
  });

  it("keeps at most `limit` rows", () => {
    const next = applyDownloadsEvent(rows, { ...none, downloads: [item(4)] }, { accept: () => true, limit: 3 });
    expect(next.map((r) => r.id)).toEqual([4, 3, 2]);
  });

  it("returns the same array when nothing changed", () => {
    expect(applyDownloadsEvent(rows, none, { accept: () => true })).toBe(rows);
  });
});

describe("latestOwnDownload", () => {
  const mine = (row: DownloadItem) => row.downloadable_id === 101;
  const current = item(1);

  it("follows changes to the shown download", () => {
    const moved = progressed(item(1), 900);
    expect(latestOwnDownload(current, { downloads: [moved], removed: [] }, mine)).toBe(moved);
  });

  it("forgets a download that was removed or canceled", () => {
    expect(latestOwnDownload(current, { downloads: [], removed: [1] }, mine)).toBeNull();
    const canceled = item(1, { canceled_at: "2025-01-01T00:00:00Z" });
    expect(latestOwnDownload(current, { downloads: [canceled], removed: [] }, mine)).toBeNull();
  });

  it("picks up a new download of the title, and ignores other titles", () => {
    const again = item(1, { id: 8 });
    expect(latestOwnDownload(null, { downloads: [again], removed: [] }, mine)).toBe(again);
    expect(latestOwnDownload(null, { downloads: [item(2)], removed: [] }, mine)).toBeNull();
  });
});

describe("mergeDownloadItems", () => {
  const rows = [item(3), item(2), item(1)];

  it("replaces changed rows in place and keeps the order", () => {
    const merged = mergeDownloadItems(rows, [progressed(item(2), 500)]);
    expect(merged.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(merged[1]?.downloadStatus.completedLength).toBe(500);
    expect(merged[0]).toBe(rows[0]);
    expect(merged[2]).toBe(rows[2]);
  });

  it("ignores items for rows that are not on screen", () => {
    const merged = mergeDownloadItems(rows, [item(99)]);
    expect(merged).toBe(rows);
  });

  it("returns the same array when nothing changed", () => {
    expect(mergeDownloadItems(rows, [])).toBe(rows);
    expect(mergeDownloadItems(rows, [rows[0] as DownloadItem])).toBe(rows);
  });

  it("lets the last update for an id win", () => {
    const merged = mergeDownloadItems(rows, [progressed(item(1), 100), progressed(item(1), 200)]);
    expect(merged[2]?.downloadStatus.completedLength).toBe(200);
  });

  it("keeps the owner the page had when the event leaves it out", () => {
    const owner = { id: 5, name: "Ann", email: "ann@example.com" };
    const withOwner = [item(1, { owner })];
    const merged = mergeDownloadItems(withOwner, [progressed(item(1), 700)]);
    expect(merged[0]?.owner).toEqual(owner);
    expect(merged[0]?.downloadStatus.completedLength).toBe(700);
  });

  it("does not touch the arrays it was given", () => {
    const before = JSON.stringify(rows);
    mergeDownloadItems(rows, [progressed(item(3), 900)]);
    expect(JSON.stringify(rows)).toBe(before);
  });

  it("handles an empty page", () => {
    const empty: DownloadItem[] = [];
    expect(mergeDownloadItems(empty, [item(1)])).toBe(empty);
  });
});

describe("touchesCappedGroup", () => {
  const shown = [item(1, { batch: "long" }), item(2)];
  const capped = new Set(["long"]);

  it("is true for an episode of a capped batch that is not on the page", () => {
    expect(touchesCappedGroup({ downloads: [item(9, { batch: "long" })] }, capped, shown)).toBe(true);
  });

  it("is false for episodes on the page, other batches and lone downloads", () => {
    expect(touchesCappedGroup({ downloads: [progressed(item(1, { batch: "long" }), 10)] }, capped, shown)).toBe(false);
    expect(touchesCappedGroup({ downloads: [item(8, { batch: "short" }), item(7)] }, capped, shown)).toBe(false);
    expect(touchesCappedGroup({ downloads: [item(9, { batch: "long" })] }, new Set(), shown)).toBe(false);
  });
});
