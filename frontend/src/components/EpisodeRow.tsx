import { useState } from "react";
import { useClamped } from "../hooks/useClamped";
import { badgeText } from "../lib/downloadBadge";
import { isSelectable, type Selectable } from "../lib/episodes";
import { formatDuration } from "../lib/format";
import { episodeCode } from "../lib/media";
import { technicalSummary } from "../lib/technical";
import { buttonClasses, cx } from "../lib/ui";
import type { Episode } from "../types";
import Badge from "./Badge";
import BusyIcon from "./BusyIcon";
import Checkbox from "./Checkbox";
import DownloadStateNote from "./DownloadStateNote";
import GetLinkButton from "./GetLinkButton";
import Icon from "./Icon";
import Poster from "./Poster";
import ProbeFacts from "./ProbeFacts";

type EpisodeRowProps = {
  episode: Episode;
  seriesName: string;
  selected: boolean;
  onToggle: () => void;
  onDownload: () => void;
  starting: boolean;
  /** The POST route that makes a link to this episode. */
  linkUrl: string;
  /** False: the person may only take links, there is no Download button. */
  mayDownload?: boolean;
  selectable?: Selectable;
};

/** One episode: select it for a batch, download it or get a link on its own, see where it stands. */
export default function EpisodeRow({
  episode,
  seriesName,
  selected,
  onToggle,
  onDownload,
  starting,
  linkUrl,
  mayDownload = true,
  selectable: canSelect = isSelectable,
}: EpisodeRowProps) {
  const [expanded, setExpanded] = useState(false);
  const code = episodeCode(episode.season, episode.episode);
  const title = episode.title?.trim() || `Episode ${episode.episode}`;
  const selectable = canSelect(episode);
  const downloadable = mayDownload && isSelectable(episode);
  const technical = technicalSummary(episode.technical);
  const [plotRef, clamped] = useClamped<HTMLParagraphElement>();

  return (
    <div
      className={cx(
        "grid grid-cols-[1.25rem_1fr] gap-x-3 gap-y-3 rounded-xl border p-3 transition-colors sm:grid-cols-[1.25rem_8rem_1fr_auto] sm:items-start sm:gap-x-4",
        selected
          ? "border-brand-400 bg-brand-50/60 dark:border-brand-500/60 dark:bg-brand-500/10"
          : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
      )}
    >
      <div className="pt-1">
        {selectable ? (
          <Checkbox label={`Select ${code}: ${title}`} hideLabel checked={selected} onChange={onToggle} />
        ) : (
          <Icon name="check" className="size-4 text-zinc-400 dark:text-zinc-500" />
        )}
      </div>
      <Poster
        src={episode.image}
        title={`${seriesName} ${episode.episode}`}
        size="sm"
        className="col-start-2 hidden aspect-video w-32 rounded-lg sm:block"
      />
      <div className="col-start-2 min-w-0 sm:col-start-3">
        <h3 className="text-sm font-semibold text-zinc-900 sm:text-base dark:text-white">
          <span className="mr-2 font-mono text-xs font-medium text-zinc-600 tabular-nums dark:text-zinc-400">{code}</span>
          {title}
        </h3>
        {episode.durationSecs || technical ? (
          <p className="mt-0.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            {[episode.durationSecs ? formatDuration(episode.durationSecs) : null, technical || null].filter(Boolean).join(" · ")}
          </p>
        ) : null}
        {episode.download?.downloadStatus.status === "complete" && <ProbeFacts probe={episode.download.probe} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400" />}
        {episode.plot && (
          <p ref={plotRef} className={cx("mt-1.5 text-sm text-zinc-700 dark:text-zinc-300", !expanded && "line-clamp-2")}>{episode.plot}</p>
        )}
        {(clamped || expanded) && (
          <button
            type="button"
            onClick={() => setExpanded((value) => !value)}
            aria-expanded={expanded}
            className="mt-1 text-xs font-medium text-brand-700 hover:underline dark:text-brand-300"
          >
            {expanded ? "Show less" : "Show more"}
            <span className="sr-only"> of the plot of {code}</span>
          </button>
        )}
      </div>
      <div className="col-start-2 flex flex-wrap items-center gap-2 sm:col-start-4 sm:justify-end">
        {episode.download && !isSelectable(episode) ? (
          <DownloadStateNote state={episode.download} subject={`${code} ${title}`} compact />
        ) : (
          <>
            {episode.badge && episode.badge.state !== "failed" && (
              // Someone else's download of it: Download joins it (or is complete at once).
              <Badge tone={badgeText(episode.badge, "episode").tone} className="tabular-nums">
                {episode.badge.state === "downloaded" ? "On the server" : badgeText(episode.badge, "episode").label}
              </Badge>
            )}
            {downloadable && (
              <button
                type="button"
                onClick={onDownload}
                disabled={starting}
                aria-busy={starting || undefined}
                className={cx(buttonClasses("secondary"), "px-3 py-1.5")}
              >
                <BusyIcon busy={starting} icon="download" />
                Download
                <span className="sr-only"> {code}</span>
              </button>
            )}
          </>
        )}
        <GetLinkButton url={linkUrl} label="Link" subject={`${code}: ${title}`} variant="ghost" className="px-3 py-1.5" />
      </div>
    </div>
  );
}
