"""Automatic retries: which failures are worth another go, when, and claiming due ones once.

A transient failure (timeouts, network, DNS, HTTP 5xx, an account at its connection limit;
see ``codes.is_transient``) schedules ``retry_next_at = now + base * 2**attempt`` (5, 10,
20, 40, 80 s with the default 5 s base, capped at 300 s) for at most ``MAX_RETRIES``
retries; after that, and for permanent errors (404, a refused account, a full disk), the
transfer stays in error for the people on it. The decision is taken while aria2 still holds
the error result under the transfer's current GID; the reconciler then removes that result,
so it is taken exactly once even if the web recorded the error status first.

A due retry goes through the gateway's one re-add, claimed on ``(gid, retry_next_at)`` as
read: when several workers share a database only the one whose UPDATE matched re-adds it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from vodarr.downloads.changes import transfers_changed
from vodarr.downloads.disk import NotEnoughDiskSpace
from vodarr.downloads.gateway import Aria2Gateway
from vodarr.downloads.models import Transfer
from vodarr.integrations.aria2.codes import describe_error, is_transient
from vodarr.integrations.aria2.errors import Aria2Error, Aria2Unreachable
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


def decide_after_error(transfer: Transfer, now: datetime) -> list[str]:
    """aria2 reports the transfer's current GID in error: schedule a retry if worth one.

    Call after ``record_state``; returns the fields changed (none when not retried).
    """
    if not is_transient(transfer.last_error_code, transfer.last_error_message):
        return []
    return schedule_retry(transfer, now)


def schedule_retry(transfer: Transfer, now: datetime) -> list[str]:
    """Schedule the next automatic retry of a transient failure, unless retries ran out.

    Returns the fields changed (none when not retried). Shared by aria2's errors and files
    the verification refused (``worker.verifying``), so both count against one budget.
    """
    if transfer.is_stopped or transfer.retry_next_at is not None:
        return []
    if transfer.retry_attempt >= MAX_RETRIES:
        return []
    transfer.retry_next_at = now + retry_delay(transfer.retry_attempt)
    transfer.retry_attempt += 1
    return ["retry_next_at", "retry_attempt"]


@dataclass
class DueRetries:
    """What one pass over due retries did, by transfer id."""

    retried: list[int]
    postponed: list[int]
    abandoned: list[int]


class RetryRunner:
    """Re-adds due retries; keeps what it last complained about so logs say it once."""

    def __init__(self) -> None:
        self._warned: dict[int, str] = {}

    def run_due(self, aria2: Aria2Gateway, now: datetime) -> DueRetries:
        result = DueRetries([], [], [])
        due = list(
            Transfer.objects.filter(
                retry_next_at__isnull=False, retry_next_at__lte=now, stopped_at__isnull=True
            ).order_by("retry_next_at", "id")[:DUE_PER_TICK]
        )
        for transfer in due:
            outcome = self.retry_one(aria2, transfer, now)
            if outcome is not None:
                getattr(result, outcome).append(transfer.pk)
        return result

    def retry_one(self, aria2: Aria2Gateway, transfer: Transfer, now: datetime) -> str | None:
        """Retry ``transfer`` as read; None when someone else changed it first."""
        read_at, error_code, error_message = (
            transfer.retry_next_at,
            transfer.last_error_code,
            transfer.last_error_message,
        )
        try:
            gid = aria2.readd(
                transfer,
                expect={"gid": transfer.gid, "retry_next_at": read_at, "stopped_at__isnull": True},
            )
        except (XtreamError, NotEnoughDiskSpace) as problem:
            message = problem.message
            self._warn(transfer, f"Automatic retry of download {transfer.pk} postponed: {message}")
            # The people on it see why nothing happens; the next look is a minute away.
            fields: dict[str, object] = {
                "retry_next_at": now + timedelta(seconds=RECHECK_SECONDS),
                "updated_at": timezone.now(),
            }
            if isinstance(problem, NotEnoughDiskSpace):
                # Vodarr's own sentence now stands for the failure: no aria2 code explains it.
                fields.update(last_error_message=message, last_error_code=None)
            with transaction.atomic():
                Transfer.objects.filter(pk=transfer.pk, retry_next_at=read_at).update(**fields)
                transfers_changed([transfer.pk])
            return "postponed"
        except Aria2Unreachable:
            return "postponed"  # the gateway put the row back as it was: due again at once
        except Aria2Error as error:
            logger.warning("Automatic retry of download %s failed: %s", transfer.pk, error.message)
            return "abandoned"
        if gid is None:
            return None  # another worker took it, or a person retried it first
        self._warned.pop(transfer.pk, None)
        logger.info(
            "Automatic retry %d of %d for download %s (%s) after: %s",
            transfer.retry_attempt,
            MAX_RETRIES,
            transfer.pk,
            transfer.output_path,
            # A refused file (no aria2 code) already says what happened in plain words.
            describe_error(error_code, error_message) if error_code is not None else error_message,
        )
        return "retried"

    def _warn(self, transfer: Transfer, message: str) -> None:
        if self._warned.get(transfer.pk) != message:
            self._warned[transfer.pk] = message
            logger.warning("%s", message)
