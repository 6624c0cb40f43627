"""MediaDownloadRef: who asked for which media, where it goes, and what aria2 last said.

The row keeps the last known aria2 state and a snapshot of the media and file paths, so
the Downloads page still tells the truth when aria2 is down, restarted, or has forgotten a
finished task. The media URL is never stored: it carries the provider's credentials and is
rebuilt from the current provider settings whenever a download is (re)added.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class MediaType(models.TextChoices):
    VOD_STREAM = "VodStream", "Movie"
    SERIES = "Series", "Series episode"


class Status(models.TextChoices):
    """aria2's statuses; `waiting` also covers a ref created a moment before its addUri."""

    ACTIVE = "active"
    WAITING = "waiting"
    PAUSED = "paused"
    ERROR = "error"
    COMPLETE = "complete"
    REMOVED = "removed"


# A download of the same media by the same user in these states blocks a new start.
LIVE_STATUSES = (
    Status.ACTIVE,
    Status.WAITING,
    Status.PAUSED,
    Status.COMPLETE,
)
UNFINISHED_STATUSES = (Status.ACTIVE, Status.WAITING, Status.PAUSED)


class MediaDownloadRef(models.Model):
    gid = models.CharField(max_length=16, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="downloads"
    )
    downloadable_type = models.CharField(max_length=16, choices=MediaType.choices)
    downloadable_id = models.BigIntegerField()
    # NULL for movies (not ""): "no episode" is not an episode id.
    episode_id = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    season = models.PositiveIntegerField(null=True, blank=True)
    episode = models.PositiveIntegerField(null=True, blank=True)

    # Set while the download blocks another start of the same media by the same user
    # (unique, NULL otherwise): the database, not a race-prone check, keeps one live copy.
    dedupe_key = models.CharField(max_length=128, null=True, blank=True, unique=True)

    # Snapshot of the media, so the list reads well even after the title leaves the catalogue.
    title = models.CharField(max_length=500)
    episode_title = models.CharField(max_length=500, blank=True)
    poster = models.URLField(max_length=1000, blank=True)
    year = models.PositiveIntegerField(null=True, blank=True)
    container_extension = models.CharField(max_length=16, default="mp4")
    output_path = models.CharField(max_length=1024, help_text="relative to DOWNLOAD_ROOT")

    canceled_at = models.DateTimeField(null=True, blank=True)
    retry_next_at = models.DateTimeField(null=True, blank=True)
    desired_paused = models.BooleanField(default=False)
    retry_attempt = models.PositiveIntegerField(default=0)
    last_error_code = models.IntegerField(null=True, blank=True)
    last_error_message = models.TextField(blank=True)

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.WAITING)
    total_length = models.BigIntegerField(default=0)
    completed_length = models.BigIntegerField(default=0)
    download_speed = models.BigIntegerField(default=0)
    files = models.JSONField(default=list, blank=True)
    state_updated_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["user", "-created_at"], name="download_owner_recent"),
            models.Index(fields=["status"], name="download_status"),
            models.Index(fields=["retry_next_at"], name="download_retry_due"),
        ]

    def __str__(self) -> str:
        return f"{self.display_title} [{self.gid}]"

    @property
    def is_episode(self) -> bool:
        return self.downloadable_type == MediaType.SERIES

    @property
    def display_title(self) -> str:
        if self.is_episode:
            return f"{self.title} · S{self.season or 0:02d}E{self.episode or 0:02d}"
        return self.title

    @property
    def is_canceled(self) -> bool:
        return self.canceled_at is not None

    def media_key(self) -> str:
        return media_key(
            self.user_id, self.downloadable_type, self.downloadable_id, self.episode_id
        )

    def record_state(self, state: Any, *, now: Any = None) -> list[str]:
        """Copy an aria2 DownloadStatus into the last known state; returns changed fields."""
        self.status = str(state.status)
        self.total_length = state.total_length
        self.completed_length = state.completed_length
        self.download_speed = state.download_speed if self.status == Status.ACTIVE else 0
        if state.files:
            self.files = [
                {"path": f.path, "length": f.length, "completedLength": f.completed_length}
                for f in state.files
            ]
        fields = ["status", "total_length", "completed_length", "download_speed", "files"]
        if self.status == Status.ERROR:
            self.last_error_code = state.error_code
            self.last_error_message = state.error_message or ""
            fields += ["last_error_code", "last_error_message"]
        if self.status == Status.COMPLETE and self.finished_at is None:
            self.finished_at = now or timezone.now()
            fields.append("finished_at")
        if self.status not in LIVE_STATUSES and self.dedupe_key is not None:
            self.dedupe_key = None  # an errored or removed download no longer blocks a new start
            fields.append("dedupe_key")
        self.state_updated_at = self.updated_at = now or timezone.now()
        fields += ["state_updated_at", "updated_at"]
        return fields


def media_key(user_id: int, media_type: str, media_id: int, episode_id: str | None) -> str:
    return f"{user_id}:{media_type}:{media_id}:{episode_id or ''}"
