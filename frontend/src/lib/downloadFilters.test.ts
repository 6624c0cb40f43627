import { describe, expect, it } from "vitest";
import { downloadItem } from "../test/downloadItem";
import { belongsOnPage, countsFollowLive, downloadsUrl, searchMatches } from "./downloadFilters";

const none = { owners: [], status: [], q: "", batch: "" };

describe("downloadsUrl", () => {
  it("keeps every filter, and nothing empty", () => {
    expect(downloadsUrl({ status: ["failed"], q: " harbour lights ", owners: [3, 1] })).toBe(
      "/downloads?status=failed&q=harbour+lights&owners=1,3",
    );
    expect(downloadsUrl({ status: [], q: "", owners: [] })).toBe("/downloads");
    expect(downloadsUrl({ status: ["failed"], batch: "9f3c" })).toBe("/downloads?status=failed&batch=9f3c");
  });
});

describe("belongsOnPage", () => {
  const row = downloadItem(1, { state: "failed", user_id: 4 });

  it("takes a new row on the first page when every filter agrees", () => {
    expect(belongsOnPage(row, none, 1)).toBe(true);
    expect(belongsOnPage(row, { ...none, status: ["failed", "paused"] }, 1)).toBe(true);
    expect(belongsOnPage(row, { ...none, owners: [4] }, 1)).toBe(true);
  });

  it("leaves it out on later pages and when a filter disagrees", () => {
    expect(belongsOnPage(row, none, 2)).toBe(false);
    expect(belongsOnPage(row, { ...none, status: ["completed"] }, 1)).toBe(false);
    expect(belongsOnPage(row, { ...none, owners: [5] }, 1)).toBe(false);
    expect(belongsOnPage(row, { ...none, q: "zebra" }, 1)).toBe(false);
    expect(belongsOnPage(row, { ...none, batch: "b" }, 1)).toBe(false);
    expect(belongsOnPage({ ...row, batch: "b" }, { ...none, batch: "b" }, 1)).toBe(true);
  });
});

describe("searchMatches and countsFollowLive", () => {
  it("needs every word in the show's or the episode's title", () => {
    const media = { ...downloadItem(1).media, series: "Harbour Lights", name: "Harbour Lights", title: "Low Tide" };
    expect(searchMatches({ media }, "harbour TIDE")).toBe(true);
    expect(searchMatches({ media }, "harbour storm")).toBe(false);
  });

  it("follows the channel's counts only while nothing narrows them", () => {
    expect(countsFollowLive(none)).toBe(true);
    expect(countsFollowLive({ ...none, status: ["failed"] })).toBe(true);
    expect(countsFollowLive({ ...none, q: "x" })).toBe(false);
    expect(countsFollowLive({ ...none, owners: [1] })).toBe(false);
    expect(countsFollowLive({ ...none, batch: "b" })).toBe(false);
  });
});
