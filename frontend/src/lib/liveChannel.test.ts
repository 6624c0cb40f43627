import { describe, expect, it } from "vitest";
import { channelUrl, type EventSourceLike, LiveChannel, parseLiveData } from "./liveChannel";

class FakeSource implements EventSourceLike {
  closed = false;
  readonly handlers = new Map<string, Array<(event: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data: unknown, lastEventId = ""): void {
    for (const handler of this.handlers.get(type) ?? []) {
      handler({ data: JSON.stringify(data), lastEventId } as MessageEvent<string>);
    }
  }
}

function channel() {
  const opened: FakeSource[] = [];
  const live = new LiveChannel((url) => {
    const source = new FakeSource(url);
    opened.push(source);
    return source;
  });
  return { live, opened };
}

describe("channelUrl and parseLiveData", () => {
  it("asks for what changed since a moment", () => {
    expect(channelUrl("/live", 1700)).toBe("/live?since=1700");
    expect(channelUrl("/live?x=1", "5")).toBe("/live?x=1&since=5");
    expect(channelUrl("/live", null)).toBe("/live");
  });

  it.each(["{", "null", "[1]", "42", ""])("ignores %j", (raw) => {
    expect(parseLiveData(raw)).toBeNull();
  });
});

describe("LiveChannel", () => {
  it("opens one stream for every listener, once signed in", () => {
    const { live, opened } = channel();
    live.subscribe("downloads", () => {});
    expect(opened).toHaveLength(0); // nobody signed in yet
    live.setPage({ url: "/live", since: 1000 });
    live.subscribe("notifications", () => {});
    expect(opened.map((s) => s.url)).toEqual(["/live?since=1000"]);
  });

  it("hands each topic's events to its listeners", () => {
    const { live, opened } = channel();
    live.setPage({ url: "/live", since: 1 });
    const heard: unknown[] = [];
    live.subscribe("downloads", (data) => heard.push(data));
    opened[0]?.emit("downloads", { downloads: [], at: 5 });
    opened[0]?.emit("other", { x: 1 });
    expect(heard).toEqual([{ downloads: [], at: 5 }]);
  });

  it("closes when the tab is hidden and resumes from the last event read", () => {
    const { live, opened } = channel();
    live.setPage({ url: "/live", since: 1000 });
    live.subscribe("downloads", () => {});
    opened[0]?.emit("downloads", { at: 2000 }, "2000");
    live.setVisible(false);
    expect(opened[0]?.closed).toBe(true);
    expect(live.isOpen).toBe(false);
    live.setVisible(true);
    expect(opened[1]?.url).toBe("/live?since=2000");
  });

  it("closes when the last listener leaves, and when the person signs out", () => {
    const { live, opened } = channel();
    live.setPage({ url: "/live", since: 1 });
    const leave = live.subscribe("downloads", () => {});
    leave();
    expect(opened[0]?.closed).toBe(true);
    live.subscribe("downloads", () => {});
    live.setPage(null);
    expect(opened[1]?.closed).toBe(true);
  });
});
