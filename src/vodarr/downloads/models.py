"""Downloads in two parts: a person's request, and the shared transfer that owns the bytes.

A household shares files. Alice and Bob asking for the same film is two ``MediaDownloadRef``
rows (the spec's model: who asked, when, and their wish — paused, canceled) pointing at ONE
``Transfer`` (one output file: the media, its path, the aria2 GID and aria2's last known
state, retry bookkeeping). The Downloads page lists requests; aria2 only ever sees transfers.

Both rows keep their last known state and a snapshot of the media, so the list still tells
the truth when aria2 is down, restarted, or has forgotten a finished task. The media URL is
never stored: it carries the provider's credentials and is rebuilt from the current provider
settings whenever a transfer is (re)added (``gateway.Aria2Gateway``).
"""

from __future__ import annotations

import hashlib
import secrets
from enum import StrEnum
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from vodarr.integrations.aria2.types import Aria2Status


class Status(StrEnum):
    """One status enum for the whole app: aria2's own states, plus ``verifying``.

    aria2 saying ``complete`` only means bytes arrived: the row reads ``verifying`` until the
    worker has checked that they are the film (``verify.py``), then ``complete`` or ``error``.
    The values equal ``Aria2Status``'s, so the two compare equal wherever they meet.
    """

    ACTIVE = Aria2Status.ACTIVE.value
    WAITING = Aria2Status.WAITING.value
    PAUSED = Aria2Status.PAUSED.value
    ERROR = Aria2Status.ERROR.value
    COMPLETE = Aria2Status.COMPLETE.value
    REMOVED = Aria2Status.REMOVED.value
    VERIFYING = "verifying"


STATUS_CHOICES = [(status.value, status.value) for status in Status]
UNFINISHED_STATUSES = (Status.ACTIVE, Status.WAITING, Status.PAUSED)
# Still on its way to the person: downloading, queued, paused, or being checked.
IN_PROGRESS_STATUSES = (*UNFINISHED_STATUSES, Status.VERIFYING)
# A transfer in these states is done with aria2 until someone re-adds it.
FINISHED_STATUSES = (Status.COMPLETE, Status.ERROR, Status.REMOVED)


class MediaType(models.TextChoices):
    VOD_STREAM = "VodStream", "Movie"
    SERIES = "Series", "Series episode"


def media_identity(media_type: str, media_id: int, episode_id: str | None) -> str:
    """One media, whoever asks for it: ``VodStream:12:`` or ``Series:7:7102``."""
    return f"{media_type}:{media_id}:{episode_id or ''}"


def media_key(user_id: int, media_type: str, media_id: int, episode_id: str | None) -> str:
    """One person's wish for one media (a request's ``dedupe_key``)."""
    return f"{user_id}:{media_identity(media_type, media_id, episode_id)}"


def new_gid() -> str:
    """A GID in aria2's format (16 hex digits) that we choose, so the row can exist first."""
    return secrets.token_hex(8)


def path_key(output_path: str) -> str:
    """A fixed-size unique key for an output path (paths may exceed an index's byte limit)."""
    return hashlib.sha256(output_path.encode("utf-8")).hexdigest()


