import { router } from "@inertiajs/react";
import { useEffect, useRef, useState } from "react";
import { mergeDownloadItems, parseDownloadsEvent, streamIds, streamUrl } from "../lib/downloadStream";
import type { DownloadItem } from "../types";

/** After this long in the background the page reloads its rows instead of trusting the stream. */
const STALE_AFTER_HIDDEN_MS = 30_000;

/**
 * Live progress for the rows on screen: a Server-Sent Events stream of `/downloads/stream`
 * opened only while the tab is visible (closed when hidden, and on unmount: leaving the page
 * unmounts it); another set of ids on screen (another page, a filter) means a new stream.
 * `downloads` events are merged into the rows in place; a `refresh` event
 * (a row finished, vanished or was re-added) reloads the `downloads` prop.
 *
 * Returns the rows to render: the server's `items`, with live updates applied until the next
 * time the server sends the prop.
 */
export function useDownloadStream(items: DownloadItem[]): readonly DownloadItem[] {
  const [live, setLive] = useState<{ base: DownloadItem[]; rows: readonly DownloadItem[] }>({ base: items, rows: items });
  // A new prop (a visit, a reload) replaces whatever the stream said about the old one.
  let rows = live.rows;
  if (live.base !== items) {
    rows = items;
    setLive({ base: items, rows: items });
  }

  const url = streamUrl(streamIds(items));
  const reloading = useRef(false);

  useEffect(() => {
    if (!url || typeof window.EventSource === "undefined") return;
    let source: EventSource | null = null;
    let hiddenAt: number | null = null;

    function reload() {
      if (reloading.current) return;
      reloading.current = true;
      router.reload({
        only: ["downloads"],
        onFinish: () => {
          reloading.current = false;
        },
      });
    }

    function open() {
      if (source || !url) return;
      source = new EventSource(url);
      source.addEventListener("downloads", (event) => {
        const changed = parseDownloadsEvent((event as MessageEvent<string>).data);
        if (changed.length > 0) setLive((state) => ({ base: state.base, rows: mergeDownloadItems(state.rows, changed) }));
      });
      source.addEventListener("refresh", reload);
    }

    function close() {
      source?.close();
      source = null;
    }

    function onVisibilityChange() {
      if (document.visibilityState === "visible") {
        const wasAwayLong = hiddenAt !== null && Date.now() - hiddenAt > STALE_AFTER_HIDDEN_MS;
        hiddenAt = null;
        open();
        if (wasAwayLong) reload();
      } else {
        hiddenAt = Date.now();
        close();
      }
    }

    if (document.visibilityState === "visible") open();
    else hiddenAt = Date.now();
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      document.removeEventListener("visibilitychange", onVisibilityChange);
      close();
    };
  }, [url]);

  return rows;
}
