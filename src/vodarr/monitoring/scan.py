"""One scan of a monitored series: ask the provider, queue what is new, record what happened.

The scan is the same whether the schedule or a "Run now" click started it. It asks the
provider for the show's current episode list (bypassing the client's short cache: new
episodes are the point), picks the episodes in the monitored seasons it has not dealt with,
and starts them through the very service a click uses (``start_episodes_download``), so
naming, dedupe, the connection limit and shared transfers all apply. At most
``MONITOR_EPISODES_PER_RUN`` are started per scan; the rest wait for the next run, so a
backfill of 500 episodes never floods aria2 at once.

A provider error fails the run and changes nothing; the next scheduled run tries again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from vodarr.accounts.models import User
from vodarr.catalog.provider import provider_client
from vodarr.downloads.models import MediaDownloadRef, MediaType
from vodarr.downloads.starting import StartError, start_episodes_download
from vodarr.integrations.xtream import Episode, XtreamError, XtreamNotFound
from vodarr.monitoring.models import (
    MonitorRun,
    MonitorRunEpisode,
    Outcome,
    RunStatus,
    SeriesMonitor,
    StartFrom,
)
from vodarr.notifications.models import Kind
from vodarr.notifications.services import notify

logger = logging.getLogger("vodarr.monitoring")

DEFAULT_EPISODES_PER_RUN = 25
RUNS_KEPT_PER_MONITOR = 50
SERIES_GONE = "The provider no longer lists this series."
CANCELED_BEFORE = "You canceled this episode's download before; it is not fetched again."


def episodes_per_run() -> int:
    return max(1, int(getattr(settings, "MONITOR_EPISODES_PER_RUN", DEFAULT_EPISODES_PER_RUN)))


class ScanFailed(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class _Outcomes:
    rows: list[MonitorRunEpisode] = field(default_factory=list)
    handled: list[str] = field(default_factory=list)

    def add(self, episode: Episode, outcome: str, reason: str = "") -> None:
        self.rows.append(
            MonitorRunEpisode(
                season=episode.season,
                episode=episode.episode_num,
                episode_id=episode.id,
                title=episode.title[:500],
                outcome=outcome,
                reason=reason,
            )
        )
        if outcome in (Outcome.QUEUED, Outcome.ALREADY, Outcome.SKIPPED):
            self.handled.append(episode.id)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(Outcome.values, 0)
        for row in self.rows:
            counts[row.outcome] += 1
        return counts


def scan(monitor: SeriesMonitor, run: MonitorRun) -> MonitorRun:
    """Scan once for a claimed monitor; the run is finished (and its notification sent)."""
    previous_status = monitor.last_status
    try:
        outcomes, message = _scan(monitor)
    except ScanFailed as failure:
        _finish(run, monitor, RunStatus.FAILED, failure.message, _Outcomes())
        if previous_status != RunStatus.FAILED:  # one notification per failure streak
            notify(
                [monitor.user_id],
                Kind.MONITOR_FAILED,
                f"Monitoring {monitor.series_name} failed",
                f"{failure.message} It will try again at the next scheduled run.",
                "/schedules",
            )
        return run
    _finish(run, monitor, RunStatus.SUCCEEDED, message, outcomes)
    queued = [row for row in outcomes.rows if row.outcome == Outcome.QUEUED]
    if queued:
        codes = ", ".join(f"S{r.season:02d}E{r.episode:02d}" for r in queued[:10])
        more = f" and {len(queued) - 10} more" if len(queued) > 10 else ""
        notify(
            [monitor.user_id],
            Kind.MONITOR_QUEUED,
            f"{monitor.series_name}: {_episodes(len(queued))} queued",
            f"{codes}{more}.",
            "/downloads",
        )
    return run


def _scan(monitor: SeriesMonitor) -> tuple[_Outcomes, str]:
    try:
        info = provider_client().series_info(monitor.series_id, fresh=True)
    except XtreamNotFound:
        raise ScanFailed(SERIES_GONE) from None
    except XtreamError as error:
        raise ScanFailed(error.message) from None
    monitor.series_name = info.name or monitor.series_name
    monitor.poster = info.poster or monitor.poster
    seen = set(monitor.handled)
    if monitor.start_from == StartFrom.FUTURE:
        seen |= set(monitor.baseline)
    new = [e for e in info.episodes if monitor.covers(e.season) and e.id not in seen]
    outcomes = _Outcomes()
    canceled = _canceled_by_person(monitor, [e.id for e in new])
    wanted = []
    for episode in new:
        if episode.id in canceled:
            outcomes.add(episode, Outcome.SKIPPED, CANCELED_BEFORE)
        else:
            wanted.append(episode)
    cap = episodes_per_run()
    batch, later = wanted[:cap], wanted[cap:]
    if batch:
        _start(monitor, batch, outcomes)
    for episode in later:
        outcomes.add(episode, Outcome.DEFERRED, f"Over this run's limit of {cap} episodes.")
    return outcomes, _summary(outcomes.counts())


def _start(monitor: SeriesMonitor, batch: list[Episode], outcomes: _Outcomes) -> None:
    user = User.objects.get(pk=monitor.user_id)
    codes = [(e.season, e.episode_num) for e in batch]
    try:
        result = start_episodes_download(user, monitor.series_id, codes)
    except StartError as error:
        reason = " ".join(error.messages)
        for episode in batch:
            outcomes.add(episode, Outcome.ERROR, reason)
        return
    started = {(r.season, r.episode) for r in result.started}
    live = set(
        MediaDownloadRef.objects.live()
        .filter(
            user=user,
            downloadable_type=MediaType.SERIES,
            downloadable_id=monitor.series_id,
            episode_id__in=[e.id for e in batch],
        )
        .values_list("episode_id", flat=True)
    )
    for episode in batch:
        if (episode.season, episode.episode_num) in started:
            outcomes.add(episode, Outcome.QUEUED)
        elif episode.id in live:
            outcomes.add(episode, Outcome.ALREADY, "You already have this episode.")
        else:
            outcomes.add(episode, Outcome.ERROR, _failure_for(episode, result.failed))


def _failure_for(episode: Episode, failed: list[str]) -> str:
    label = f"S{episode.season:02d}E{episode.episode_num:02d}"
    mine = [message for message in failed if message.startswith(label)]
    return " ".join(mine or failed) or "The download could not be started."


def _canceled_by_person(monitor: SeriesMonitor, episode_ids: list[str]) -> set[str]:
    """Episodes the person canceled and has not asked for again (no live request)."""
    rows = MediaDownloadRef.objects.filter(
        user_id=monitor.user_id,
        downloadable_type=MediaType.SERIES,
        downloadable_id=monitor.series_id,
        episode_id__in=episode_ids,
    ).values_list("episode_id", "canceled_at")
    canceled = {str(episode) for episode, at in rows if at is not None}
    live = {str(episode) for episode, at in rows if at is None}
    return canceled - live


def _finish(
    run: MonitorRun, monitor: SeriesMonitor, status: str, message: str, outcomes: _Outcomes
) -> None:
    now = timezone.now()
    counts = outcomes.counts() if status == RunStatus.SUCCEEDED else {}
    run.status, run.message, run.counts, run.finished_at = status, message, counts, now
    run.series_name = monitor.series_name
    recorded = MonitorRun.objects.filter(pk=run.pk).update(
        status=status, message=message, counts=counts, finished_at=now, series_name=run.series_name
    )
    if not recorded:
        return  # the person stopped monitoring during the scan: its log went with it
    for row in outcomes.rows:
        row.run = run
    MonitorRunEpisode.objects.bulk_create(outcomes.rows)
    fields = {
        "last_run_at": run.started_at,
        "last_status": status,
        "last_message": message,
        "last_counts": counts,
        "running_since": None,
    }
    if status == RunStatus.SUCCEEDED:
        # Only the scan writes these, and scans of one monitor never overlap (the claim).
        fields |= {
            "handled": [*monitor.handled, *outcomes.handled],
            "series_name": monitor.series_name,
            "poster": monitor.poster,
        }
    SeriesMonitor.objects.filter(pk=monitor.pk).update(**fields)
    _forget_old_runs(monitor)
    log = logger.info if status == RunStatus.SUCCEEDED else logger.warning
    log("Monitor %s (%s): %s", monitor.pk, monitor.series_name, message)


def _forget_old_runs(monitor: SeriesMonitor) -> None:
    keep = list(
        MonitorRun.objects.filter(monitor=monitor)
        .order_by("-started_at", "-id")
        .values_list("pk", flat=True)[:RUNS_KEPT_PER_MONITOR]
    )
    MonitorRun.objects.filter(Q(monitor=monitor) & ~Q(pk__in=keep)).delete()


def _summary(counts: dict[str, int]) -> str:
    parts = []
    if counts[Outcome.QUEUED]:
        parts.append(f"Queued {_episodes(counts[Outcome.QUEUED])}.")
    if counts[Outcome.ALREADY]:
        parts.append(f"{_episodes(counts[Outcome.ALREADY], new=False).capitalize()} already there.")
    if counts[Outcome.DEFERRED]:
        parts.append(
            f"{_episodes(counts[Outcome.DEFERRED], new=False).capitalize()} wait for the next run."
        )
    if counts[Outcome.SKIPPED]:
        parts.append(f"Skipped {_episodes(counts[Outcome.SKIPPED], new=False)} you had canceled.")
    if counts[Outcome.ERROR]:
        parts.append(f"{_episodes(counts[Outcome.ERROR], new=False).capitalize()} could not start.")
    return " ".join(parts) or "Nothing new."


def _episodes(count: int, *, new: bool = True) -> str:
    noun = "new episode" if new else "episode"
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
