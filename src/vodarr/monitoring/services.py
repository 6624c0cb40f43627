"""Creating and changing monitors, and claiming them to run (on schedule or right now).

A run is claimed with a conditional UPDATE: the scheduled claim moves ``next_run_at`` to
the following slot and sets ``running_since`` only if both are still what this worker read,
so two workers (or a worker and a "Run now" click) never scan one monitor at once. A claim
whose scan crashed is let go after ``RUN_LEASE``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, Q
from django.utils import timezone

from vodarr.accounts.models import User
from vodarr.catalog.models import Series
from vodarr.catalog.provider import provider_client
from vodarr.integrations.xtream import XtreamError, XtreamNotFound
from vodarr.monitoring.forms import MonitorValues
from vodarr.monitoring.models import (
    MonitoringSettings,
    MonitorRun,
    RunStatus,
    RunTrigger,
    Schedule,
    SeriesMonitor,
    StartFrom,
)
from vodarr.monitoring.scan import scan

RUN_LEASE = timedelta(minutes=30)
DUE_BATCH = 50
PAUSED_ALL = "Monitoring is paused by an administrator: nothing is scanned until it resumes."


class MonitorError(Exception):
    """A change or run was refused; ``message`` is for the person, ``status`` for API clients."""

    def __init__(self, message: str, status: int = 422, field: str = "monitor") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.field = field


Clock = Callable[[], datetime]


def create_monitor(
    user: User, series_id: int, values: MonitorValues, now: datetime
) -> SeriesMonitor:
    """Start monitoring; the episodes listed now are the baseline for ``"from": "future"``."""
    if SeriesMonitor.objects.filter(user=user, series_id=series_id).exists():
        raise MonitorError("You already monitor this series; change or stop it instead.", 409)
    try:
        # The cached list is what the person just saw on the page: "from now on" means that.
        info = provider_client().series_info(series_id)
    except XtreamNotFound:
        raise MonitorError("This series is no longer available from the provider.", 404) from None
    except XtreamError as error:
        raise MonitorError(
            f"The series' episodes could not be read, so nothing was set up: {error.message}", 503
        ) from None
    row = Series.objects.filter(pk=series_id).first()
    defaults = MonitorValues.defaults()
    monitor = SeriesMonitor(
        user=user,
        series_id=series_id,
        series_name=info.name or (row.name if row else f"Series {series_id}"),
        poster=info.poster or (row.poster if row else ""),
        baseline=[episode.id for episode in info.episodes],
        created_at=now,
    )
    _apply(monitor, values, defaults)
    _check_days(monitor)
    monitor.reschedule(now)
    if monitor.enabled and monitor.start_from == StartFrom.ALL:
        monitor.next_run_at = now  # the backfill starts at the worker's next look, not tomorrow
    try:
        with transaction.atomic():
            monitor.save(force_insert=True)
    except IntegrityError:  # a second tab created it a moment ago
        raise MonitorError(
            "You already monitor this series; change or stop it instead.", 409
        ) from None
    return monitor


def update_monitor(monitor: SeriesMonitor, values: MonitorValues, now: datetime) -> SeriesMonitor:
    """Change only what was given; a new schedule (or switching on) picks the next slot."""
    _apply(monitor, values, MonitorValues())
    _check_days(monitor)
    monitor.reschedule(now)
    # Not the scan's fields (handled, last_*): a scan may be finishing at this moment.
    monitor.save(
        update_fields=[
            "seasons",
            "start_from",
            "schedule",
            "run_time",
            "days",
            "time_zone",
            "enabled",
            "next_run_at",
            "updated_at",
        ]
    )
    return monitor


def _apply(monitor: SeriesMonitor, values: MonitorValues, fallback: MonitorValues) -> None:
    def pick(name: str) -> object:
        given = getattr(values, name)
        return given if given is not None else getattr(fallback, name)

    seasons = pick("seasons")
    if seasons is not None:
        monitor.seasons = None if seasons == "all" else seasons
    for name in ("start_from", "schedule", "run_time", "days", "time_zone", "enabled"):
        value = pick(name)
        if value is not None:
            setattr(monitor, name, value)


def _check_days(monitor: SeriesMonitor) -> None:
    if monitor.schedule == Schedule.WEEKLY and len(monitor.days) == 7:
        # "Weekly on every day" is a daily schedule: ask which day was meant.
        raise MonitorError("Choose the day (or days) of the week it runs on.", field="days")


def paused_all() -> bool:
    return MonitoringSettings.objects.filter(
        pk=MonitoringSettings.SINGLETON_PK, paused=True
    ).exists()


def set_paused_all(admin: User, paused: bool, now: datetime) -> None:
    row = MonitoringSettings.load()
    row.paused = paused
    row.paused_at = now if paused else None
    row.paused_by = admin if paused else None
    row.save()


def due_monitors(now: datetime, limit: int = DUE_BATCH) -> list[SeriesMonitor]:
    """Monitors whose time has come: ONE query on the due index, also answering "paused?"."""
    paused = MonitoringSettings.objects.filter(paused=True)
    return list(
        SeriesMonitor.objects.filter(next_run_at__lte=now)
        .exclude(Exists(paused))
        .order_by("next_run_at", "id")[:limit]
    )


def run_due_monitors(clock: Clock = timezone.now) -> int:
    """Claim and scan every due monitor, one after the other; returns how many ran."""
    ran = 0
    for monitor in due_monitors(clock()):
        now = clock()
        if _claim(monitor, now, next_run_at=monitor.spec.next_run_after(now)):
            _run(monitor, RunTrigger.SCHEDULE, now)
            ran += 1
    return ran


def run_now(monitor: SeriesMonitor, now: datetime) -> MonitorRun:
    """Scan at once (the same scan as the schedule's); the schedule itself is unchanged."""
    if paused_all():
        raise MonitorError(PAUSED_ALL, 409)
    if not _claim(monitor, now):
        raise MonitorError("A scan of this series is running already; wait for it to finish.", 409)
    return _run(monitor, RunTrigger.MANUAL, now)


def _claim(monitor: SeriesMonitor, now: datetime, next_run_at: datetime | None = None) -> bool:
    free = Q(running_since__isnull=True) | Q(running_since__lt=now - RUN_LEASE)
    claim = SeriesMonitor.objects.filter(free, pk=monitor.pk)
    changes: dict[str, object] = {"running_since": now}
    if next_run_at is not None:  # the schedule's claim: only if nobody moved the slot meanwhile
        claim = claim.filter(next_run_at=monitor.next_run_at)
        changes["next_run_at"] = next_run_at
    if claim.update(**changes) != 1:
        return False
    monitor.running_since = now
    return True


def _run(monitor: SeriesMonitor, trigger: str, now: datetime) -> MonitorRun:
    monitor.refresh_from_db()  # the scan works from what the claim committed
    run = MonitorRun.objects.create(
        monitor=monitor,
        user_id=monitor.user_id,
        series_name=monitor.series_name,
        trigger=trigger,
        status=RunStatus.RUNNING,
        started_at=now,
    )
    try:
        return scan(monitor, run)
    except Exception:
        # A bug or a database error: the run must not read "running" for ever, nor the
        # monitor stay claimed until the lease runs out.
        message = "The scan stopped on an unexpected error (it was logged)."
        MonitorRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, message=message, finished_at=timezone.now()
        )
        SeriesMonitor.objects.filter(pk=monitor.pk).update(
            running_since=None, last_status=RunStatus.FAILED, last_message=message
        )
        raise


def next_run_text(monitor: SeriesMonitor) -> str:
    """The sentence after "Monitoring X." that says when it runs next."""
    if not monitor.enabled:
        return "It is switched off."
    if monitor.next_run_at is None:
        return ""
    if monitor.next_run_at <= timezone.now():
        return "The first scan starts in a moment."
    return f"{monitor.spec.describe()}."
