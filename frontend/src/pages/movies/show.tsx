import { Head, router, usePage } from "@inertiajs/react";
import { useState } from "react";
import Badge from "../../components/Badge";
import Button from "../../components/Button";
import DownloadStateNote from "../../components/DownloadStateNote";
import Icon from "../../components/Icon";
import MediaHero from "../../components/MediaHero";
import ProviderErrorNotice from "../../components/ProviderErrorNotice";
import { useLiveDownload } from "../../hooks/useDownloadStream";
import { badgeText } from "../../lib/downloadBadge";
import { canStartDownload } from "../../lib/downloadState";
import { formatDuration } from "../../lib/format";
import type { DownloadBadge, DownloadItem, MovieDetail } from "../../types";

type MovieShowProps = {
  movie: MovieDetail;
  download: DownloadItem | null;
  /** The file on the server, whoever downloaded it. */
  badge?: DownloadBadge | null;
  providerError?: string | null;
};

export default function MovieShow({ movie, download: initial, badge = null, providerError }: MovieShowProps) {
  const [starting, setStarting] = useState(false);
  const userId = usePage().props.auth.user?.id;
  // The person's own download of it, live: a start from another device shows up here too.
  const download = useLiveDownload(
    initial,
    (item) => item.downloadable_type === "VodStream" && item.downloadable_id === movie.id && item.user_id === userId,
  );
  const startable = canStartDownload(download);
  const onServer = startable && badge?.state === "downloaded";

  function start() {
    router.post(`/movies/${movie.id}/download`, {}, {
      onStart: () => setStarting(true),
      onFinish: () => setStarting(false),
    });
  }

  return (
    <>
      <Head title={movie.name} />
      {providerError && <ProviderErrorNotice message={providerError} />}
      <MediaHero
        name={movie.name}
        poster={movie.poster}
        backdrop={movie.backdrop}
        rating={movie.rating}
        tagline={[
          movie.year,
          movie.durationSecs ? formatDuration(movie.durationSecs) : null,
          movie.category?.name ?? null,
          movie.containerExtension ? movie.containerExtension.toUpperCase() : null,
        ]}
        plot={movie.plot}
        facts={[
          { label: "Genre", value: movie.genre },
          { label: "Director", value: movie.director },
          { label: "Cast", value: movie.cast },
          { label: "Released", value: movie.releaseDate },
        ]}
      >
        <div className="flex flex-wrap items-center gap-4">
          {startable && (
            <Button onClick={start} busy={starting} className="px-5 py-2.5">
              {!starting && <Icon name="download" className="size-5" />}
              Download
            </Button>
          )}
          {download && <DownloadStateNote state={download} subject={movie.name} />}
          {startable && badge && badge.state !== "failed" && (
            <Badge tone={badgeText(badge).tone} className="tabular-nums">
              {onServer ? "Already on the server" : badgeText(badge).label}
            </Badge>
          )}
        </div>
        {startable && (
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            {onServer
              ? "Someone here already downloaded it: Download adds it to your list at once, nothing is fetched again."
              : badge && badge.state !== "failed"
                ? "Someone here is downloading it: Download joins them, the file is fetched once."
                : "Saved on the server, named for Jellyfin, Plex and Kodi."}
          </p>
        )}
      </MediaHero>
    </>
  );
}
