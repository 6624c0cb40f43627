import { Head, router, usePage } from "@inertiajs/react";
import { useMemo, useState } from "react";
import Button from "../../components/Button";
import Checkbox from "../../components/Checkbox";
import ConfirmDialog from "../../components/ConfirmDialog";
import Icon from "../../components/Icon";
import ProviderErrorNotice from "../../components/ProviderErrorNotice";
import EmptyState from "../../components/EmptyState";
import EpisodeRow from "../../components/EpisodeRow";
import GetLinkButton from "../../components/GetLinkButton";
import MediaHero from "../../components/MediaHero";
import MonitorPanel from "../../components/monitoring/MonitorPanel";
import SeasonTabs from "../../components/SeasonTabs";
import SelectionBar from "../../components/SelectionBar";
import SeriesVariants from "../../components/SeriesVariants";
import TitleActions from "../../components/TitleActions";
import WatchlistButton from "../../components/WatchlistButton";
import { useDownloadEvents } from "../../hooks/useDownloadStream";
import { badgeOfItem, combineBadges } from "../../lib/downloadBadge";
import { latestOwnDownload } from "../../lib/downloadStream";
import {
  anyEpisode,
  downloadSelectionLabel,
  isSelectable,
  episodeKey,
  seasonLabel,
  seasonSelectionState,
  selectableEpisodes,
  selectionPayload,
  setSeasonSelected,
  toggleEpisode,
} from "../../lib/episodes";
import type { DownloadBadge, DownloadItem, Episode, MonitorItem, Season, SeriesDetail, VariantOption } from "../../types";

type SeriesShowProps = {
  series: SeriesDetail;
  seasons: Season[];
  /** The show's other listings (FR, EN, 4K…), preferred first; [] when listed once. */
  variants?: VariantOption[];
  providerError?: string | null;
  /** The person's own monitor of this series, if any. */
  monitor: MonitorItem | null;
};

/** Specials (season 0) after the numbered seasons. */
function orderSeasons(seasons: Season[]): Season[] {
  return [...seasons].sort((a, b) => (a.number === 0 ? 1 : 0) - (b.number === 0 ? 1 : 0) || a.number - b.number);
}

/** An episode's state on the server: the person's own download, else the shared file's. */
function episodeBadge(episode: Episode): DownloadBadge | null {
  return episode.download ? badgeOfItem(episode.download) : episode.badge;
}

/**
 * The person's own downloads of this series' episodes, kept current by the live channel: a
 * start from another tab, a finish, a cancel all show here without a reload.
 */
function useLiveEpisodes(seasons: Season[], seriesId: number): Season[] {
  const userId = usePage().props.auth.user?.id;
  const [changes, setChanges] = useState<{ base: Season[]; byEpisode: Map<string, DownloadItem | null> }>({
    base: seasons,
    byEpisode: new Map(),
  });
  let byEpisode = changes.byEpisode;
  if (changes.base !== seasons) {
    byEpisode = new Map();
    setChanges({ base: seasons, byEpisode });
  }
  useDownloadEvents((event) => {
    setChanges((state) => {
      const next = new Map(state.byEpisode);
      for (const s of state.base) {
        for (const episode of s.episodes) {
          const key = String(episode.id);
          const current = next.has(key) ? (next.get(key) ?? null) : episode.download;
          const updated = latestOwnDownload(
            current,
            event,
            (item) => item.downloadable_type === "Series" && item.downloadable_id === seriesId && item.user_id === userId && String(item.episode_id) === key,
          );
          if (updated !== current) next.set(key, updated);
        }
      }
      return next.size === state.byEpisode.size && [...next].every(([k, v]) => state.byEpisode.get(k) === v)
        ? state
        : { base: state.base, byEpisode: next };
    });
  });
  return useMemo(
    () =>
      byEpisode.size === 0
        ? seasons
        : seasons.map((s) => ({
            ...s,
            episodes: s.episodes.map((e) => (byEpisode.has(String(e.id)) ? { ...e, download: byEpisode.get(String(e.id)) ?? null } : e)),
          })),
    [seasons, byEpisode],
  );
}

