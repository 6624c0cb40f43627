import { Link } from "@inertiajs/react";
import { useState } from "react";
import { mediaHref } from "../lib/media";
import type { MediaCard } from "../types";
import Icon from "./Icon";

/** A poster tile; provider artwork is often missing or broken, so it falls back to a tile. */
export default function PosterCard({ media }: { media: MediaCard }) {
  const [broken, setBroken] = useState(false);
  const showImage = media.poster && !broken;

  return (
    <Link
      href={mediaHref(media)}
      className="group block w-36 shrink-0 snap-start rounded-xl sm:w-40"
    >
      <div className="relative aspect-[2/3] overflow-hidden rounded-xl bg-gradient-to-br from-zinc-200 to-zinc-300 shadow-sm ring-1 ring-zinc-900/10 dark:from-zinc-800 dark:to-zinc-900 dark:ring-white/10">
        {showImage ? (
          <img
            src={media.poster ?? undefined}
            alt=""
            loading="lazy"
            decoding="async"
            referrerPolicy="no-referrer"
            onError={() => setBroken(true)}
            className="size-full object-cover transition-transform duration-300 group-hover:scale-105"
          />
        ) : (
          <div className="grid size-full place-items-center text-zinc-500 dark:text-zinc-400">
            <Icon name={media.kind === "movie" ? "film" : "tv"} className="size-10" />
          </div>
        )}
        {media.rating !== null && media.rating > 0 && (
          <span className="absolute top-2 right-2 inline-flex items-center gap-1 rounded-md bg-zinc-950/80 px-1.5 py-0.5 text-xs font-semibold text-white">
            <Icon name="star" className="size-3 fill-amber-400 stroke-amber-400" />
            <span className="sr-only">Rating</span>
            {media.rating.toFixed(1)}
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
  );
}
