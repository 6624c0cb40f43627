import { Head, router, usePage } from "@inertiajs/react";
import { useState } from "react";
import Badge from "../../components/Badge";
import Button from "../../components/Button";
import DownloadStateNote from "../../components/DownloadStateNote";
import GetLinkButton from "../../components/GetLinkButton";
import Icon from "../../components/Icon";
import MediaHero from "../../components/MediaHero";
import ProbeFacts from "../../components/ProbeFacts";
import ProviderErrorNotice from "../../components/ProviderErrorNotice";
import TitleActions from "../../components/TitleActions";
import VariantPicker from "../../components/VariantPicker";
import WatchlistButton from "../../components/WatchlistButton";
import { useLiveDownload } from "../../hooks/useDownloadStream";
import { badgeText } from "../../lib/downloadBadge";
import { canStartDownload } from "../../lib/downloadState";
import { formatDuration } from "../../lib/format";
import { technicalFacts } from "../../lib/technical";
import { initialVariantId } from "../../lib/variants";
import type { DownloadBadge, DownloadItem, MovieDetail, MovieVariant } from "../../types";

type MovieShowProps = {
  movie: MovieDetail;
  download: DownloadItem | null;
  /** The file on the server, whoever downloaded it. */
  badge?: DownloadBadge | null;
  /** Every version the provider lists (this one included), preferred first; [] when one. */
  variants?: MovieVariant[];
  preferredVariantId?: number | null;
  providerError?: string | null;
};

export default function MovieShow({
  movie,
  download: initial,
  badge: ownBadge = null,
  variants = [],
  preferredVariantId = null,
  providerError,
}: MovieShowProps) {
  const [starting, setStarting] = useState(false);
  const [selected, setSelected] = useState(() => initialVariantId(variants, preferredVariantId, movie.id));
  const chosen = variants.find((variant) => variant.id === selected);
  const shownId = chosen ? chosen.id : movie.id;
  const user = usePage().props.auth.user;
  const userId = user?.id;
  // The person's own download of the chosen version, live: a start from another device shows
  // up here too. Choosing another version starts again from that version's prop.
  const current = useLiveDownload(
    chosen && chosen.id !== movie.id ? chosen.download : initial,
    (item) => item.downloadable_type === "VodStream" && item.downloadable_id === shownId && item.user_id === userId,
  );
  // The badge describes this listing's file; another version has its own.
  const badge = shownId === movie.id ? ownBadge : null;
  const mayDownload = user?.mayDownload ?? false;
  const startable = mayDownload && canStartDownload(current);
  const onServer = startable && badge?.state === "downloaded";

  function start() {
    router.post(`/movies/${chosen ? chosen.id : movie.id}/download`, {}, {
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
        {variants.length > 1 && (
          <div className="mb-4">
            <VariantPicker variants={variants} selected={selected} onSelect={setSelected} />
          </div>
        )}
        <div className="flex flex-wrap items-center gap-4">
          {startable && (
            <Button onClick={start} busy={starting} className="px-5 py-2.5">
              {!starting && <Icon name="download" className="size-5" />}
              {chosen ? `Download ${chosen.label}` : "Download"}
            </Button>
          )}
          <GetLinkButton url={`/movies/${shownId}/link`} variant={startable ? "secondary" : "primary"} className="py-2.5" />
          <WatchlistButton media={{ id: movie.id, kind: "movie", name: movie.name }} />
          {current && <DownloadStateNote state={current} subject={chosen?.name ?? movie.name} />}
          {startable && badge && badge.state !== "failed" && (
            <Badge tone={badgeText(badge).tone} className="tabular-nums">
              {onServer ? "Already on the server" : badgeText(badge).label}
            </Badge>
          )}
        </div>
        {current?.downloadStatus.status === "complete" && <ProbeFacts probe={current.probe} className="mt-2 text-sm text-zinc-700 dark:text-zinc-300" />}
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {!startable
            ? "A link takes it to your own device: a browser, VLC, a TV or a download manager."
            : onServer
              ? "Someone here already downloaded it: Download adds it to your list at once, nothing is fetched again."
              : badge && badge.state !== "failed"
                ? "Someone here is downloading it: Download joins them, the file is fetched once."
                : "Download saves it on the server, checked and named for Jellyfin, Plex and Kodi; a link takes it to your own device."}
        </p>
        <div className="mt-3 -ml-3">
          <TitleActions trailer={movie.trailer} refreshUrl={`/movies/${movie.id}/refresh`} name={movie.name} />
        </div>
      </MediaHero>
    </>
  );
}
