import { describe, expect, it } from "vitest";
import { downloadItem } from "../test/downloadItem";
import type { DownloadItem } from "../types";
import { canStartDownload, downloadStateSummary } from "./downloadState";

const MiB = 1024 * 1024;

type StateOverrides = { status?: string; totalLength?: number; completedLength?: number; downloadSpeed?: number; canceled?: boolean };

function state({ canceled = false, ...status }: StateOverrides = {}): DownloadItem {
  return downloadItem(
    1,
    { canceled_at: canceled ? "2026-11-30T10:00:00Z" : null },
    { status: "active", totalLength: 100 * MiB, completedLength: 45 * MiB, downloadSpeed: 2.1 * MiB, ...status },
  );
}

describe("downloadStateSummary", () => {
  it("shows progress and speed while downloading", () => {
    expect(downloadStateSummary(state())).toEqual({ label: "Downloading 45 % · 2.1 MiB/s", tone: "info", percent: 45 });
  });

  it("leaves out a zero speed and an unknown size", () => {
    expect(downloadStateSummary(state({ downloadSpeed: 0 }))?.label).toBe("Downloading 45 %");
    expect(downloadStateSummary(state({ totalLength: 0, completedLength: 0, downloadSpeed: 0 }))?.label).toBe("Starting");
  });

  it.each([
    ["paused", "Paused at 45 %", "warning"],
    ["waiting", "Queued", "neutral"],
    ["verifying", "Verifying…", "info"],
    ["complete", "Downloaded", "success"],
    ["error", "Failed — retry from Downloads", "danger"],
    ["removed", "Removed", "neutral"],
    ["weird", "Unknown state", "neutral"],
  ])("%s reads %s", (status, label, tone) => {
    const summary = downloadStateSummary(state({ status }));
    expect(summary?.label).toBe(label);
    expect(summary?.tone).toBe(tone);
  });

  it("says Paused without a size", () => {
    expect(downloadStateSummary(state({ status: "paused", totalLength: 0 }))?.label).toBe("Paused");
  });

  it("says canceled before anything aria2 reported", () => {
    expect(downloadStateSummary(state({ canceled: true }))).toEqual({ label: "Canceled", tone: "neutral", percent: null });
  });

  it("is null without a download", () => {
    expect(downloadStateSummary(null)).toBeNull();
    expect(downloadStateSummary(undefined)).toBeNull();
  });
});

describe("canStartDownload", () => {
  it("allows a first download, and another after a cancel or removal", () => {
    expect(canStartDownload(null)).toBe(true);
    expect(canStartDownload(state({ canceled: true }))).toBe(true);
    expect(canStartDownload(state({ status: "removed" }))).toBe(true);
  });

  it.each(["active", "waiting", "paused", "complete", "error"])("refuses while %s", (status) => {
    expect(canStartDownload(state({ status }))).toBe(false);
  });
});
