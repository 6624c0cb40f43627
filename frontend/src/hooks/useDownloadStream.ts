import { usePage } from "@inertiajs/react";
import { useState } from "react";
import {
  type ApplyOptions,
  applyDownloadsEvent,
  type DownloadsEvent,
  latestOwnDownload,
  readDownloadsEvent,
} from "../lib/downloadStream";
import type { DownloadCounts, DownloadItem } from "../types";
import { useLiveTopic } from "./useLive";

/**
 * Calls `listener` with each `downloads` event of the live channel that is newer than the
 * page's data (an event read before the page was rendered carries older news).
 */
export function useDownloadEvents(listener: (event: DownloadsEvent) => void): void {
  const since = usePage().props.live?.since ?? 0;
  useLiveTopic("downloads", (data) => {
    const event = readDownloadsEvent(data);
    if (event.at >= since) listener(event);
  });
}

/**
 * A list of downloads kept current by the live channel: the server's `items`, with rows that
 * changed replaced, rows that went away dropped and new ones the page `accept`s put in — until
 * the server sends the prop again.
 */
export function useLiveDownloads(items: DownloadItem[], options: ApplyOptions = {}): readonly DownloadItem[] {
  const [live, setLive] = useState<{ base: DownloadItem[]; rows: readonly DownloadItem[] }>({ base: items, rows: items });
  let rows = live.rows;
  if (live.base !== items) {
    // A new prop (a visit, a reload) replaces whatever the channel said about the old one.
    rows = items;
    setLive({ base: items, rows: items });
  }
  useDownloadEvents((event) =>
    setLive((state) => ({ base: state.base, rows: applyDownloadsEvent(state.rows, event, options) })),
  );
  return rows;
}

/** A title page's own download of it (or null), kept current by the live channel. */
export function useLiveDownload(
  initial: DownloadItem | null,
  match: (item: DownloadItem) => boolean,
): DownloadItem | null {
  const [live, setLive] = useState({ base: initial, item: initial });
  let item = live.item;
  if (live.base !== initial) {
    item = initial;
    setLive({ base: initial, item: initial });
  }
  useDownloadEvents((event) =>
    setLive((state) => ({ base: state.base, item: latestOwnDownload(state.item, event, match) })),
  );
  return item;
}

/**
 * Counts per state, from the page and then from every event that carries them (unless
 * `follow` is false: counts narrowed by a search or an owner filter are the page's own).
 */
export function useLiveCounts(initial: DownloadCounts | null | undefined, follow = true): DownloadCounts | null {
  const [live, setLive] = useState({ base: initial ?? null, counts: initial ?? null });
  let counts = live.counts;
  if (live.base !== (initial ?? null)) {
    counts = initial ?? null;
    setLive({ base: initial ?? null, counts: initial ?? null });
  }
  useDownloadEvents((event) => {
    if (event.counts && follow) setLive((state) => ({ base: state.base, counts: event.counts }));
  });
  return counts;
}
