import { describe, expect, it } from "vitest";
import type { DownloadItem } from "../types";
import { downloadItem } from "../test/downloadItem";
import { mergeDownloadItems, parseDownloadsEvent, streamIds, streamUrl } from "./downloadStream";

function item(id: number, overrides: Partial<DownloadItem> = {}): DownloadItem {
  return downloadItem(id, overrides, { dir: "/data" });
}

const progressed = (row: DownloadItem, completedLength: number): DownloadItem => ({
  ...row,
  downloadStatus: { ...row.downloadStatus, completedLength },
});

describe("streamIds and streamUrl", () => {
  it("lists the ids on screen once each", () => {
    expect(streamIds([item(3), item(1), item(3)])).toEqual([3, 1]);
  });

  it("drops ids that are not positive integers", () => {
    expect(streamIds([{ id: 0 }, { id: -1 }, { id: 1.5 }, { id: Number.NaN }, { id: 7 }])).toEqual([7]);
  });

  it("builds the stream URL", () => {
    expect(streamUrl([1, 2, 3])).toBe("/downloads/stream?ids=1,2,3");
  });

  it("has no URL for an empty page", () => {
    expect(streamUrl([])).toBeNull();
  });
});

describe("parseDownloadsEvent", () => {
  it("reads the downloads of an event", () => {
    const rows = parseDownloadsEvent(JSON.stringify({ downloads: [item(1), item(2)] }));
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it.each([
    ["broken JSON", "{"],
    ["null", "null"],
    ["a number", "42"],
    ["no downloads key", "{}"],
    ["downloads not a list", '{"downloads": {"id": 1}}'],
    ["an empty string", ""],
  ])("ignores %s", (_label, data) => {
    expect(parseDownloadsEvent(data)).toEqual([]);
  });

  it("skips entries that are not download items", () => {
    const data = JSON.stringify({ downloads: [null, 3, { id: "1" }, { id: 2 }, item(4)] });
    expect(parseDownloadsEvent(data).map((r) => r.id)).toEqual([4]);
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
