"""The worker's media-server files: ``.nfo`` and artwork beside each verified file.

A consumer of the ``completed`` events (``events.consume``), so it writes only for files the
verifier passed, once per finished attempt, and catches up on what finished while it was
off. Reading the events and the transfers happens in the loop's thread; asking the provider,
fetching pictures and writing files happen in one background thread, in order — so two
episodes finishing together fetch their show's poster once, and a slow image server never
holds reconciliation up. ``MEDIA_METADATA=off`` turns it off.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings

from vodarr.catalog.provider import provider_client
from vodarr.downloads.events import consume
from vodarr.downloads.mediafiles.titles import MediaFilesJob, Written, write_media_files
from vodarr.downloads.models import EventKind, Status, Transfer, TransferEvent
from vodarr.integrations.redact import redact_text
from vodarr.integrations.xtream.client import XtreamClient
from vodarr.integrations.xtream.errors import XtreamError

logger = logging.getLogger("vodarr.worker")

CONSUMER = "media-server-files"


def enabled() -> bool:
    return bool(getattr(settings, "VODARR_MEDIA_METADATA", True))


class MediaFilesWriter:
    """``step()`` hands new ``completed`` events to a background writer."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future[Written]] = []

    def step(self) -> int:
        """Queue the files of newly completed downloads; returns how many events were read."""
        self._pending = [f for f in self._pending if not f.done()]
        if not enabled():
            return 0
        return consume(CONSUMER, self._queue)

    def close(self, *, wait: bool = True) -> None:
        """Finish what is queued (``wait``) and stop the thread."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=not wait)
        self._pending = []

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
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="media-files")
        for job in jobs:
            self._pending.append(self._pool.submit(_write, job, xtream))


def _write(job: MediaFilesJob, xtream: XtreamClient) -> Written:
    try:
        written = write_media_files(job, xtream, user_agent=settings.XTREAM_USER_AGENT)
    except XtreamError as error:
        logger.warning("No .nfo or artwork for %s: %s", job.output_path, error.detail)
        return Written(problems=[error.message])
    except Exception:
        logger.exception("Writing the .nfo and artwork of %s failed", job.output_path)
        return Written(problems=["unexpected error"])
    done = ", ".join(f"{name} {outcome}" for name, outcome in written.files.items())
    logger.info("Media-server files for %s: %s", job.output_path, done or "nothing to write")
    for problem in written.problems:
        # A picture a provider cannot serve is common and harmless: the .nfo is what counts.
        logger.info("Media-server files for %s: %s", job.output_path, redact_text(problem))
    return written
