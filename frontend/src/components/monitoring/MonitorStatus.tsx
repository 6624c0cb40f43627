import { formatRelativeTime } from "../../lib/format";
import { countsText, seasonsText, STATE_LABELS } from "../../lib/monitoring";
import type { MonitorItem } from "../../types";
import Badge from "../Badge";

function absolute(iso: string | null): string | undefined {
  return iso ? new Date(iso).toLocaleString() : undefined;
}

/** A monitor's facts: state, seasons, schedule, next run and last result. */
export default function MonitorStatus({ monitor }: { monitor: MonitorItem }) {
  const state = STATE_LABELS[monitor.state];
  const last = monitor.lastRun;

  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
      <dt className="font-medium text-zinc-600 dark:text-zinc-400">State</dt>
      <dd>
        <Badge tone={state.tone}>{state.label}</Badge>
      </dd>
      <dt className="font-medium text-zinc-600 dark:text-zinc-400">Seasons</dt>
      <dd className="text-zinc-900 dark:text-zinc-100">
        {seasonsText(monitor.seasons)} · {monitor.from === "future" ? "new episodes only" : "everything"}
      </dd>
      <dt className="font-medium text-zinc-600 dark:text-zinc-400">Schedule</dt>
      <dd className="text-zinc-900 dark:text-zinc-100">
        {monitor.description} ({monitor.timezone.replaceAll("_", " ")})
      </dd>
      <dt className="font-medium text-zinc-600 dark:text-zinc-400">Next run</dt>
      <dd className="text-zinc-900 dark:text-zinc-100">
        {monitor.nextRunAt ? (
          <time dateTime={monitor.nextRunAt} title={absolute(monitor.nextRunAt)}>
            {formatRelativeTime(monitor.nextRunAt)}
          </time>
        ) : (
          "None while switched off"
        )}
      </dd>
      <dt className="font-medium text-zinc-600 dark:text-zinc-400">Last result</dt>
      <dd className="text-zinc-900 dark:text-zinc-100">
        {last ? (
          <>
            <Badge tone={last.status === "failed" ? "danger" : "success"}>
              {last.status === "failed" ? "Failed" : countsText(last.counts)}
            </Badge>{" "}
            <time dateTime={last.at ?? undefined} title={absolute(last.at)} className="text-zinc-600 dark:text-zinc-400">
              {formatRelativeTime(last.at)}
            </time>
            {last.status === "failed" && <span className="mt-1 block text-zinc-700 dark:text-zinc-300">{last.message}</span>}
          </>
        ) : (
          "Not run yet"
        )}
      </dd>
    </dl>
  );
}
