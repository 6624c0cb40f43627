/** One DownloadItem for the front end's tests, with only what a test cares about overridden. */

import type { DownloadItem, DownloadStatusInfo } from "../types";

export function downloadItem(
  id: number,
  overrides: Partial<DownloadItem> = {},
  status: Partial<DownloadStatusInfo> = {},
): DownloadItem {
  return {
    id,
    gid: `gid${id}`,
    user_id: 1,
    downloadable_type: "VodStream",
    downloadable_id: 100 + id,
    episode_id: null,
    season: null,
    episode: null,
    canceled_at: null,
    retry_next_at: null,
    desired_paused: false,
    retry_attempt: 0,
    last_error_code: null,
    last_error_message: null,
    output_path: null,
    created_at: null,
    finished_at: null,
    probe: null,
    media: {
      type: "VodStream",
      id: 100 + id,
      name: `Movie ${id}`,
      poster: null,
      year: 2020,
      series: null,
      season: null,
      episode: null,
      title: `Movie ${id}`,
    },
    downloadStatus: {
      gid: `gid${id}`,
      status: "active",
      totalLength: 1000,
      completedLength: 10,
      downloadSpeed: 5,
      errorCode: null,
      errorMessage: null,
      dir: "",
      files: [],
      source: "live",
      ...status,
    },
    actions: ["pause", "cancel"],
    state: "active",
    batch: null,
    failure: null,
    ...overrides,
  };
}