class Transfer(models.Model):
    """One output file and the aria2 task that writes it, shared by everyone who asked."""

    gid = models.CharField(max_length=16, unique=True)
    downloadable_type = models.CharField(max_length=16, choices=MediaType.choices)
    downloadable_id = models.BigIntegerField()
    episode_id = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    container_extension = models.CharField(max_length=16, default="mp4")
    output_path = models.CharField(max_length=1024, help_text="relative to DOWNLOAD_ROOT")
    # Both set while the transfer holds its media and its file (NULL once it was stopped
    # because every request on it was canceled). Unique: the database, not a race-prone
    # check, keeps one holder per media and per output file.
    media_key = models.CharField(max_length=128, null=True, blank=True, unique=True)
    path_key = models.CharField(max_length=64, null=True, blank=True, unique=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default=Status.WAITING)
    total_length = models.BigIntegerField(default=0)
    completed_length = models.BigIntegerField(default=0)
    download_speed = models.BigIntegerField(default=0)
    files = models.JSONField(default=list, blank=True)
    last_error_code = models.IntegerField(null=True, blank=True)
    last_error_message = models.TextField(blank=True)
    retry_next_at = models.DateTimeField(null=True, blank=True)
    retry_attempt = models.PositiveIntegerField(default=0)
    state_updated_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # Verification of the finished file (worker/verifying.py). The provider's own duration
    # is kept from the start, so the check needs no provider call.
    expected_duration_secs = models.PositiveIntegerField(null=True, blank=True)
    verify_claimed_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)  # passed or refused, this attempt
    probe = models.JSONField(default=dict, blank=True)  # what ffprobe found in a passed file

    created_at = models.DateTimeField(default=timezone.now)
    # Every write sets it (``update()`` calls too): the live channel sends what changed since.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["status"], name="transfer_status"),
            models.Index(fields=["retry_next_at"], name="transfer_retry_due"),
            models.Index(fields=["updated_at"], name="transfer_recently_changed"),
        ]

    def __str__(self) -> str:
        return f"{self.output_path} [{self.gid}]"

    @property
    def is_episode(self) -> bool:
        return self.downloadable_type == MediaType.SERIES

    @property
    def is_stopped(self) -> bool:
        return self.stopped_at is not None

    def hold(self) -> None:
        """Claim the media and the output path (unsaved)."""
        self.media_key = media_identity(
            self.downloadable_type, self.downloadable_id, self.episode_id
        )
        self.path_key = path_key(self.output_path)

    def status_for(self, aria2_status: str) -> str:
        """What the row calls aria2's status: ``complete`` is ``verifying`` until checked.

        Once checked, the verdict (``complete``, or ``error`` for a refused file) stands even
        while aria2 still lists the attempt's result as complete.
        """
        if aria2_status == Status.COMPLETE:
            return self.status if self.verified_at is not None else Status.VERIFYING
        return str(aria2_status)

    def record_state(self, state: Any, *, now: Any = None) -> list[str]:
        """Copy an aria2 DownloadStatus into the last known state; returns changed fields."""
        aria2_status = str(state.status)
        self.status = self.status_for(aria2_status)
        self.total_length = state.total_length
        self.completed_length = state.completed_length
        self.download_speed = state.download_speed if self.status == Status.ACTIVE else 0
        if state.files:
            self.files = [
                {"path": f.path, "length": f.length, "completedLength": f.completed_length}
                for f in state.files
            ]
        fields = ["status", "total_length", "completed_length", "download_speed", "files"]
        if aria2_status == Status.ERROR:
            self.last_error_code = state.error_code
            self.last_error_message = state.error_message or ""
            fields += ["last_error_code", "last_error_message"]
        if aria2_status == Status.COMPLETE and self.finished_at is None:
            self.finished_at = now or timezone.now()
            fields.append("finished_at")
        self.state_updated_at = self.updated_at = now or timezone.now()
        fields += ["state_updated_at", "updated_at"]
        return fields

    def file_paths(self) -> list[str]:
        """The absolute paths aria2 reported for this transfer's files."""
        return [f["path"] for f in self.files or [] if isinstance(f, dict) and f.get("path")]


def stopped_fields(now: Any) -> dict[str, Any]:
    """What a transfer becomes when nobody wants it any more: stopped, holding nothing."""
    return {
        "stopped_at": now,
        "media_key": None,
        "path_key": None,
        "status": Status.REMOVED,
        "download_speed": 0,
        "retry_next_at": None,
        "updated_at": now,  # what changed since when: the live channel reads it
    }


class LiveRequests(models.QuerySet["MediaDownloadRef"]):
    def live(self) -> LiveRequests:
        return self.filter(canceled_at__isnull=True)


