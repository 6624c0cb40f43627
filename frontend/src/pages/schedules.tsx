import { Head, Link, router } from "@inertiajs/react";
import { useState } from "react";
import Button from "../components/Button";
import EmptyState from "../components/EmptyState";
import MonitorActions from "../components/monitoring/MonitorActions";
import MonitorStatus from "../components/monitoring/MonitorStatus";
import RunLog from "../components/monitoring/RunLog";
import Notice from "../components/Notice";
import PageHeader from "../components/PageHeader";
import PageSection from "../components/PageSection";
import Pagination from "../components/Pagination";
import Poster from "../components/Poster";
import { formatRelativeTime } from "../lib/format";
import type { MonitoringStatus, MonitorItem, MonitorRunItem, Paginator } from "../types";

type SchedulesProps = {
  monitors: Paginator<MonitorItem>;
  runs: MonitorRunItem[];
  monitoring: MonitoringStatus;
  canPauseAll: boolean;
};

function PauseAllButton({ paused }: { paused: boolean }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant={paused ? "primary" : "secondary"}
      busy={busy}
      onClick={() =>
        router.patch("/schedules/settings", { paused: !paused }, {
          preserveScroll: true,
          onStart: () => setBusy(true),
          onFinish: () => setBusy(false),
        })
      }
    >
      {paused ? "Resume all monitoring" : "Pause all monitoring"}
    </Button>
  );
}

/** Every monitor the person may see, with its next run and last result, and recent scans. */
export default function Schedules({ monitors, runs, monitoring, canPauseAll }: SchedulesProps) {
  return (
    <>
      <Head title="Schedules" />
      <PageHeader
        title="Schedules"
        description={
          canPauseAll
            ? "Every series monitor in the household, when each runs next, and what the last scans did."
            : "The series you monitor, when each runs next, and what the last scans did."
        }
        actions={canPauseAll ? <PauseAllButton paused={monitoring.paused} /> : undefined}
      />
      {monitoring.paused && (
        <Notice tone="warning" title="All monitoring is paused" className="mb-6">
          {monitoring.pausedBy ? `${monitoring.pausedBy} paused it` : "An administrator paused it"}
          {monitoring.pausedAt ? ` ${formatRelativeTime(monitoring.pausedAt)}` : ""}. No series is scanned until it is resumed.
        </Notice>
      )}

      <PageSection title="Monitors">
        {monitors.data.length === 0 ? (
          <EmptyState
            icon="calendar"
            message="No series is monitored yet. Open a series and choose “Monitor this series” to have new episodes downloaded by themselves."
            action={
              <Link href="/series" className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
                Browse series
              </Link>
            }
          />
        ) : (
          <ul aria-label="Monitors" className="grid gap-4 lg:grid-cols-2">
            {monitors.data.map((monitor) => (
              <li key={monitor.id}>
                <article
                  aria-labelledby={`monitor-${monitor.id}`}
                  className="flex h-full gap-4 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
                >
                  <Poster
                    src={monitor.series.poster}
                    title={monitor.series.name}
                    className="hidden aspect-[2/3] w-20 shrink-0 self-start rounded-lg sm:block"
                  />
                  <div className="min-w-0 flex-1 space-y-3">
                    <h3 id={`monitor-${monitor.id}`} className="font-semibold text-zinc-900 dark:text-white">
                      <Link href={`/series/${monitor.series.id}`} className="hover:underline">
                        {monitor.series.name}
                      </Link>
                      {monitor.owner && (
                        <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">for {monitor.owner.name}</span>
                      )}
                    </h3>
                    <MonitorStatus monitor={monitor} />
                    <MonitorActions monitor={monitor} baseUrl={`/monitors/${monitor.id}`} />
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
        {monitors.data.length > 0 && <Pagination paginator={monitors} noun="monitors" preserveScroll />}
      </PageSection>

      <PageSection title="Activity">
        <p className="-mt-2 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Each scan starts at most {monitoring.episodesPerRun} episodes; the rest wait for the next run.
        </p>
        <RunLog runs={runs} />
      </PageSection>
    </>
  );
}
