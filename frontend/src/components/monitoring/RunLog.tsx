import { episodeCode } from "../../lib/media";
import { countsText, OUTCOME_LABELS } from "../../lib/monitoring";
import { formatRelativeTime } from "../../lib/format";
import type { MonitorRunItem } from "../../types";
import Badge from "../Badge";

/** Recent scans, newest first; each opens onto what it did per episode. */
export default function RunLog({ runs }: { runs: MonitorRunItem[] }) {
  if (runs.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No scans yet.</p>;
  }
  return (
    <ol aria-label="Recent scans" className="space-y-2">
      {runs.map((run) => (
        <li key={run.id} className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <details className="group">
            <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded-xl p-4">
              <Badge tone={run.status === "failed" ? "danger" : run.status === "running" ? "info" : "success"}>
                {run.status === "failed" ? "Failed" : run.status === "running" ? "Running" : "Done"}
              </Badge>
              <span className="font-medium text-zinc-900 dark:text-zinc-100">{run.seriesName}</span>
              <span className="text-sm text-zinc-700 dark:text-zinc-300">
                {run.status === "failed" ? run.message : countsText(run.counts)}
              </span>
              <span className="ml-auto text-xs text-zinc-600 dark:text-zinc-400">
                {run.trigger === "manual" ? "Run now" : "On schedule"}
                {run.owner ? ` · ${run.owner.name}` : ""} ·{" "}
                <time dateTime={run.startedAt ?? undefined}>{formatRelativeTime(run.startedAt)}</time>
              </span>
            </summary>
            <div className="border-t border-zinc-200 px-4 pt-3 pb-4 dark:border-zinc-800">
              <p className="text-sm text-zinc-700 dark:text-zinc-300">{run.message}</p>
              {run.episodes.length > 0 && (
                <ul aria-label={`Episodes of scan ${run.id}`} className="mt-3 space-y-1.5">
                  {run.episodes.map((e) => (
                    <li key={`${e.season}-${e.episode}`} className="flex flex-wrap items-center gap-2 text-sm">
                      <Badge tone={OUTCOME_LABELS[e.outcome]?.tone ?? "neutral"}>{OUTCOME_LABELS[e.outcome]?.label ?? e.outcome}</Badge>
                      <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">{episodeCode(e.season, e.episode)}</span>
                      <span className="text-zinc-700 dark:text-zinc-300">{e.title}</span>
                      {e.reason && <span className="text-zinc-600 dark:text-zinc-400">— {e.reason}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {run.episodesTotal > run.episodes.length && (
                <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
                  and {run.episodesTotal - run.episodes.length} more
                </p>
              )}
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