class MediaDownloadRef(models.Model):
    """A person's request for one media: what the Downloads page lists, one row per person."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="downloads"
    )
    # PROTECT: a transfer goes only once no request points at it (services.forget_transfer).
    transfer = models.ForeignKey(Transfer, on_delete=models.PROTECT, related_name="requests")
    downloadable_type = models.CharField(max_length=16, choices=MediaType.choices)
    downloadable_id = models.BigIntegerField()
    # NULL for movies (not ""): "no episode" is not an episode id.
    episode_id = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    season = models.PositiveIntegerField(null=True, blank=True)
    episode = models.PositiveIntegerField(null=True, blank=True)

    # Set while the request is not canceled (unique, NULL otherwise): one live request per
    # person per media, kept by the database so twelve simultaneous clicks make one row.
    dedupe_key = models.CharField(max_length=160, null=True, blank=True, unique=True)

    # Snapshot of the media, so the list reads well even after the title leaves the catalogue.
    title = models.CharField(max_length=500)
    episode_title = models.CharField(max_length=500, blank=True)
    poster = models.URLField(max_length=1000, blank=True)
    year = models.PositiveIntegerField(null=True, blank=True)

    canceled_at = models.DateTimeField(null=True, blank=True)
    desired_paused = models.BooleanField(default=False)
    # Episodes started together (one batch) share it: the Downloads page shows them as one
    # group row. None for a movie or a single episode.
    batch = models.CharField(max_length=32, null=True, blank=True)  # noqa: DJ001

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LiveRequests.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["user", "-created_at"], name="download_owner_recent"),
            models.Index(fields=["user", "updated_at"], name="download_owner_changed"),
            # A long batch's episodes, read by key on the Downloads page (``groups``) rather
            # than by walking the person's whole history; by season, as its shown episodes
            # are read.
            models.Index(fields=["batch", "user", "season"], name="download_batch_season"),
            # Each batch's first row (the list's entry heads) from the index alone.
            models.Index(fields=["user", "batch"], name="download_owner_batches"),
            # The newest downloads outside a batch (the other entry heads), a member's and
            # everyone's, without walking past a long queue's episodes (``heads``).
            models.Index(
                fields=["user", "-created_at"],
                condition=models.Q(batch__isnull=True),
                name="download_owner_singles",
            ),
            models.Index(
                fields=["-created_at"],
                condition=models.Q(batch__isnull=True),
                name="download_singles",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_title} (request {self.pk})"

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

    def seen_status(self) -> str:
        """The status this person sees: their own pause shows at once, whoever else runs it."""
        status = self.transfer.status
        if self.desired_paused and status in UNFINISHED_STATUSES:
            return Status.PAUSED
        return status


# -- what the people on a transfer want (annotations for Transfer querysets) -------------------


def running_request() -> models.Exists:
    """Annotation: the transfer has a live request that is not paused."""
    return models.Exists(
        MediaDownloadRef.objects.live().filter(transfer=models.OuterRef("pk"), desired_paused=False)
    )


def live_request() -> models.Exists:
    return models.Exists(MediaDownloadRef.objects.live().filter(transfer=models.OuterRef("pk")))


def everyone_paused(transfer_ids: list[int]) -> set[int]:
    """Of these transfers, those with live requests that are all paused (one query)."""
    return set(
        Transfer.objects.filter(pk__in=transfer_ids)
        .annotate(wanted=live_request(), running=running_request())
        .filter(wanted=True, running=False)
        .values_list("pk", flat=True)
    )


# -- what happened to transfers, for background consumers (see events.py) ----------------


class EventKind(models.TextChoices):
    COMPLETED = "completed", "Download complete"
    FAILED = "failed", "Download failed"


class TransferEvent(models.Model):
    kind = models.CharField(max_length=32, choices=EventKind.choices)
    # The aria2 GID the event is about: one attempt finishes once, however many workers and
    # ticks see it finished (unique with the kind).
    gid = models.CharField(max_length=16)
    transfer = models.ForeignKey(
        Transfer, on_delete=models.SET_NULL, null=True, related_name="events"
    )
    user_ids = models.JSONField(default=list)
    title = models.CharField(max_length=600, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["kind", "gid"], name="one_event_per_attempt")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title} ({self.pk})"


class EventCursor(models.Model):
    """How far one consumer has read the events."""

    consumer = models.CharField(max_length=64, unique=True)
    position = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.consumer} at {self.position}"


# -- provider connections Vodarr holds outside aria2 (see connections.py) -----------------


class ProviderStreamQuerySet(models.QuerySet["ProviderStream"]):
    def in_use(self, now: Any = None) -> ProviderStreamQuerySet:
        """Streams still flowing: renewed recently enough (a dead process's ones lapse)."""
        return self.filter(expires_at__gt=now or timezone.now())


class ProviderStream(models.Model):
    """One provider connection held by a link streamed through Vodarr (not by aria2).

    Rows are the count that holds across web processes: aria2 is given what the account
    allows minus these. A stream renews its row while bytes flow; the row of a process that
    died lapses by itself after ``expires_at``.
    """

    label = models.CharField(max_length=600, blank=True)  # what is being streamed, for admins
    opened_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    objects = ProviderStreamQuerySet.as_manager()

    def __str__(self) -> str:
        return f"stream {self.pk}: {self.label}"
