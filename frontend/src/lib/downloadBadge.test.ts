import { describe, expect, it } from "vitest";
import { downloadItem } from "../test/downloadItem";
import type { DownloadBadge } from "../types";
import { badgeOfItem, badgeText, combineBadges } from "./downloadBadge";

const badge = (state: DownloadBadge["state"], percent: number | null = null, done = 0, files = 1): DownloadBadge => ({
  state,
  percent,
  done,
  files,
});

describe("badgeText", () => {
  it.each([
    [badge("downloading", 45), "movie", "Downloading 45 %"],
    [badge("paused", 10), "movie", "Paused at 10 %"],
    [badge("queued"), "movie", "Queued"],
    [badge("failed"), "movie", "Failed"],
    [badge("downloaded", null, 1, 1), "movie", "Downloaded"],
    [badge("downloaded", null, 3, 10), "series", "3 downloaded"],
    [badge("downloaded", null, 10, 10), "series", "Downloaded"],
  ] as const)("%j on a %s reads %s", (value, kind, label) => {
    expect(badgeText(value, kind).label).toBe(label);
  });
});

describe("badgeOfItem and combineBadges", () => {
  it("reads the person's own download as a badge", () => {
    expect(badgeOfItem(downloadItem(1, { state: "active" }, { totalLength: 200, completedLength: 50 }))).toEqual(
      badge("downloading", 25),
    );
    expect(badgeOfItem(downloadItem(1, { state: "completed" }))).toEqual(badge("downloaded", null, 1, 1));
    expect(badgeOfItem(downloadItem(1, { state: "canceled" }))).toBeNull();
  });

  it("shows a season's most pressing state and counts what is done", () => {
    const season = combineBadges([badge("downloaded", null, 1), null, badge("downloading", 40), badge("failed")]);
    expect(season).toEqual({ state: "downloading", percent: 40, done: 1, files: 3 });
    expect(combineBadges([null, null])).toBeNull();
  });
});
