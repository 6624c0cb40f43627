import { useState } from "react";
import type { MonitorItem } from "../../types";
import Button from "../Button";
import Icon from "../Icon";
import MonitorActions from "./MonitorActions";
import MonitorForm from "./MonitorForm";
import MonitorStatus from "./MonitorStatus";

type MonitorPanelProps = { seriesId: number; seriesName: string; knownSeasons: number[]; monitor: MonitorItem | null };

/** The series page's monitoring section: the person's monitor and its controls, or an offer. */
export default function MonitorPanel({ seriesId, seriesName, knownSeasons, monitor }: MonitorPanelProps) {
  const [editing, setEditing] = useState(false);

  return (
    <section
      aria-labelledby="monitoring-heading"
      className="mt-8 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="monitoring-heading" className="text-lg font-semibold text-zinc-900 dark:text-white">
            Monitoring
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {monitor
              ? `New episodes of ${seriesName} are downloaded for you by themselves.`
              : `Let Vodarr check ${seriesName} on a schedule and download new episodes for you.`}
          </p>
        </div>
        {!monitor && !editing && (
          <Button onClick={() => setEditing(true)}>
            <Icon name="calendar" className="size-4" />
            Monitor this series
          </Button>
        )}
      </div>
      {monitor && !editing && (
        <div className="mt-4 space-y-4">
          <MonitorStatus monitor={monitor} />
          <MonitorActions monitor={monitor} baseUrl={`/series/${seriesId}/monitoring`} onEdit={() => setEditing(true)} />
        </div>
      )}
      {editing && (
        <div className="mt-4">
          <MonitorForm seriesId={seriesId} knownSeasons={knownSeasons} monitor={monitor} onDone={() => setEditing(false)} />
        </div>
      )}
    </section>
  );
}
