import type { MediaCard } from "../types";

export function mediaHref(media: Pick<MediaCard, "id" | "kind">): string {
  return media.kind === "movie" ? `/movies/${media.id}` : `/series/${media.id}`;
}
