import type { ReactNode } from "react";
import { useState } from "react";
import Icon from "./Icon";
import Poster from "./Poster";

type Fact = { label: string; value: string };

type MediaHeroProps = {
  name: string;
  poster: string | null;
  backdrop: string | null;
  /** Short facts under the title: year, rating, duration… (empty ones are left out). */
  tagline: Array<ReactNode | null | undefined | false>;
  rating: number | null;
  plot: string | null;
  /** Labelled details: genre, cast, director… (empty ones are left out). */
  facts: Array<{ label: string; value: string | null | undefined }>;
  /** The Download button or the download's state. */
  children?: ReactNode;
};

/** The top of a movie or series page: the backdrop, the poster, the title and its details. */
export default function MediaHero({ name, poster, backdrop, tagline, rating, plot, facts, children }: MediaHeroProps) {
  const [backdropBroken, setBackdropBroken] = useState(false);
  const art = !backdropBroken ? (backdrop ?? poster) : null;
  const shown = facts.filter((f): f is Fact => Boolean(f.value?.trim()));
  const bits = tagline.filter(Boolean);

  return (
    <section aria-labelledby="media-title" className="relative -mx-4 -mt-8 overflow-hidden sm:-mx-6 lg:-mx-8">
      <div aria-hidden="true" className="absolute inset-0">
        {art && (
          <img
            src={art}
            alt=""
            referrerPolicy="no-referrer"
            onError={() => setBackdropBroken(true)}
            className="size-full scale-105 object-cover opacity-40 blur-[2px] dark:opacity-30"
          />
        )}
        {/* Fades the artwork into the page so text keeps its contrast in both themes. */}
        <div className="absolute inset-0 bg-gradient-to-t from-zinc-50 via-zinc-50/85 to-zinc-50/40 dark:from-zinc-950 dark:via-zinc-950/85 dark:to-zinc-950/40" />
      </div>

      <div className="relative flex flex-col gap-6 px-4 pt-8 pb-6 sm:flex-row sm:px-6 sm:pt-12 lg:px-8">
        <Poster
          src={poster}
          title={name}
          loading="eager"
          size="lg"
          className="aspect-[2/3] w-40 shrink-0 self-center rounded-2xl shadow-xl ring-1 ring-zinc-900/10 sm:w-52 sm:self-start lg:w-60 dark:ring-white/10"
        />
        <div className="min-w-0 flex-1">
          <h1 id="media-title" className="text-3xl font-bold tracking-tight text-zinc-900 sm:text-4xl dark:text-white">
            {name}
          </h1>
          {(bits.length > 0 || (rating !== null && rating > 0)) && (
            <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
              {rating !== null && rating > 0 && (
                <span className="inline-flex items-center gap-1 font-semibold text-zinc-900 dark:text-white">
                  <Icon name="star" className="size-4 fill-amber-400 stroke-amber-500" />
                  <span className="sr-only">Rating</span>
                  {rating.toFixed(1)}
                </span>
              )}
              {bits.map((bit, index) => (
                <span key={index} className="before:mr-3 before:text-zinc-400 before:content-['·'] first:before:hidden">
                  {bit}
                </span>
              ))}
            </p>
          )}
          {children && <div className="mt-5">{children}</div>}
          {plot && <p className="mt-5 max-w-3xl leading-relaxed text-zinc-800 dark:text-zinc-200">{plot}</p>}
          {shown.length > 0 && (
            <dl className="mt-5 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              {shown.map((fact) => (
                <div key={fact.label} className="contents">
                  <dt className="font-medium text-zinc-600 dark:text-zinc-400">{fact.label}</dt>
                  <dd className="text-zinc-900 dark:text-zinc-100">{fact.value}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
    </section>
  );
}
