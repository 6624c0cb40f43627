import { Head, router, usePage } from "@inertiajs/react";
import { useState } from "react";
import Button from "../../components/Button";
import DownloadStateNote from "../../components/DownloadStateNote";
import GetLinkButton from "../../components/GetLinkButton";
import TitleActions from "../../components/TitleActions";
import ProviderErrorNotice from "../../components/ProviderErrorNotice";
import WatchlistButton from "../../components/WatchlistButton";
import Icon from "../../components/Icon";
import MediaHero from "../../components/MediaHero";
import { canStartDownload } from "../../lib/downloadState";
import { formatDuration } from "../../lib/format";
import { technicalFacts } from "../../lib/technical";
import type { DownloadItem, MovieDetail } from "../../types";

type MovieShowProps = { movie: MovieDetail; download: DownloadItem | null; providerError?: string | null };

export default function MovieShow({ movie, download, providerError }: MovieShowProps) {
  const [starting, setStarting] = useState(false);
  const mayDownload = usePage().props.auth.user?.mayDownload ?? false;
  const startable = mayDownload && canStartDownload(download);

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
          ...technicalFacts(movie.technical),
        ]}
      >
        <div className="flex flex-wrap items-center gap-4">
          {startable && (
            <Button onClick={start} busy={starting} className="px-5 py-2.5">
              {!starting && <Icon name="download" className="size-5" />}
              Download
            </Button>
          )}
          <GetLinkButton url={`/movies/${movie.id}/link`} variant={startable ? "secondary" : "primary"} className="py-2.5" />
          <WatchlistButton media={{ id: movie.id, kind: "movie", name: movie.name }} />
          {download && <DownloadStateNote state={download} subject={movie.name} />}
        </div>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {startable
            ? "Download saves it on the server, named for Jellyfin, Plex and Kodi; a link takes it to your own device."
            : "A link takes it to your own device: a browser, VLC, a TV or a download manager."}
        </p>
        <div className="mt-3 -ml-3">
          <TitleActions trailer={movie.trailer} refreshUrl={`/movies/${movie.id}/refresh`} name={movie.name} />
        </div>
      </MediaHero>
    </>
  );
}
