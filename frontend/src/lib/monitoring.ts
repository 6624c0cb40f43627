/** Words and defaults for series monitors: their state, their last run, the form's values. */

import type { MonitorItem, MonitorSettings, MonitorState, RunOutcome } from "../types";
import type { StatusTone } from "./downloads";

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export const STATE_LABELS: Record<MonitorState, { label: string; tone: StatusTone }> = {
  scheduled: { label: "Monitoring", tone: "success" },
  running: { label: "Scanning now", tone: "info" },
  off: { label: "Switched off", tone: "neutral" },
  paused_all: { label: "Paused by an administrator", tone: "warning" },
};

export const OUTCOME_LABELS: Record<RunOutcome, { label: string; tone: StatusTone }> = {
  queued: { label: "Queued", tone: "success" },
  already: { label: "Already there", tone: "neutral" },
  deferred: { label: "Next run", tone: "info" },
  skipped: { label: "Skipped", tone: "neutral" },
  error: { label: "Error", tone: "danger" },
};

const OUTCOME_ORDER: RunOutcome[] = ["queued", "already", "deferred", "skipped", "error"];

/** "2 queued · 1 already there"; "Nothing new" when every count is zero. */
export function countsText(counts: Partial<Record<RunOutcome, number>>): string {
  const parts = OUTCOME_ORDER.filter((o) => (counts[o] ?? 0) > 0).map(
    (o) => `${counts[o]} ${OUTCOME_LABELS[o].label.toLowerCase()}`,
  );
  return parts.length > 0 ? parts.join(" · ") : "Nothing new";
}

/** "All seasons", "Season 2", "Seasons 1, 2 and 4", "Specials". */
export function seasonsText(seasons: MonitorSettings["seasons"]): string {
  if (seasons === "all") return "All seasons";
  const names = seasons.map((n) => (n === 0 ? "Specials" : String(n)));
  if (seasons.length === 1) return seasons[0] === 0 ? "Specials" : `Season ${names[0]}`;
  return `Seasons ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The browser's own time zone (what a person means by "20:00"), else UTC. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The form's starting values: the monitor's own, or the defaults for a new one. */
export function initialSettings(monitor: MonitorItem | null, timeZone = browserTimeZone()): MonitorSettings {
  if (monitor) {
    const { seasons, from, schedule, time, days, timezone } = monitor;
    return { seasons, from, schedule, time, days, timezone };
  }
  return { seasons: "all", from: "future", schedule: "daily", time: "06:00", days: [0, 1, 2, 3, 4, 5, 6], timezone: timeZone };
}

/** Toggle one weekday in a sorted list. */
export function toggleDay(days: number[], day: number): number[] {
  return days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b);
}

/** Tick or untick one season; from "all", ticking a season means "only this one". */
export function toggleSeason(seasons: MonitorSettings["seasons"], season: number): MonitorSettings["seasons"] {
  const current = seasons === "all" ? [] : seasons;
  const next = current.includes(season) ? current.filter((s) => s !== season) : [...current, season];
  return next.sort((a, b) => a - b);
}

/** The minutes of an "HH:MM" time, for the hourly schedule's "minutes past the hour". */
export function minutesOf(time: string): number {
  const minutes = Number(time.split(":")[1]);
  return Number.isInteger(minutes) && minutes >= 0 && minutes < 60 ? minutes : 0;
}

/** "00:MM" for a minute count typed by hand (clamped to 0–59). */
export function timeAtMinute(minutes: number): string {
  const clamped = Number.isFinite(minutes) ? Math.min(59, Math.max(0, Math.trunc(minutes))) : 0;
  return `00:${String(clamped).padStart(2, "0")}`;
}
