/**
 * The Downloads page's entries: episodes of one show started together (one batch) are one
 * group row — season, how many are done, the total progress, actions for all of them — that
 * expands to the episodes in season and episode order. Everything else is a row of its own.
 */

import type { DownloadItem, DownloadState, GroupRest } from "../types";
import type { BulkTarget, DownloadAction } from "./downloads";

export type Entry =
  | { kind: "single"; item: DownloadItem }
  | { kind: "group"; key: string; items: DownloadItem[] };

const byEpisode = (a: DownloadItem, b: DownloadItem) =>
  (a.season ?? 0) - (b.season ?? 0) || (a.episode ?? 0) - (b.episode ?? 0) || a.id - b.id;

/**
 * Rows as entries, in the rows' order; a batch stands where its first row stands.
 * `grouped: false` (one batch opened on its own page): every row is an entry. A `capped`
 * batch (more episodes than the page brought) is a group even with one row on the page.
 */
export function groupEntries(
  rows: readonly DownloadItem[],
  { grouped = true, capped }: { grouped?: boolean; capped?: ReadonlySet<string> } = {},
): Entry[] {
  const members = new Map<string, DownloadItem[]>();
  for (const row of rows) {
    if (row.batch && grouped) members.set(row.batch, [...(members.get(row.batch) ?? []), row]);
  }
  const entries: Entry[] = [];
  const placed = new Set<string>();
  for (const row of rows) {
    const batch = row.batch ? members.get(row.batch) : undefined;
    if (!row.batch || !batch || (batch.length < 2 && !capped?.has(row.batch))) {
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
  /** The episodes' progress averaged, each episode counting the same (finished: 100 %). */
  percent: number;
  /** How many episodes are in each state, most pressing first. */
  states: Array<[DownloadState, number]>;
  /**
   * For each action, how many episodes it is for now and whom to send it for: these episodes,
   * or (a capped group) the batch's episodes in the action's states.
   */
  actions: Partial<Record<DownloadAction, { count: number; target: BulkTarget }>>;
}

const STATE_ORDER: readonly DownloadState[] = ["failed", "active", "queued", "paused", "completed", "canceled"];
const ACTIONS: readonly DownloadAction[] = ["pause", "resume", "retry", "cancel", "remove"];
/** The states a group action is for: "Retry failed", never "download again" of finished ones. */
const ACTION_STATES: Record<DownloadAction, readonly DownloadState[]> = {
  pause: ["active"],
  resume: ["paused"],
  retry: ["failed"],
  cancel: ["active", "queued", "paused"],
  remove: ["completed", "failed", "canceled"],
};

export function seasonsLabel(seasons: readonly number[]): string {
  const unique = [...new Set(seasons)].sort((a, b) => a - b);
  if (unique.length === 0) return "";
  if (unique.length === 1) return unique[0] === 0 ? "Specials" : `Season ${unique[0]}`;
  const consecutive = unique.every((n, i) => i === 0 || n === (unique[i - 1] as number) + 1);
  return consecutive ? `Seasons ${unique[0]}–${unique[unique.length - 1]}` : `Seasons ${unique.join(", ")}`;
}

/** How far one episode is, 0 to 1 (a size not known yet: 0). */
function episodeProgress(item: DownloadItem): number {
  if (item.state === "completed") return 1;
  const { totalLength, completedLength } = item.downloadStatus;
  return totalLength > 0 ? Math.min(Math.max(completedLength, 0), totalLength) / totalLength : 0;
}

/**
 * A group row's figures from its episodes on the page and, for a long batch, the server's
 * summary of the others (`rest`): the episodes on screen follow the live channel, the rest is
 * as of the page's last load.
 */
export function groupSummary(items: readonly DownloadItem[], rest?: GroupRest, batch = ""): GroupSummary {
  const first = items[0];
  const counts = new Map<DownloadState, number>();
  for (const item of items) counts.set(item.state, (counts.get(item.state) ?? 0) + 1);
  for (const [state, n] of Object.entries(rest?.states ?? {}) as Array<[DownloadState, number]>) {
    counts.set(state, (counts.get(state) ?? 0) + n);
  }
  const total = items.length + (rest?.count ?? 0);
  const done = counts.get("completed") ?? 0;
  const progress = items.reduce((sum, item) => sum + episodeProgress(item), rest?.progress ?? 0);
  const actions: GroupSummary["actions"] = {};
  for (const action of ACTIONS) {
    if (rest) {
      const status = ACTION_STATES[action].filter((state) => (counts.get(state) ?? 0) > 0);
      const count = status.reduce((sum, state) => sum + (counts.get(state) ?? 0), 0);
      if (count > 0) actions[action] = { count, target: { status, batch } };
    } else {
      const ids = items
        .filter((item) => item.actions.includes(action) && ACTION_STATES[action].includes(item.state))
        .map((item) => item.id);
      if (ids.length > 0) actions[action] = { count: ids.length, target: { ids } };
    }
  }
  return {
    title: first?.media.series || first?.media.name || "Untitled series",
    seasons: seasonsLabel([...items.map((item) => item.season ?? item.media.season ?? 0), ...(rest?.seasons ?? [])]),
    done,
    total,
    percent: total > 0 && done === total ? 100 : total > 0 ? Math.min(99, Math.floor((progress / total) * 100)) : 0,
    states: STATE_ORDER.filter((state) => counts.has(state)).map((state) => [state, counts.get(state) ?? 0]),
    actions,
  };
}
