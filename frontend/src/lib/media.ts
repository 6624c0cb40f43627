import type { MediaCard } from "../types";

export function mediaHref(media: Pick<MediaCard, "id" | "kind">): string {
  return media.kind === "movie" ? `/movies/${media.id}` : `/series/${media.id}`;
}

/** "S01E02"; two digits at least, more when the numbers need them. */
export function episodeCode(season: number | null | undefined, episode: number | null | undefined): string {
  const part = (n: number | null | undefined) =>
    typeof n === "number" && Number.isFinite(n) && n >= 0 ? String(Math.floor(n)).padStart(2, "0") : "??";
  return `S${part(season)}E${part(episode)}`;
}
