/**
 * Choosing several episodes of a series to download at once. A selection is a set of
 * "season:episode" keys; only episodes that can be downloaded are ever in it.
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

export function selectableEpisodes(season: Pick<Season, "episodes">): Episode[] {
  return season.episodes.filter(isSelectable);
}

export function toggleEpisode(selection: Selection, episode: Episode): Set<string> {
  const next = new Set(selection);
  const key = episodeKey(episode);
  if (next.has(key)) next.delete(key);
  else if (isSelectable(episode)) next.add(key);
  return next;
}

export type SeasonSelectionState = "none" | "some" | "all";

/** For the season's "select all" checkbox: checked, indeterminate or clear. */
export function seasonSelectionState(selection: Selection, season: Pick<Season, "episodes">): SeasonSelectionState {
  const selectable = selectableEpisodes(season);
  const chosen = selectable.filter((episode) => selection.has(episodeKey(episode))).length;
  if (chosen === 0) return "none";
  return chosen === selectable.length ? "all" : "some";
}

export function setSeasonSelected(selection: Selection, season: Pick<Season, "episodes">, selected: boolean): Set<string> {
  const next = new Set(selection);
  for (const episode of selectableEpisodes(season)) {
    if (selected) next.add(episodeKey(episode));
    else next.delete(episodeKey(episode));
  }
  return next;
}

/**
 * The batch request body's `episodes`: what is selected and still selectable (a download may
 * have started since), in season then episode order, each once.
 */
export function selectionPayload(selection: Selection, seasons: readonly Season[]): EpisodeRef[] {
  const refs: EpisodeRef[] = [];
  const seen = new Set<string>();
  for (const season of seasons) {
    for (const episode of season.episodes) {
      const key = episodeKey(episode);
      if (selection.has(key) && isSelectable(episode) && !seen.has(key)) {
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
