import { Head, Link, usePage } from "@inertiajs/react";
import DownloadRow from "../components/DownloadRow";
import EmptyState from "../components/EmptyState";
import PageSection from "../components/PageSection";
import PosterRow from "../components/PosterRow";
import TextLink from "../components/TextLink";
import { useLiveDownloads } from "../hooks/useDownloadStream";
import { buttonClasses } from "../lib/ui";
import type { DownloadItem, MediaCard, PinnedRow } from "../types";

const PANEL_LIMIT = 5;

/** The panel's rows: the person's own downloads under way, or failed and waiting for them. */
function onPanel(item: DownloadItem, userId: number | undefined): boolean {
  if (item.user_id !== userId) return false;
  return ["active", "queued", "paused"].includes(item.state) || (item.state === "failed" && !item.retry_next_at);
}

type DiscoverProps = {
  recentMovies?: MediaCard[];
  recentSeries?: MediaCard[];
  /** The person's pinned categories, each its newest titles. */
  pinnedRows?: PinnedRow[];
  activeDownloads?: DownloadItem[];
  catalogueEmpty?: boolean;
};

export default function Discover({
  recentMovies = [],
  recentSeries = [],
  pinnedRows = [],
  activeDownloads: initialDownloads = [],
  catalogueEmpty = false,
}: DiscoverProps) {
  const user = usePage().props.auth.user;
  const isAdmin = user?.role === "admin";
  // Live: a download started elsewhere appears, a finished one says so, a removed one goes.
  const activeDownloads = useLiveDownloads(initialDownloads, {
    accept: (item) => onPanel(item, user?.id),
    limit: PANEL_LIMIT,
  });
  const empty = catalogueEmpty || (recentMovies.length === 0 && recentSeries.length === 0);

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
        {activeDownloads.length > 0 && (
          <PageSection
            title="Downloading now"
            action={
              <TextLink href="/downloads" className="text-sm">
                All downloads
              </TextLink>
            }
          >
            <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {activeDownloads.map((download) => (
                <li key={download.id}>
                  <DownloadRow download={download} href="/downloads" />
                </li>
              ))}
            </ul>
          </PageSection>
        )}

        {empty ? (
          <EmptyState
            icon="film"
            message={
              isAdmin
                ? "The catalogue is empty. Check the provider in Settings, then press “Sync now” to fetch its movies and series."
                : "The catalogue is empty. Ask your admin to sync it from the provider; movies and series will show up here."
            }
            action={
              isAdmin ? (
                <Link href="/settings" className={buttonClasses("primary", "py-1.5")}>
                  Open Settings
                </Link>
              ) : undefined
            }
          />
        ) : (
          <>
            {pinnedRows.map((row) => (
              <PageSection
                key={`${row.category.kind}-${row.category.id}`}
                title={row.category.name}
                action={
                  <TextLink
                    href={`/${row.category.kind === "movie" ? "movies" : "series"}?category=${row.category.id}`}
                    className="text-sm"
                  >
                    All of {row.category.name}
                  </TextLink>
                }
              >
                <PosterRow items={row.items} label={row.category.name} />
              </PageSection>
            ))}
            <PageSection
              title="Recently added movies"
              action={
                <TextLink href="/movies" className="text-sm">
                  All movies
                </TextLink>
              }
            >
              {recentMovies.length > 0 ? (
                <PosterRow items={recentMovies} label="Recently added movies" />
              ) : (
                <EmptyState icon="film" message="No movies in the catalogue yet." />
              )}
            </PageSection>

            <PageSection
              title="Recently added series"
              action={
                <TextLink href="/series" className="text-sm">
                  All series
                </TextLink>
              }
            >
              {recentSeries.length > 0 ? (
                <PosterRow items={recentSeries} label="Recently added series" />
              ) : (
                <EmptyState icon="tv" message="No series in the catalogue yet." />
              )}
            </PageSection>
          </>
        )}

        {activeDownloads.length === 0 && !empty && (
          <PageSection title="Downloading now">
            <EmptyState
              icon="download"
              message="Nothing is downloading, and nothing failed. Open a movie or a series and press Download to save it on the server."
            />
          </PageSection>
        )}
      </div>
    </>
  );
}