export default function SeriesShow({ series, seasons: rawSeasons, variants = [], providerError, monitor }: SeriesShowProps) {
  const ordered = useMemo(() => orderSeasons(rawSeasons), [rawSeasons]);
  const seasons = useLiveEpisodes(ordered, series.id);
  const [active, setActive] = useState(0);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [starting, setStarting] = useState<string | null>(null);
  const [batchBusy, setBatchBusy] = useState<"selection" | "season" | "all" | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const mayDownload = usePage().props.auth.user?.mayDownload ?? false;
  // Without the right to download to the server, any episode may be chosen, for links.
  const selectable = mayDownload ? isSelectable : anyEpisode;

  const season = seasons[Math.min(active, seasons.length - 1)];
  const payload = selectionPayload(selection, seasons, selectable);
  const episodeCount = seasons.reduce((sum, s) => sum + s.episodes.length, 0);
  // "Download all" and "Download season" are server downloads: only for those who may.
  const everything = mayDownload ? seasons.flatMap((s) => selectableEpisodes(s)) : [];

  function downloadOne(seasonNumber: number, episodeNumber: number) {
    const key = episodeKey({ season: seasonNumber, episode: episodeNumber });
    router.post(`/series/${series.id}/${seasonNumber}/${episodeNumber}/download`, {}, {
      preserveScroll: true,
      onStart: () => setStarting(key),
      onFinish: () => setStarting(null),
    });
  }

  function downloadBatch(episodes: Array<{ season: number; episode: number }>, which: "selection" | "season" | "all") {
    if (episodes.length === 0) return;
    router.post(`/series/${series.id}/download`, { episodes }, {
      preserveScroll: true,
      onStart: () => setBatchBusy(which),
      onFinish: () => {
        setBatchBusy(null);
        setConfirmAll(false);
      },
      onSuccess: () => setSelection(new Set()),
    });
  }

  const refs = (episodes: Episode[]) => episodes.map((e) => ({ season: e.season, episode: e.episode }));

  const seasonState = season ? seasonSelectionState(selection, season, selectable) : "none";
  const selectableInSeason = season ? selectableEpisodes(season, selectable).length : 0;

  return (
    <>
      <Head title={series.name} />
      {providerError && <ProviderErrorNotice message={providerError} />}
      <MediaHero
        name={series.name}
        poster={series.poster}
        backdrop={series.backdrop}
        rating={series.rating}
        tagline={[
          series.year,
          seasons.length > 0 && `${seasons.length} ${seasons.length === 1 ? "season" : "seasons"}`,
          episodeCount > 0 && `${episodeCount} ${episodeCount === 1 ? "episode" : "episodes"}`,
        ]}
        plot={series.plot}
        facts={[
          { label: "Genre", value: series.genre },
          { label: "Created by", value: series.director },
          { label: "Cast", value: series.cast },
        ]}
      >
        {variants.length > 1 && (
          <div className="mb-4">
            <SeriesVariants variants={variants} current={series.id} />
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <WatchlistButton media={{ id: series.id, kind: "series", name: series.name }} />
          <TitleActions trailer={series.trailer} refreshUrl={`/series/${series.id}/refresh`} name={series.name} />
        </div>
      </MediaHero>

      <MonitorPanel
        seriesId={series.id}
        seriesName={series.name}
        knownSeasons={seasons.map((s) => s.number)}
        monitor={monitor}
      />

      <section aria-labelledby="episodes-heading" className="mt-8 pb-24">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="episodes-heading" className="text-lg font-semibold text-zinc-900 dark:text-white">
            Episodes
          </h2>
          {everything.length > 0 && (
            <Button variant="secondary" busy={batchBusy === "all"} onClick={() => setConfirmAll(true)} className="px-3 py-1.5">
              {batchBusy !== "all" && <Icon name="download" className="size-4" />}
              Download all ({everything.length})
            </Button>
          )}
        </div>
        {confirmAll && (
          <ConfirmDialog
            open
            title={`Download all of ${series.name}?`}
            description={`${everything.length} ${everything.length === 1 ? "episode" : "episodes"} not yet on your list will be saved on the server, season by season.`}
            confirmLabel={`Download ${everything.length} ${everything.length === 1 ? "episode" : "episodes"}`}
            confirmVariant="primary"
            cancelLabel="Not now"
            busy={batchBusy === "all"}
            onConfirm={() => downloadBatch(refs(everything), "all")}
            onClose={() => setConfirmAll(false)}
          />
        )}
        {seasons.length === 0 || !season ? (
          <EmptyState icon="tv" message="The provider lists no episodes for this series yet." />
        ) : (
          <SeasonTabs
            label="Seasons"
            active={active}
            onChange={setActive}
            tabs={seasons.map((s) => {
              const chosen = s.episodes.filter((e) => selection.has(episodeKey(e))).length;
              const onServer = combineBadges(s.episodes.map(episodeBadge));
              return {
                key: String(s.number),
                label: seasonLabel(s),
                badge: (
                  <>
                    {onServer && <SeasonState badge={onServer} episodes={s.episodes.length} />}
                    {chosen > 0 && (
                      <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white tabular-nums dark:bg-brand-500">
                        {chosen}
                        <span className="sr-only"> selected</span>
                      </span>
                    )}
                  </>
                ),
              };
            })}
          >
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <Checkbox
                label={
                  selectableInSeason > 0
                    ? `Select the whole season (${selectableInSeason} ${selectableInSeason === 1 ? "episode" : "episodes"})`
                    : "Everything in this season is already downloading or downloaded"
                }
                disabled={selectableInSeason === 0}
                checked={seasonState === "all"}
                indeterminate={seasonState === "some"}
                onChange={(event) =>
                  setSelection((current) => setSeasonSelected(current, season, event.target.checked, selectable))
                }
              />
              <div className="flex items-center gap-3">
                <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
                  {season.episodes.length} {season.episodes.length === 1 ? "episode" : "episodes"}
                </p>
                {mayDownload && selectableInSeason > 0 && (
                  <Button
                    variant="secondary"
                    busy={batchBusy === "season"}
                    onClick={() => downloadBatch(refs(selectableEpisodes(season)), "season")}
                    className="px-3 py-1.5"
                  >
                    {batchBusy !== "season" && <Icon name="download" className="size-4" />}
                    Download season ({selectableInSeason})
                    <span className="sr-only">: {seasonLabel(season)}</span>
                  </Button>
                )}
              </div>
            </div>
            <ul className="space-y-2" aria-label={seasonLabel(season)}>
              {season.episodes.map((episode) => {
                const key = episodeKey(episode);
                return (
                  <li key={`${key}-${episode.id}`}>
                    <EpisodeRow
                      episode={episode}
                      seriesName={series.name}
                      selected={selection.has(key)}
                      onToggle={() => setSelection((current) => toggleEpisode(current, episode, selectable))}
                      onDownload={() => downloadOne(episode.season, episode.episode)}
                      starting={starting === key}
                      linkUrl={`/series/${series.id}/${episode.season}/${episode.episode}/link`}
                      mayDownload={mayDownload}
                      selectable={selectable}
                    />
                  </li>
                );
              })}
            </ul>
          </SeasonTabs>
        )}
      </section>

      <SelectionBar
        count={payload.length}
        label={mayDownload ? downloadSelectionLabel(payload.length) : undefined}
        busy={batchBusy === "selection"}
        onSubmit={() => downloadBatch(payload, "selection")}
        onClear={() => setSelection(new Set())}
        extra={
          <GetLinkButton
            url={`/series/${series.id}/link`}
            data={{ episodes: payload }}
            label={payload.length === 1 ? "Get a link" : `Get ${payload.length} links`}
            variant={mayDownload ? "secondary" : "primary"}
            onDone={() => setSelection(new Set())}
          />
        }
      />
    </>
  );
}

/** A season tab's state on the server: all downloaded, some, under way, or failed. */
function SeasonState({ badge, episodes }: { badge: DownloadBadge; episodes: number }) {
  if (badge.state === "failed") {
    return (
      <span className="rounded-full bg-red-100 px-1.5 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-200">
        !<span className="sr-only"> a download failed</span>
      </span>
    );
  }
  if (badge.state === "downloaded") {
    const all = badge.done >= episodes;
    return (
      <span className="inline-flex items-center gap-0.5 rounded-full bg-emerald-100 px-1.5 text-xs font-semibold text-emerald-900 tabular-nums dark:bg-emerald-950 dark:text-emerald-200">
        <Icon name="check" className="size-3" />
        {all ? <span className="sr-only">all downloaded</span> : <>{badge.done}<span className="sr-only"> downloaded</span></>}
      </span>
    );
  }
  return (
    <span className="rounded-full bg-sky-100 px-1.5 text-xs font-semibold text-sky-900 tabular-nums dark:bg-sky-950 dark:text-sky-200">
      {badge.percent !== null ? `${badge.percent} %` : "…"}
      <span className="sr-only"> {badge.state}</span>
    </span>
  );
}
