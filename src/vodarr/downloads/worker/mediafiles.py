"""The worker's media-server files: ``.nfo`` and artwork beside each verified file.

A consumer of the ``completed`` events (``events.consume``), so it writes only for files the
verifier passed, once per finished attempt, and catches up on what finished while it was
off. Reading the events and the transfers happens in the loop's thread; asking the provider,
fetching pictures and writing files happen in one background thread, in order — so two
episodes finishing together fetch their show's poster once, and a slow image server never
holds reconciliation up. ``MEDIA_METADATA=off`` turns it off.

A provider that cannot describe the title right now (down, overloaded, refusing the login) is
asked again later, a bounded number of times with growing delays (``RETRY_DELAYS``); a title
the provider no longer lists is not. The retries live in the worker's memory: a worker that
restarts meanwhile forgets them (the file itself is safe; only its .nfo is missing).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings

from vodarr.catalog.provider import provider_client
from vodarr.downloads.events import consume
from vodarr.downloads.mediafiles.titles import MediaFilesJob, Written, write_media_files
from vodarr.downloads.models import EventKind, Status, Transfer, TransferEvent
from vodarr.integrations.redact import redact_text
from vodarr.integrations.xtream.client import XtreamClient
from vodarr.integrations.xtream.errors import XtreamError, XtreamNotFound

logger = logging.getLogger("vodarr.worker")

CONSUMER = "media-server-files"
# Seconds before each new try of a title the provider could not describe; then it gives up.
RETRY_DELAYS = (60.0, 300.0, 900.0, 3600.0, 3 * 3600.0)


@dataclass(frozen=True)
class _Try:
    """A job and how many times it was tried before (0: the first time)."""

    job: MediaFilesJob
    tries: int = 0


def enabled() -> bool:
    return bool(getattr(settings, "VODARR_MEDIA_METADATA", True))


class MediaFilesWriter:
    """``step()`` hands new ``completed`` events to a background writer."""

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self._clock = clock or time.monotonic
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[tuple[Future[Written], _Try]] = []
        self._retries: list[tuple[float, _Try]] = []  # (due on the clock, what to try)

    @property
    def retrying(self) -> int:
        """How many titles wait for another try."""
        return len(self._retries)

    def step(self) -> int:
        """Queue the files of newly completed downloads, and the retries that are due;
        returns how many events were read."""
        self._collect()
        if not enabled():
            return 0
        self._retry_due()
        return consume(CONSUMER, self._queue)

    def settle(self) -> None:
        """Wait for the files being written; schedule the retries they ask for."""
        for future, _ in self._pending:
            future.exception()  # waits; _write never raises
        self._collect()

    def close(self, *, wait: bool = True) -> None:
        """Finish what is queued (``wait``) and stop the thread."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=not wait)
        self._pending = []

    def _collect(self) -> None:
        still = []
        for future, attempt in self._pending:
            if not future.done():
                still.append((future, attempt))
            elif not future.cancelled() and future.result().retry:
                self._schedule(attempt)
        self._pending = still

    def _schedule(self, attempt: _Try) -> None:
        if attempt.tries >= len(RETRY_DELAYS):
            logger.warning(
                "No .nfo or artwork for %s: the provider did not answer after %s tries.",
                attempt.job.output_path,
                attempt.tries + 1,
            )
            return
        due = self._clock() + RETRY_DELAYS[attempt.tries]
        self._retries.append((due, _Try(attempt.job, attempt.tries + 1)))

    def _retry_due(self) -> None:
        now = self._clock()
        due = [attempt for when, attempt in self._retries if when <= now]
        if not due:
            return
        try:
            xtream = provider_client()
        except XtreamError:
            return  # no provider for now: they wait for the next step
        self._retries = [(when, a) for when, a in self._retries if when > now]
        self._submit(due, xtream)

    def _submit(self, attempts: list[_Try], xtream: XtreamClient) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="media-files")
        for attempt in attempts:
            self._pending.append((self._pool.submit(_write, attempt.job, xtream), attempt))

    def _queue(self, events: list[TransferEvent]) -> None:
        ids = [e.transfer_id for e in events if e.kind == EventKind.COMPLETED and e.transfer_id]
        transfers = Transfer.objects.filter(pk__in=ids, status=Status.COMPLETE)
        jobs = [
            MediaFilesJob(t.output_path, t.downloadable_id, t.episode_id)
            for t in transfers.order_by("id")
        ]
        if not jobs:
            return
        try:
            xtream = provider_client()
        except XtreamError as error:
            logger.warning("No .nfo or artwork written for now: %s", error.detail)
            return
        self._submit([_Try(job) for job in jobs], xtream)


def _write(job: MediaFilesJob, xtream: XtreamClient) -> Written:
    try:
        written = write_media_files(job, xtream, user_agent=settings.XTREAM_USER_AGENT)
    except XtreamError as error:
        logger.warning("No .nfo or artwork for %s: %s", job.output_path, error.detail)
        # A title gone from the provider will not come back; anything else may pass later.
        return Written(problems=[error.message], retry=not isinstance(error, XtreamNotFound))
    except Exception:
        logger.exception("Writing the .nfo and artwork of %s failed", job.output_path)
        return Written(problems=["unexpected error"])
    done = ", ".join(f"{name} {outcome}" for name, outcome in written.files.items())
    logger.info("Media-server files for %s: %s", job.output_path, done or "nothing to write")
    for problem in written.problems:
        # A picture a provider cannot serve is common and harmless: the .nfo is what counts.
        logger.info("Media-server files for %s: %s", job.output_path, redact_text(problem))
    return written
