import { Head, router, usePage } from "@inertiajs/react";
import { useMemo, useState } from "react";
import Checkbox from "../../components/Checkbox";
import ProviderErrorNotice from "../../components/ProviderErrorNotice";
import EmptyState from "../../components/EmptyState";
import EpisodeRow from "../../components/EpisodeRow";
import GetLinkButton from "../../components/GetLinkButton";
import MediaHero from "../../components/MediaHero";
import MonitorPanel from "../../components/monitoring/MonitorPanel";
import SeasonTabs from "../../components/SeasonTabs";
import SelectionBar from "../../components/SelectionBar";
import TitleActions from "../../components/TitleActions";
import WatchlistButton from "../../components/WatchlistButton";
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
import type { MonitorItem, Season, SeriesDetail } from "../../types";

type SeriesShowProps = {
  series: SeriesDetail;
  seasons: Season[];
  providerError?: string | null;
  /** The person's own monitor of this series, if any. */
  monitor: MonitorItem | null;
};

/** Specials (season 0) after the numbered seasons. */
function orderSeasons(seasons: Season[]): Season[] {
  return [...seasons].sort((a, b) => (a.number === 0 ? 1 : 0) - (b.number === 0 ? 1 : 0) || a.number - b.number);
}

export default function SeriesShow({ series, seasons: rawSeasons, providerError, monitor }: SeriesShowProps) {
  const seasons = useMemo(() => orderSeasons(rawSeasons), [rawSeasons]);
  const [active, setActive] = useState(0);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [starting, setStarting] = useState<string | null>(null);
  const [batchBusy, setBatchBusy] = useState(false);
  const mayDownload = usePage().props.auth.user?.mayDownload ?? false;
  // Without the right to download to the server, any episode may be chosen, for links.
  const selectable = mayDownload ? isSelectable : anyEpisode;

  const season = seasons[Math.min(active, seasons.length - 1)];
  const payload = selectionPayload(selection, seasons, selectable);
  const episodeCount = seasons.reduce((sum, s) => sum + s.episodes.length, 0);

  function downloadOne(seasonNumber: number, episodeNumber: number) {
    const key = episodeKey({ season: seasonNumber, episode: episodeNumber });
    router.post(`/series/${series.id}/${seasonNumber}/${episodeNumber}/download`, {}, {
      preserveScroll: true,
      onStart: () => setStarting(key),
      onFinish: () => setStarting(null),
    });
  }

  function downloadSelected() {
    if (payload.length === 0) return;
    router.post(`/series/${series.id}/download`, { episodes: payload }, {
      preserveScroll: true,
      onStart: () => setBatchBusy(true),
      onFinish: () => setBatchBusy(false),
      onSuccess: () => setSelection(new Set()),
    });
  }

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
        <h2 id="episodes-heading" className="mb-3 text-lg font-semibold text-zinc-900 dark:text-white">
          Episodes
        </h2>
        {seasons.length === 0 || !season ? (
          <EmptyState icon="tv" message="The provider lists no episodes for this series yet." />
        ) : (
          <SeasonTabs
            label="Seasons"
            active={active}
            onChange={setActive}
            tabs={seasons.map((s) => {
              const chosen = s.episodes.filter((e) => selection.has(episodeKey(e))).length;
              return {
                key: String(s.number),
                label: seasonLabel(s),
                badge:
                  chosen > 0 ? (
                    <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white tabular-nums dark:bg-brand-500">
                      {chosen}
                      <span className="sr-only"> selected</span>
                    </span>
                  ) : undefined,
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
              <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
                {season.episodes.length} {season.episodes.length === 1 ? "episode" : "episodes"}
              </p>
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
        busy={batchBusy}
        onSubmit={downloadSelected}
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
