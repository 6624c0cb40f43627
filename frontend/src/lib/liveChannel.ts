/**
 * The person's live channel (`GET /live`): ONE Server-Sent Events stream per tab, shared by
 * everything that listens — the Downloads page, Discover's panel, title pages, the header
 * badge. Each event is named after a topic (`downloads`, …) or is `refresh` (reload the page's
 * data instead).
 *
 * The stream is open while someone listens and the tab is visible: a hidden tab costs the
 * server nothing. Reopening asks for what changed since the last event read (its id is when
 * its data was read); the first opening asks for what changed since the page was rendered, so
 * nothing between the page load and the stream is missed. The browser's own reconnects send
 * `Last-Event-ID`, which the server reads the same way.
 */

import type { LiveInfo } from "../types";

export type LiveListener = (data: Record<string, unknown>) => void;

/** What the channel needs of an EventSource (a fake one in tests). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export function channelUrl(base: string, since: number | string | null): string {
  if (since === null || since === "") return base;
  return `${base}${base.includes("?") ? "&" : "?"}since=${encodeURIComponent(String(since))}`;
}

/** An event's data as an object; anything else (broken JSON, a list) is ignored. */
export function parseLiveData(raw: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(raw);
    return typeof data === "object" && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export class LiveChannel {
  private source: EventSourceLike | null = null;
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly heard = new Set<string>(); // topics the open source dispatches
  private base = "/live";
  private pageSince: number | null = null;
  private lastEventId: string | null = null;
  private signedIn = false;
  private visible = true;

  constructor(private readonly connect: (url: string) => EventSourceLike) {}

  /** The page's `live` prop: where the channel is, and since when (null: signed out). */
  setPage(info: LiveInfo | null): void {
    this.signedIn = info !== null;
    if (info) {
      this.base = info.url;
      if (this.lastEventId === null) this.pageSince = info.since;
    } else {
      this.lastEventId = null; // another person may sign in on this tab
    }
    this.update();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.update();
  }

  subscribe(topic: string, listener: LiveListener): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    this.listen(topic);
    this.update();
    return () => {
      set.delete(listener);
      this.update();
    };
  }

  get isOpen(): boolean {
    return this.source !== null;
  }

  private update(): void {
    const wanted = this.signedIn && this.visible && [...this.listeners.values()].some((s) => s.size > 0);
    if (wanted && !this.source) this.open();
    else if (!wanted && this.source) this.close();
  }

  private open(): void {
    this.source = this.connect(channelUrl(this.base, this.lastEventId ?? this.pageSince));
    this.heard.clear();
    for (const topic of this.listeners.keys()) this.listen(topic);
  }

  private close(): void {
    this.source?.close();
    this.source = null;
    this.heard.clear();
  }

  private listen(topic: string): void {
    if (!this.source || this.heard.has(topic)) return;
    this.heard.add(topic);
    this.source.addEventListener(topic, (event) => {
      if (event.lastEventId) this.lastEventId = event.lastEventId;
      const data = parseLiveData(event.data);
      if (!data) return;
      for (const listener of [...(this.listeners.get(topic) ?? [])]) listener(data);
    });
  }
}
