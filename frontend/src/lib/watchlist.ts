/** Whether a title is on the person's watchlist, from the shared `watchlist` prop. */

import type { MediaCard, SharedProps } from "../types";

export function isOnWatchlist(
  watchlist: SharedProps["watchlist"],
  media: Pick<MediaCard, "id" | "kind">,
): boolean {
  if (!watchlist) return false;
  return (media.kind === "movie" ? watchlist.movie : watchlist.series).includes(media.id);
}

/** The button's words: what a click will do, and the title, for screen readers. */
export function watchlistActionLabel(on: boolean, name: string): string {
  return on ? `Remove ${name} from your watchlist` : `Add ${name} to your watchlist`;
}
