/**
 * Choosing several episodes of a series to download at once (or to get links to). A selection
 * is a set of "season:episode" keys; only selectable episodes are ever in it: by default those
 * that can be downloaded, for links (people who may not download) any episode.
 */

import type { Episode, Season } from "../types";
import { canStartDownload } from "./downloadState";

export type Selection = ReadonlySet<string>;
export type EpisodeRef = { season: number; episode: number };

export function episodeKey(ref: EpisodeRef): string {
  return `${ref.season}:${ref.episode}`;
}

export function isSelectable(episode: Pick<Episode, "download">): boolean {
  return canStartDownload(episode.download);
}

/** Which episodes may be selected. */
export type Selectable = (episode: Pick<Episode, "download">) => boolean;

export const anyEpisode: Selectable = () => true;

export function selectableEpisodes(season: Pick<Season, "episodes">, selectable: Selectable = isSelectable): Episode[] {
  return season.episodes.filter(selectable);
}

export function toggleEpisode(selection: Selection, episode: Episode, selectable: Selectable = isSelectable): Set<string> {
  const next = new Set(selection);
  const key = episodeKey(episode);
  if (next.has(key)) next.delete(key);
  else if (selectable(episode)) next.add(key);
  return next;
}

export type SeasonSelectionState = "none" | "some" | "all";

/** For the season's "select all" checkbox: checked, indeterminate or clear. */
export function seasonSelectionState(
  selection: Selection,
  season: Pick<Season, "episodes">,
  selectable: Selectable = isSelectable,
): SeasonSelectionState {
  const candidates = selectableEpisodes(season, selectable);
  const chosen = candidates.filter((episode) => selection.has(episodeKey(episode))).length;
  if (chosen === 0) return "none";
  return chosen === candidates.length ? "all" : "some";
}

export function setSeasonSelected(
  selection: Selection,
  season: Pick<Season, "episodes">,
  selected: boolean,
  selectable: Selectable = isSelectable,
): Set<string> {
  const next = new Set(selection);
  for (const episode of selectableEpisodes(season, selectable)) {
    if (selected) next.add(episodeKey(episode));
    else next.delete(episodeKey(episode));
  }
  return next;
}

/**
 * The batch request body's `episodes`: what is selected and still selectable (a download may
 * have started since), in season then episode order, each once.
 */
export function selectionPayload(
  selection: Selection,
  seasons: readonly Season[],
  selectable: Selectable = isSelectable,
): EpisodeRef[] {
  const refs: EpisodeRef[] = [];
  const seen = new Set<string>();
  for (const season of seasons) {
    for (const episode of season.episodes) {
      const key = episodeKey(episode);
      if (selection.has(key) && selectable(episode) && !seen.has(key)) {
        seen.add(key);
        refs.push({ season: episode.season, episode: episode.episode });
      }
    }
  }
  return refs.sort((a, b) => a.season - b.season || a.episode - b.episode);
}

/** "Download 3 episodes" / "Download 1 episode". */
export function downloadSelectionLabel(count: number): string {
  return `Download ${count} ${count === 1 ? "episode" : "episodes"}`;
}

/** A season's tab name: the provider's name unless it is empty or just a number. */
export function seasonLabel(season: Pick<Season, "number" | "name">): string {
  const name = season.name?.trim();
  if (!name || /^\d+$/.test(name)) return season.number === 0 ? "Specials" : `Season ${season.number}`;
  return name;
}
