/**
 * The Downloads page's entries: episodes of one show started together (one batch) are one
 * group row — season, how many are done, the total progress, actions for all of them — that
 * expands to the episodes in season and episode order. Everything else is a row of its own.
 */

import type { DownloadItem, DownloadState } from "../types";
import type { DownloadAction } from "./downloads";
import { progressPercent } from "./format";

export type Entry =
  | { kind: "single"; item: DownloadItem }
  | { kind: "group"; key: string; items: DownloadItem[] };

const byEpisode = (a: DownloadItem, b: DownloadItem) =>
  (a.season ?? 0) - (b.season ?? 0) || (a.episode ?? 0) - (b.episode ?? 0) || a.id - b.id;

/** Rows as entries, in the rows' order; a batch stands where its first row stands. */
export function groupEntries(rows: readonly DownloadItem[]): Entry[] {
  const members = new Map<string, DownloadItem[]>();
  for (const row of rows) {
    if (row.batch) members.set(row.batch, [...(members.get(row.batch) ?? []), row]);
  }
  const entries: Entry[] = [];
  const placed = new Set<string>();
  for (const row of rows) {
    const batch = row.batch ? members.get(row.batch) : undefined;
    if (!row.batch || !batch || batch.length < 2) {
      entries.push({ kind: "single", item: row });
    } else if (!placed.has(row.batch)) {
      placed.add(row.batch);
      entries.push({ kind: "group", key: row.batch, items: [...batch].sort(byEpisode) });
    }
  }
  return entries;
}

export interface GroupSummary {
  /** The show's name. */
  title: string;
  /** "Season 1", "Seasons 1–3", "Seasons 1, 3". */
  seasons: string;
  done: number;
  total: number;
  /** Of the bytes known so far, finished episodes counting whole. */
  percent: number;
  /** How many episodes are in each state, most pressing first. */
  states: Array<[DownloadState, number]>;
  /** For each action, the episodes it can be done on now. */
  actions: Partial<Record<DownloadAction, number[]>>;
}

const STATE_ORDER: readonly DownloadState[] = ["failed", "active", "queued", "paused", "completed", "canceled"];
const ACTIONS: readonly DownloadAction[] = ["pause", "resume", "retry", "cancel", "remove"];

export function seasonsLabel(seasons: readonly number[]): string {
  const unique = [...new Set(seasons)].sort((a, b) => a - b);
  if (unique.length === 0) return "";
  if (unique.length === 1) return unique[0] === 0 ? "Specials" : `Season ${unique[0]}`;
  const consecutive = unique.every((n, i) => i === 0 || n === (unique[i - 1] as number) + 1);
  return consecutive ? `Seasons ${unique[0]}–${unique[unique.length - 1]}` : `Seasons ${unique.join(", ")}`;
}

export function groupSummary(items: readonly DownloadItem[]): GroupSummary {
  const first = items[0];
  let total = 0;
  let done = 0;
  for (const item of items) {
    const { totalLength, completedLength } = item.downloadStatus;
    if (totalLength > 0) {
      total += totalLength;
      done += item.state === "completed" ? totalLength : Math.min(completedLength, totalLength);
    }
  }
  const counts = new Map<DownloadState, number>();
  for (const item of items) counts.set(item.state, (counts.get(item.state) ?? 0) + 1);
  const actions: GroupSummary["actions"] = {};
  for (const action of ACTIONS) {
    const ids = items.filter((item) => item.actions.includes(action)).map((item) => item.id);
    if (ids.length > 0) actions[action] = ids;
  }
  const finished = items.filter((item) => item.state === "completed").length;
  return {
    title: first?.media.series || first?.media.name || "Untitled series",
    seasons: seasonsLabel(items.map((item) => item.season ?? item.media.season ?? 0)),
    done: finished,
    total: items.length,
    percent: finished === items.length && items.length > 0 ? 100 : progressPercent(total, done),
    states: STATE_ORDER.filter((state) => counts.has(state)).map((state) => [state, counts.get(state) ?? 0]),
    actions,
  };
}
