"""Automatic retries: which failures are worth another go, when, and claiming due ones once.

A transient failure (timeouts, network, DNS, HTTP 5xx, an account at its connection limit;
see ``codes.is_transient``) schedules ``retry_next_at = now + base * 2**attempt`` (5, 10,
20, 40, 80 s with the default 5 s base, capped at 300 s) for at most ``MAX_RETRIES``
retries; after that, and for permanent errors (404, a refused account, a full disk), the
download stays in error for the user. The decision is taken while aria2 still holds the
error result under the ref's current GID; the reconciler then removes that result, so it is
taken exactly once even if the web recorded the error status first.

A due retry is claimed with a conditional UPDATE on ``(gid, retry_next_at)`` as read: when
several workers share a database only the one whose UPDATE matched re-adds the download.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction

from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.downloads.starting import new_gid
from vodarr.downloads.worker.disk import NotEnoughDiskSpace, check_free_space
from vodarr.downloads.worker.readding import add_to_aria2, is_unreachable, media_url
from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.codes import describe_error, is_transient
from vodarr.integrations.aria2.errors import Aria2Error
from vodarr.integrations.xtream.errors import XtreamError

logger = logging.getLogger("vodarr.worker")

MAX_RETRIES = 5
MAX_DELAY_SECONDS = 300.0
# A due retry blocked by a full disk or a missing provider is looked at again after this.
RECHECK_SECONDS = 60.0
DUE_PER_TICK = 50  # bounds one tick's work when a provider outage ends with many due at once


def base_seconds() -> float:
    return float(getattr(settings, "VODARR_RETRY_BASE_SECONDS", 5))


def retry_delay(attempt: int) -> timedelta:
    """The wait before retry number ``attempt + 1``: base * 2**attempt, at most 300 s."""
    return timedelta(seconds=min(MAX_DELAY_SECONDS, base_seconds() * 2 ** max(0, attempt)))


def decide_after_error(ref: MediaDownloadRef, now: datetime) -> list[str]:
    """aria2 reports ``ref``'s current GID in error: schedule a retry if it is worth one.

    Call after ``record_state``; returns the fields changed (none when not retried).
    """
    if ref.is_canceled or ref.retry_next_at is not None:
        return []
    if not is_transient(ref.last_error_code, ref.last_error_message):
        return []
    if ref.retry_attempt >= MAX_RETRIES:
        return []
    ref.retry_next_at = now + retry_delay(ref.retry_attempt)
    ref.retry_attempt += 1
    return ["retry_next_at", "retry_attempt"]


@dataclass
class DueRetries:
    """What one pass over due retries did, by ref id."""

    retried: list[int]
    postponed: list[int]
    abandoned: list[int]


class RetryRunner:
    """Re-adds due retries; keeps what it last complained about so logs say it once."""

    def __init__(self) -> None:
        self._warned: dict[int, str] = {}

    def run_due(self, client: Aria2Client, now: datetime) -> DueRetries:
        result = DueRetries([], [], [])
        due = list(
            MediaDownloadRef.objects.filter(
                retry_next_at__isnull=False, retry_next_at__lte=now, canceled_at__isnull=True
            ).order_by("retry_next_at", "id")[:DUE_PER_TICK]
        )
        for ref in due:
            outcome = self._retry_one(client, ref, now)
            if outcome is not None:
                getattr(result, outcome).append(ref.pk)
        return result

    def _retry_one(self, client: Aria2Client, ref: MediaDownloadRef, now: datetime) -> str | None:
        read_at = ref.retry_next_at
        try:
            url = media_url(ref)
            check_free_space(max(0, ref.total_length - ref.completed_length))
        except (XtreamError, NotEnoughDiskSpace) as problem:
            message = problem.message
            self._warn(ref, f"Automatic retry of download {ref.pk} postponed: {message}")
            # The user sees why nothing happens; the next look is a minute away, not a tick.
            fields: dict[str, object] = {"retry_next_at": now + timedelta(seconds=RECHECK_SECONDS)}
            if isinstance(problem, NotEnoughDiskSpace):
                fields["last_error_message"] = message
            MediaDownloadRef.objects.filter(pk=ref.pk, retry_next_at=read_at).update(**fields)
            return "postponed"
        old_gid, gid = ref.gid, new_gid()
        claimed = self._claim(ref, gid, now)
        if claimed is None:
            return "abandoned"
        if not claimed:
            return None  # another worker took it
        ref.gid = gid
        # The old error result is ours to forget: left there, aria2's session file would
        # restart it after an aria2 restart, a second copy of this download.
        with contextlib.suppress(Aria2Error):
            client.remove_download_result(old_gid)
        try:
            add_to_aria2(client, ref, url, gid)
        except Aria2Error as error:
            return self._add_failed(ref, old_gid, read_at, error, now)
        self._warned.pop(ref.pk, None)
        logger.info(
            "Automatic retry %d of %d for download %s (%s) after: %s",
            ref.retry_attempt,
            MAX_RETRIES,
            ref.pk,
            ref.display_title,
            describe_error(ref.last_error_code, ref.last_error_message),
        )
        return "retried"

    def _claim(self, ref: MediaDownloadRef, gid: str, now: datetime) -> bool | None:
        """True if this worker won the retry; False if another did; None if it is moot."""
        try:
            with transaction.atomic():
                won = MediaDownloadRef.objects.filter(
                    pk=ref.pk,
                    gid=ref.gid,
                    retry_next_at=ref.retry_next_at,
                    canceled_at__isnull=True,
                ).update(
                    gid=gid,
                    retry_next_at=None,
                    status=Status.PAUSED if ref.desired_paused else Status.WAITING,
                    dedupe_key=ref.media_key(),
                    download_speed=0,
                    finished_at=None,
                    updated_at=now,
                )
        except IntegrityError:
            # The user started the same media again while this one cooled down: that new
            # download is the retry now.
            MediaDownloadRef.objects.filter(pk=ref.pk, retry_next_at=ref.retry_next_at).update(
                retry_next_at=None, updated_at=now
            )
            logger.info("Download %s is not retried: the user started it again.", ref.pk)
            return None
        return won == 1

    def _add_failed(
        self,
        ref: MediaDownloadRef,
        old_gid: str,
        read_at: datetime | None,
        error: Aria2Error,
        now: datetime,
    ) -> str:
        if is_unreachable(error):
            # Nothing happened in aria2: put the row back as it was, due again at once.
            MediaDownloadRef.objects.filter(pk=ref.pk, gid=ref.gid).update(
                gid=old_gid, status=Status.ERROR, dedupe_key=None, retry_next_at=read_at
            )
            return "postponed"
        logger.warning("Automatic retry of download %s failed: %s", ref.pk, error.message)
        MediaDownloadRef.objects.filter(pk=ref.pk, gid=ref.gid).update(
            status=Status.ERROR,
            dedupe_key=None,
            last_error_code=None,
            last_error_message=error.message,
            updated_at=now,
        )
        return "abandoned"

    def _warn(self, ref: MediaDownloadRef, message: str) -> None:
        if self._warned.get(ref.pk) != message:
            self._warned[ref.pk] = message
            logger.warning("%s", message)
