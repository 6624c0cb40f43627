import { router, usePage } from "@inertiajs/react";
import { useEffect, useRef, useState } from "react";
import {
  type ApplyOptions,
  applyDownloadsEvent,
  type DownloadsEvent,
  latestOwnDownload,
  readDownloadsEvent,
  touchesCappedGroup,
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
 * A value from the page's props, then kept current by each `downloads` event (`apply`), until
 * the server sends the prop again (a visit, a reload): that replaces whatever the events said.
 */
function useLiveValue<T>(initial: T, apply: (current: T, event: DownloadsEvent) => T): T {
  const [live, setLive] = useState({ base: initial, value: initial });
  let value = live.value;
  if (live.base !== initial) {
    value = initial;
    setLive({ base: initial, value: initial });
  }
  useDownloadEvents((event) => setLive((state) => ({ base: state.base, value: apply(state.value, event) })));
  return value;
}

/**
 * A list of downloads kept current by the live channel: rows that changed replaced, rows that
 * went away dropped, new ones the page `accept`s put in.
 */
export function useLiveDownloads(items: DownloadItem[], options: ApplyOptions = {}): readonly DownloadItem[] {
  return useLiveValue<readonly DownloadItem[]>(items, (rows, event) => applyDownloadsEvent(rows, event, options));
}

/** A title page's own download of it (or null), kept current by the live channel. */
export function useLiveDownload(
  initial: DownloadItem | null,
  match: (item: DownloadItem) => boolean,
): DownloadItem | null {
  return useLiveValue(initial, (item, event) => latestOwnDownload(item, event, match));
}

/**
 * Counts per state, from the page and then from every event that carries them (unless
 * `follow` is false: counts narrowed by a search or an owner filter are the page's own).
 */
export function useLiveCounts(initial: DownloadCounts | null | undefined, follow = true): DownloadCounts | null {
  return useLiveValue(initial ?? null, (counts, event) => (follow && event.counts ? event.counts : counts));
}

/** At most one reload of a page's list this often while a long batch keeps changing. */
export const GROUP_RELOAD_MS = 5000;

/**
 * A long batch's group row counts its other episodes from the server's summary: when the
 * live channel tells of one of them (an episode off the page started, failed or finished),
 * the list's props are read again — at most every `GROUP_RELOAD_MS`, so a queue moving fast
 * costs a reload every few seconds, not one per event.
 */
export function useReloadForCappedGroups(capped: ReadonlySet<string>, shown: readonly DownloadItem[], only: string[]): void {
  const latest = useRef({ capped, shown, only });
  latest.current = { capped, shown, only };
  const timer = useRef<number | undefined>(undefined);
  const last = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useDownloadEvents((event) => {
    if (timer.current !== undefined || !touchesCappedGroup(event, latest.current.capped, latest.current.shown)) return;
    timer.current = window.setTimeout(
      () => {
        timer.current = undefined;
        last.current = Date.now();
        router.reload({ only: latest.current.only });
      },
      Math.max(0, last.current + GROUP_RELOAD_MS - Date.now()),
    );
  });
}
