import { router, usePage } from "@inertiajs/react";
import { useEffect, useRef } from "react";
import { LiveChannel, type LiveListener } from "../lib/liveChannel";

// One channel per tab, whatever mounts and unmounts as pages change (lib/liveChannel).
let channel: LiveChannel | null = null;

function sharedChannel(): LiveChannel {
  if (channel === null) {
    const created = new LiveChannel((url) => new EventSource(url));
    created.setVisible(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", () => created.setVisible(document.visibilityState === "visible"));
    channel = created;
  }
  return channel;
}

/**
 * Keeps the tab's channel pointed at the signed-in person (the layout calls it on every page)
 * and reloads the page's data when the server says the page is too far behind to catch up.
 */
export function useLiveChannel(): void {
  const live = usePage().props.live ?? null;
  const url = live?.url ?? null;
  const since = live?.since ?? null;
  useEffect(() => {
    if (typeof window.EventSource === "undefined") return;
    sharedChannel().setPage(url !== null && since !== null ? { url, since } : null);
  }, [url, since]);
  useLiveTopic("refresh", () => router.reload());
}

/** Calls `listener` with each event of `topic` while the component is mounted. */
export function useLiveTopic(topic: string, listener: LiveListener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    if (typeof window.EventSource === "undefined") return;
    return sharedChannel().subscribe(topic, (data) => latest.current(data));
  }, [topic]);
}
