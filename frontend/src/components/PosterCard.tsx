import { Link } from "@inertiajs/react";
import { badgeText } from "../lib/downloadBadge";
import { mediaHref } from "../lib/media";
import { cx } from "../lib/ui";
import { versionsLabel } from "../lib/variants";
import type { MediaCard } from "../types";
import Badge from "./Badge";
import Icon from "./Icon";
import Poster from "./Poster";
import WatchlistButton from "./WatchlistButton";

type PosterCardProps = {
  media: MediaCard;
  /** "row": fixed width for horizontal scrollers; "grid": fills its grid cell. */
  layout?: "row" | "grid";
};

/** A poster tile linking to the title's page, with its watchlist toggle over the corner. */
export default function PosterCard({ media, layout = "row" }: PosterCardProps) {
  const versions = versionsLabel(media.versions);
  const onServer = media.download ? badgeText(media.download, media.kind) : null;
  return (
    <div className={cx("relative", layout === "row" ? "w-36 shrink-0 snap-start sm:w-40" : "w-full")}>
    <Link href={mediaHref(media)} className="group block rounded-xl">
      <div className="relative">
        <Poster
          src={media.poster}
          title={media.name}
          className="aspect-[2/3] rounded-xl shadow-sm ring-1 ring-zinc-900/10 transition-transform duration-300 group-hover:scale-[1.03] dark:ring-white/10"
        />
        {media.rating !== null && media.rating > 0 && (
          <span className="absolute top-2 right-2 inline-flex items-center gap-1 rounded-md bg-zinc-950/80 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums">
            <Icon name="star" className="size-3 fill-amber-400 stroke-amber-400" />
            <span className="sr-only">Rating</span>
            {media.rating.toFixed(1)}
          </span>
        )}
        {onServer && (
          <Badge tone={onServer.tone} className="absolute bottom-2 left-2 shadow-sm tabular-nums">
            {onServer.label}
          </Badge>
        )}
        {versions && (
          <span className="absolute right-2 bottom-2 rounded-md bg-zinc-950/80 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums">
            {versions}
          </span>
        )}
      </div>
      <p className="mt-2 truncate text-sm font-medium text-zinc-900 group-hover:text-brand-700 dark:text-zinc-100 dark:group-hover:text-brand-300">
        {media.name}
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {media.year ?? "Year unknown"} · {media.kind === "movie" ? "Movie" : "Series"}
      </p>
    </Link>
    {/* A sibling of the link, not inside it: a button within a link is not valid HTML. */}
    <div className="absolute top-2 left-2">
      <WatchlistButton media={media} variant="overlay" />
    </div>
    </div>
  );
}
