import { describe, expect, it } from "vitest";
import type { DownloadItem, DownloadMedia, DownloadStatusInfo } from "../types";
import {
  downloadTitle,
  effectiveStatus,
  failureReason,
  isFinished,
  rowActions,
  statusBadge,
  titleHref,
} from "./downloadItem";

function status(overrides: Partial<DownloadStatusInfo> = {}): DownloadStatusInfo {
  return {
    gid: "g",
    status: "active",
    totalLength: 0,
    completedLength: 0,
    downloadSpeed: 0,
    errorCode: null,
    errorMessage: null,
    dir: "",
    files: [],
    source: "live",
    ...overrides,
  };
}

const movieMedia: DownloadMedia = {
  type: "VodStream",
  id: 1,
  name: "Heat",
  poster: null,
  year: 1995,
  series: null,
  season: null,
  episode: null,
  title: "Heat",
};

const episodeMedia: DownloadMedia = {
  type: "Series",
  id: 9,
  name: "The Wire",
  poster: null,
  year: 2002,
  series: "The Wire",
  season: 1,
  episode: 2,
  title: "The Detail",
};

const base = {
  downloadable_type: "VodStream",
  media: movieMedia,
  season: null,
  episode: null,
  canceled_at: null,
  desired_paused: false,
  retry_next_at: null,
  last_error_message: null,
  last_error_code: null,
  downloadStatus: status(),
  actions: [] as string[],
} satisfies Partial<DownloadItem>;

describe("downloadTitle", () => {
  it("uses the movie's name", () => {
    expect(downloadTitle(base)).toBe("Heat");
  });

  it("reads series · code · title for an episode", () => {
    expect(downloadTitle({ ...base, downloadable_type: "Series", media: episodeMedia })).toBe(
      "The Wire · S01E02 · The Detail",
    );
  });

  it("leaves out a missing or repeated episode title", () => {
    const noTitle = { ...episodeMedia, title: null };
    expect(downloadTitle({ ...base, downloadable_type: "Series", media: noTitle })).toBe("The Wire · S01E02");
    const repeated = { ...episodeMedia, title: "The Wire" };
    expect(downloadTitle({ ...base, downloadable_type: "Series", media: repeated })).toBe("The Wire · S01E02");
  });

  it("falls back to the row's season and episode", () => {
    const media = { ...episodeMedia, season: null, episode: null };
    expect(downloadTitle({ ...base, downloadable_type: "Series", media, season: 3, episode: 10 })).toBe(
      "The Wire · S03E10 · The Detail",
    );
  });
});

describe("effectiveStatus and statusBadge", () => {
  it("says canceled whatever aria2 last reported", () => {
    const row = { ...base, canceled_at: "2025-01-01T00:00:00Z", downloadStatus: status({ status: "removed" }) };
    expect(effectiveStatus(row)).toBe("canceled");
    expect(statusBadge(row)).toEqual({ label: "Canceled", tone: "neutral" });
  });

  it("says who paused it", () => {
    const paused = { ...base, downloadStatus: status({ status: "paused" }) };
    expect(statusBadge(paused).label).toBe("Paused");
    expect(statusBadge({ ...paused, desired_paused: true })).toEqual({ label: "Paused by you", tone: "warning" });
  });

  it("labels the other states", () => {
    expect(statusBadge({ ...base, downloadStatus: status({ status: "error" }) })).toEqual({
      label: "Failed",
      tone: "danger",
    });
    expect(statusBadge({ ...base, downloadStatus: status({ status: null }) }).label).toBe("Unknown");
  });
});

describe("rowActions", () => {
  it("follows the server's list, in a stable order, dropping unknown names", () => {
    expect(rowActions({ ...base, actions: ["remove", "retry", "explode"] })).toEqual(["retry", "remove"]);
  });

  it("offers nothing when the server allows nothing", () => {
    expect(rowActions({ ...base, actions: [] })).toEqual([]);
  });

  it("falls back to the status when the list is missing", () => {
    const row = { ...base, actions: undefined as unknown as string[], downloadStatus: status({ status: "paused" }) };
    expect(rowActions(row)).toEqual(["resume", "cancel"]);
  });
});

describe("failureReason", () => {
  const failure = { reason: "The provider does not have this file (HTTP 404).", code: 3, detail: null };

  it("is null while nothing failed", () => {
    expect(failureReason({ canceled_at: null, failure: null })).toBeNull();
  });

  it("is the server's sentence", () => {
    expect(failureReason({ canceled_at: null, failure })).toBe(failure.reason);
  });

  it("says nothing for a canceled row", () => {
    expect(failureReason({ canceled_at: "2025-01-01T00:00:00Z", failure })).toBeNull();
  });
});

describe("titleHref and isFinished", () => {
  it("leads to the movie, or to the episode's series", () => {
    expect(titleHref({ downloadable_type: "VodStream", downloadable_id: 7 })).toBe("/movies/7");
    expect(titleHref({ downloadable_type: "Series", downloadable_id: 9 })).toBe("/series/9");
  });

  it.each([
    ["completed", true],
    ["failed", true],
    ["canceled", true],
    ["active", false],
    ["queued", false],
    ["paused", false],
  ] as const)("%s is finished: %s", (state, finished) => {
    expect(isFinished({ state })).toBe(finished);
  });
});
