import type { MediaCard } from "../types";
import PosterCard from "./PosterCard";

/** A horizontally scrolling row of posters. */
export default function PosterRow({ items, label }: { items: MediaCard[]; label: string }) {
  return (
    <ul
      aria-label={label}
      className="-mx-4 flex snap-x scroll-px-4 gap-4 overflow-x-auto px-4 pt-1 pb-3 sm:-mx-6 sm:scroll-px-6 sm:px-6 lg:-mx-8 lg:scroll-px-8 lg:px-8"
    >
      {items.map((media) => (
        <li key={`${media.kind}-${media.id}`}>
          <PosterCard media={media} />
        </li>
      ))}
    </ul>
  );
}
