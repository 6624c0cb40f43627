import { Head } from "@inertiajs/react";
import EmptyState from "../components/EmptyState";
import PageSection from "../components/PageSection";
import PosterGrid from "../components/PosterGrid";
import SearchBox from "../components/SearchBox";
import type { MediaCard } from "../types";

type SearchProps = { q?: string; movies?: MediaCard[]; series?: MediaCard[] };

export default function Search({ q = "", movies = [], series = [] }: SearchProps) {
  const query = q.trim();
  const nothing = query !== "" && movies.length === 0 && series.length === 0;

  return (
    <>
      <Head title={query ? `“${query}”` : "Search"} />
      <h1 className="text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl dark:text-white">
        {query ? (
          <>
            Results for <span className="text-brand-700 dark:text-brand-300">“{query}”</span>
          </>
        ) : (
          "Search"
        )}
      </h1>
      <SearchBox key={query} defaultQuery={query} size="lg" autoFocus={!query} className="mt-4 mb-8 max-w-2xl" />

      {!query && (
        <EmptyState icon="search" message="Type part of a title, for example “wire” or “blade runner”." />
      )}
      {nothing && (
        <EmptyState
          icon="search"
          message={`Nothing in the catalogue matches “${query}”. Check the spelling, or try fewer words.`}
        />
      )}
      {query && !nothing && (
        <>
          <PageSection title={`Movies (${movies.length})`}>
            {movies.length > 0 ? (
              <PosterGrid items={movies} label="Movies" />
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No movies match.</p>
            )}
          </PageSection>
          <PageSection title={`Series (${series.length})`}>
            {series.length > 0 ? (
              <PosterGrid items={series} label="Series" />
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No series match.</p>
            )}
          </PageSection>
        </>
      )}
    </>
  );
}
