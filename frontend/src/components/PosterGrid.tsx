import type { MediaCard } from "../types";
import PosterCard from "./PosterCard";

/** Posters in a responsive grid: 2 columns on phones up to 6 on wide screens. */
export default function PosterGrid({ items, label }: { items: MediaCard[]; label: string }) {
  return (
    <ul
      aria-label={label}
      className="grid grid-cols-2 gap-x-4 gap-y-6 min-[480px]:grid-cols-3 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6"
    >
      {items.map((media) => (
        <li key={`${media.kind}-${media.id}`} className="min-w-0">
          <PosterCard media={media} layout="grid" />
        </li>
      ))}
    </ul>
  );
}
