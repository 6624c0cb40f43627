import { Head, Link, usePage } from "@inertiajs/react";
import DownloadRow from "../components/DownloadRow";
import EmptyState from "../components/EmptyState";
import PageSection from "../components/PageSection";
import PosterRow from "../components/PosterRow";
import TextLink from "../components/TextLink";
import { buttonClasses } from "../lib/ui";
import type { DownloadSummary, MediaCard } from "../types";

type DiscoverProps = {
  recentMovies?: MediaCard[];
  recentSeries?: MediaCard[];
  activeDownloads?: DownloadSummary[];
};

const CATALOGUE_EMPTY = "an admin can sync the catalogue from Settings.";

export default function Discover({
  recentMovies = [],
  recentSeries = [],
  activeDownloads = [],
}: DiscoverProps) {
  const user = usePage().props.auth.user;
  const isAdmin = user?.role === "admin";
  const syncAction = isAdmin ? (
    <Link href="/settings" className={buttonClasses("secondary", "py-1.5")}>
      Open Settings
    </Link>
  ) : undefined;

  return (
    <>
      <Head title="Discover" />
      <h1 className="text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl dark:text-white">
        Welcome back{user ? `, ${user.name}` : ""}
      </h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        What's new in the library, and what is downloading right now.
      </p>

      <div className="mt-8">
        <PageSection
          title="Recently added movies"
          action={recentMovies.length > 0 && <TextLink href="/movies" className="text-sm">All movies</TextLink>}
        >
          {recentMovies.length > 0 ? (
            <PosterRow items={recentMovies} label="Recently added movies" />
          ) : (
            <EmptyState icon="film" message={`No movies yet — ${CATALOGUE_EMPTY}`} action={syncAction} />
          )}
        </PageSection>

        <PageSection
          title="Recently added series"
          action={recentSeries.length > 0 && <TextLink href="/series" className="text-sm">All series</TextLink>}
        >
          {recentSeries.length > 0 ? (
            <PosterRow items={recentSeries} label="Recently added series" />
          ) : (
            <EmptyState icon="tv" message={`No series yet — ${CATALOGUE_EMPTY}`} action={syncAction} />
          )}
        </PageSection>

        <PageSection
          title="Active downloads"
          action={activeDownloads.length > 0 && <TextLink href="/downloads" className="text-sm">All downloads</TextLink>}
        >
          {activeDownloads.length > 0 ? (
            <ul className="grid gap-3 md:grid-cols-2">
              {activeDownloads.map((download) => (
                <li key={download.id}>
                  <DownloadRow download={download} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState icon="download" message="No active downloads. Start one from a movie or an episode." />
          )}
        </PageSection>
      </div>
    </>
  );
}
