"""The worker step between aria2's "complete" and the person's: checking the file.

The reconciler records a transfer aria2 finished as ``verifying``. ``Verifier.step()``, run
by the worker loop after each tick, claims such transfers with a conditional UPDATE (so of
several workers one checks each file; a claim left by a worker that died is taken over after
``CLAIM_STALE_AFTER``), runs the checks (``downloads/verify.py``) in a small thread pool —
ffprobe of a 4 GB file takes a moment, and reconciliation every second must not wait for it —
and records each verdict on a later step, in the loop's own thread:

- passed: ``complete`` with its probe, and the ``completed`` event (the first moment a page,
  the API or a notification may call it complete);
- refused: ``error`` with a sentence for people, the file renamed ``….rejected`` beside where
  it was (a media server never picks it up), and either an automatic retry (the reply looked
  like a connection limit or a temporary refusal: the retry budget aria2's transient errors
  use) or, when nothing will retry it, the ``failed`` event.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from vodarr.catalog.provider import configured_provider
from vodarr.downloads.changes import transfers_changed
from vodarr.downloads.events import emit
from vodarr.downloads.models import EventKind, Status, Transfer
from vodarr.downloads.paths import (
    REJECTED_SUFFIX,
    UnsafePath,
    absolute_path,
    delete_rejected_copy,
    download_root,
)
from vodarr.downloads.verify import FileCheck, Verdict, check_file
from vodarr.downloads.worker.retries import schedule_retry
from vodarr.integrations.media import ffprobe_path
from vodarr.integrations.media.ffprobe import DEFAULT_TIMEOUT_SECONDS
from vodarr.integrations.redact import redact_text

logger = logging.getLogger("vodarr.worker")

VERIFY_THREADS = 2  # checks at once: each is mostly disk reads
# Longer than any check can take (ffprobe's timeout), so a live claim is never taken over.
CLAIM_STALE_AFTER = timedelta(seconds=DEFAULT_TIMEOUT_SECONDS * 5)


@dataclass
class VerifyReport:
    """What one step claimed and recorded (transfer ids), for logs and tests."""

    claimed: list[int] = field(default_factory=list)
    passed: list[int] = field(default_factory=list)
    refused: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)  # refused, and an automatic retry is due


@dataclass
class _Job:
    gid: str
    future: Future[Verdict]


class Verifier:
    """Checks finished files off the loop's thread; ``step()`` claims and records."""

    def __init__(
        self,
        *,
        threads: int = VERIFY_THREADS,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        ffprobe: str | Callable[[], str | None] | None = ffprobe_path,
        on_done: Callable[[], None] | None = None,
    ) -> None:
        """``ffprobe``: the binary, None to check without it, or how to find it (default:
        on PATH, looked up at each claim so installing ffmpeg needs no restart).
        ``on_done`` is called from a pool thread when a check finishes (to wake the loop)."""
        self._threads = threads
        self._timeout = timeout
        self._ffprobe = ffprobe
        self._on_done = on_done
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._jobs: dict[int, _Job] = {}
        self._warned_no_ffprobe = False

    @property
    def busy(self) -> bool:
        """Checks are running (their verdicts are recorded by a later ``step``)."""
        return bool(self._jobs)

    def step(self, now: datetime | None = None) -> VerifyReport:
        """Record finished checks, then claim and start new ones (never blocks on a check)."""
        report = VerifyReport()
        self._record_finished(report, wait=None)
        self._claim(now or timezone.now(), report)
        return report

    def close(self, *, wait: float | None = None) -> VerifyReport:
        """Finish: wait (at most ``wait`` seconds, default the probe timeout) for the running
        checks, record their verdicts, and stop the threads. Claims nothing new."""
        report = VerifyReport()
        self._record_finished(report, wait=self._timeout + 5 if wait is None else wait)
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        return report

    # -- claiming ------------------------------------------------------------------------------

    def _claim(self, now: datetime, report: VerifyReport) -> None:
        free = self._threads - len(self._jobs)
        if free <= 0:
            return
        stale = now - CLAIM_STALE_AFTER
        candidates = list(
            Transfer.objects.filter(status=Status.VERIFYING, stopped_at__isnull=True)
            .filter(Q(verify_claimed_at__isnull=True) | Q(verify_claimed_at__lt=stale))
            .exclude(pk__in=list(self._jobs))
            .order_by("finished_at", "id")[:free]
        )
        if not candidates:
            return
        ffprobe = self._ffprobe() if callable(self._ffprobe) else self._ffprobe
        if ffprobe is None and not self._warned_no_ffprobe:
            self._warned_no_ffprobe = True
            logger.warning(
                "ffprobe is not installed (apt-get install ffmpeg): finished files are only "
                "checked for their length and container signature."
            )
        secrets = _provider_secrets()
        for transfer in candidates:
            claimed = Transfer.objects.filter(
                pk=transfer.pk,
                gid=transfer.gid,
                status=Status.VERIFYING,
                verify_claimed_at=transfer.verify_claimed_at,
            ).update(verify_claimed_at=now)
            if claimed != 1:
                continue  # another worker took it
            report.claimed.append(transfer.pk)
            self._start(transfer, ffprobe, secrets)

    def _start(self, transfer: Transfer, ffprobe: str | None, secrets: tuple[str, ...]) -> None:
        try:
            path = absolute_path(transfer.output_path)
        except UnsafePath:
            path = None
        check = FileCheck(
            path=path or Path(os.devnull),
            expected_length=transfer.total_length,
            expected_duration_secs=transfer.expected_duration_secs,
            what="episode" if transfer.is_episode else "film",
            secrets=secrets,
        )
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="verify")
            future = self._pool.submit(_check_and_set_aside, check, ffprobe, self._timeout, path)
        if self._on_done is not None:
            on_done = self._on_done
            future.add_done_callback(lambda _future: on_done())
        self._jobs[transfer.pk] = _Job(transfer.gid, future)

    # -- recording -----------------------------------------------------------------------------

    def _record_finished(self, report: VerifyReport, *, wait: float | None) -> None:
        for pk, job in list(self._jobs.items()):
            try:
                verdict = job.future.result(timeout=wait if wait is not None else 0)
            except FutureTimeout:
                continue  # still running; a claim not recorded goes stale and is taken over
            except Exception:
                # A bug, not a verdict: the claim goes stale and another step tries again.
                logger.exception("Checking the file of download %s failed", pk)
                del self._jobs[pk]
                continue
            del self._jobs[pk]
            self._record(pk, job.gid, verdict, timezone.now(), report)

    def _record(
        self, pk: int, gid: str, verdict: Verdict, now: datetime, report: VerifyReport
    ) -> None:
        with transaction.atomic():
            transfer = (
                Transfer.objects.select_for_update()
                .filter(pk=pk, gid=gid, status=Status.VERIFYING)
                .first()
            )
            if transfer is None:
                return  # re-added or stopped meanwhile: this verdict is about an old attempt
            transfer.verified_at, transfer.verify_claimed_at = now, None
            fields = ["status", "verified_at", "verify_claimed_at", "updated_at"]
            if verdict.passed:
                transfer.status = Status.COMPLETE
                transfer.probe = verdict.probe.to_dict() if verdict.probe else {}
                transfer.save(update_fields=[*fields, "probe"])
                emit(EventKind.COMPLETED, transfer)
                transfers_changed([pk])  # last in the transaction: the live channel's rule
                report.passed.append(pk)
                logger.info("Download %s passed its check: %s", pk, transfer.output_path)
                return
            transfer.status = Status.ERROR
            transfer.last_error_code, transfer.last_error_message = None, verdict.reason
            fields += ["last_error_code", "last_error_message"]
            if verdict.transient:
                fields += schedule_retry(transfer, now)
            transfer.save(update_fields=fields)
            if transfer.retry_next_at is None:
                emit(EventKind.FAILED, transfer, reason=verdict.reason)
            else:
                report.retrying.append(pk)
            transfers_changed([pk])
        report.refused.append(pk)
        note = f" ({redact_text(verdict.note)})" if verdict.note else ""
        logger.warning("Download %s was refused: %s%s", pk, verdict.reason, note)


def _check_and_set_aside(
    check: FileCheck, ffprobe: str | None, timeout: float, path: Path | None
) -> Verdict:
    """In a pool thread: check the file; move a refused one aside, clear an old refusal."""
    if path is None:
        return Verdict(False, reason="The download's path is outside the download folder.")
    verdict = check_file(check, ffprobe=ffprobe, timeout=timeout)
    try:
        if verdict.passed:
            # The provider's earlier bad reply, now replaced by the film.
            delete_rejected_copy(str(path.relative_to(download_root())))
        elif path.is_file():
            # Same folder, so inside DOWNLOAD_ROOT; a later refusal replaces the earlier one.
            os.replace(path, path.with_name(path.name + REJECTED_SUFFIX))
    except (OSError, UnsafePath, ValueError) as error:
        logger.warning("Could not set the refused file %s aside: %s", path.name, error)
    return verdict


def _provider_secrets() -> tuple[str, ...]:
    config = configured_provider()
    if config is None:
        return ()
    return tuple(s for s in (config.password, config.username) if s and len(s) >= 3)
