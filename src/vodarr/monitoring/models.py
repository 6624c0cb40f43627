"""Series monitors: a person's standing order to download a show's new episodes.

A monitor belongs to one person and one series. It keeps what it has dealt with (the
episode ids it queued, found already there, or skipped) so a scan only looks at what is
new, and so an episode the person removed or canceled is not fetched again behind their
back. ``baseline`` is the episode list at creation for ``"from": "future"``: those are not
new.

``next_run_at`` is NULL for a monitor that is switched off, so the worker's "what is due?"
is one range read on its index however many monitors exist; ``running_since`` marks a scan
in progress (a claim that a crashed worker's lease lets go of).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from vodarr.monitoring.schedule import ScheduleSpec


class Schedule(models.TextChoices):
    HOURLY = "hourly", "Every hour"
    DAILY = "daily", "Every day"
    WEEKLY = "weekly", "Every week"


class StartFrom(models.TextChoices):
    FUTURE = "future", "New episodes only"
    ALL = "all", "Everything there now, then new episodes"


class RunStatus(models.TextChoices):
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class RunTrigger(models.TextChoices):
    SCHEDULE = "schedule", "Schedule"
    MANUAL = "manual", "Run now"


class Outcome(models.TextChoices):
    QUEUED = "queued", "Queued"
    ALREADY = "already", "Already there"
    DEFERRED = "deferred", "Deferred to the next run"
    SKIPPED = "skipped", "Skipped"
    ERROR = "error", "Error"


class SeriesMonitor(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="series_monitors"
    )
    series_id = models.BigIntegerField()
    # A snapshot, refreshed by every successful scan: the lists read well without the catalogue.
    series_name = models.CharField(max_length=300)
    poster = models.TextField(blank=True)

    seasons = models.JSONField(null=True, blank=True)  # [1, 2], or NULL: every season
    start_from = models.CharField(max_length=10, choices=StartFrom.choices)
    schedule = models.CharField(max_length=10, choices=Schedule.choices)
    run_time = models.TimeField()  # hourly: only its minute counts
    days = models.JSONField(default=list)  # weekdays, 0 = Monday
    time_zone = models.CharField(max_length=64)
    enabled = models.BooleanField(default=True)

    baseline = models.JSONField(default=list, blank=True)  # episode ids present at creation
    handled = models.JSONField(default=list, blank=True)  # episode ids never to ask for again

    next_run_at = models.DateTimeField(null=True, blank=True)
    running_since = models.DateTimeField(null=True, blank=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=10, choices=RunStatus.choices, blank=True)
    last_message = models.TextField(blank=True)
    last_counts = models.JSONField(default=dict, blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["series_name", "id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["user", "series_id"], name="one_monitor_per_series")
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["next_run_at"], name="monitor_due"),
        ]

    def __str__(self) -> str:
        return f"Monitor of {self.series_name} for user {self.user_id}"

    @property
    def spec(self) -> ScheduleSpec:
        return ScheduleSpec(self.schedule, self.run_time, tuple(self.days), self.time_zone)

    def covers(self, season: int) -> bool:
        return self.seasons is None or season in self.seasons

    def reschedule(self, now: Any) -> None:
        """The next slot after ``now``, or none while the monitor is switched off (unsaved)."""
        self.next_run_at = self.spec.next_run_after(now) if self.enabled else None


class MonitoringSettings(models.Model):
    """The one row of monitoring-wide switches (primary key 1)."""

    SINGLETON_PK = 1

    paused = models.BooleanField(default=False)
    paused_at = models.DateTimeField(null=True, blank=True)
    paused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name_plural = "monitoring settings"

    def __str__(self) -> str:
        return "Monitoring paused" if self.paused else "Monitoring running"

    @classmethod
    def load(cls) -> MonitoringSettings:
        row, _ = cls.objects.get_or_create(pk=cls.SINGLETON_PK)
        return row


class MonitorRun(models.Model):
    """One scan: when, why, how it ended, and what it did per episode (``episodes``)."""

    monitor = models.ForeignKey(SeriesMonitor, on_delete=models.CASCADE, related_name="runs")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monitor_runs"
    )
    series_name = models.CharField(max_length=300)
    trigger = models.CharField(max_length=10, choices=RunTrigger.choices)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    message = models.TextField(blank=True)
    counts = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-started_at", "-id"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["user", "-started_at"], name="monitor_run_owner_recent"),
            models.Index(fields=["-started_at"], name="monitor_run_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.series_name} scan {self.pk} ({self.status})"


class MonitorRunEpisode(models.Model):
    run = models.ForeignKey(MonitorRun, on_delete=models.CASCADE, related_name="episodes")
    season = models.PositiveIntegerField()
    episode = models.PositiveIntegerField()
    episode_id = models.CharField(max_length=64)
    title = models.CharField(max_length=500, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.TextField(blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["season", "episode", "id"]

    def __str__(self) -> str:
        return f"S{self.season:02d}E{self.episode:02d}: {self.outcome}"
