"""The worker loop: reconcile on a tick, verify finished files, sync the catalogue.

Feature apps' periodic jobs (series monitors, notifications) run beside it in their own
threads (``jobs.py``).

Everything touching the database runs in the loop's thread (or, for the catalogue sync,
its own short-lived thread): the WebSocket listener only sets an event, so notifications
cost nothing more than an earlier tick. Notifications are hints; the tick is the ledger.
File checks run in the verifier's threads, which wake the loop when one is done so its
verdict is recorded at once rather than a tick later; ``.nfo`` files and artwork for what
passed are written in the media-files writer's thread.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, connections

from vodarr.downloads.gateway import Aria2Gateway, gateway
from vodarr.downloads.worker.jobs import Job, JobThreads, configured_jobs
from vodarr.downloads.worker.mediafiles import MediaFilesWriter
from vodarr.downloads.worker.reconcile import Reconciler
from vodarr.downloads.worker.verifying import Verifier
from vodarr.integrations.aria2.listener import Aria2Listener
from vodarr.integrations.aria2.types import Aria2Event
from vodarr.integrations.redact import redact_text
from vodarr.ops.heartbeat import record_heartbeat
from vodarr.ops.ticks import TickStats
from vodarr.site_settings.values import site_values

logger = logging.getLogger("vodarr.worker")

SYNC_CHECK_SECONDS = 60.0  # how often "is a sync due?" is asked (one small UPDATE)
OPTIONS_RECHECK_SECONDS = 60.0  # aria2's global options re-applied this often
MIN_TICK_GAP_SECONDS = 0.2  # a burst of notifications (a batch finishing) is one tick
WAKE_ON = frozenset({"complete", "error", "stop"})


def sync_interval_seconds() -> float:
    """Seconds between scheduled catalogue syncs (environment, Settings page, or 6 hours)."""
    return site_values().sync_interval_seconds.value


def scheduled_sync() -> Callable[[Any], Any] | None:
    """``catalog.sync.sync_catalogue_if_due`` if the catalogue app provides it."""
    try:
        from vodarr.catalog import sync as catalog_sync
    except ImportError:
        return None
    function = getattr(catalog_sync, "sync_catalogue_if_due", None)
    return function if callable(function) else None


class WorkerLoop:
    """Runs ``Reconciler.tick`` every ``tick_seconds`` until ``stop()``."""

    def __init__(
        self,
        *,
        tick_seconds: float = 1.0,
        reconciler: Reconciler | None = None,
        aria2: Aria2Gateway | None = None,
        listen: bool = True,
        jobs: dict[str, Job] | None = None,
        verifier: Verifier | None = None,
    ) -> None:
        self.tick_seconds = tick_seconds
        self._gateway = aria2
        self.reconciler = reconciler or Reconciler(aria2)
        self.verifier = verifier or Verifier(on_done=self.wake)
        self.media_files = MediaFilesWriter()
        self.listen = listen
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._sync_thread: threading.Thread | None = None
        self._sync_checked_at = float("-inf")
        self.ticks = 0
        # Whether aria2 has its global options (connection limit, speed limit): tried every
        # tick until it really has, after every aria2 restart (aria2 forgets runtime options)
        # and once a minute (a stream that ended in a process that died gives its connection
        # back to aria2 then; a setting changed elsewhere is re-checked).
        self.limit_applied = False
        self._options_applied_at: float | None = None  # None: never
        self.jobs = JobThreads(configured_jobs() if jobs is None else jobs)
        self.tick_stats = TickStats()  # /metrics: tick durations and retries

    def stop(self) -> None:
        """Ask the loop to finish its current tick and return. Safe in a signal handler: the
        events are set from a thread of their own. A handler runs on the main thread between
        two of its steps, maybe while that thread holds an event's lock (inside
        ``Event.wait`` or ``set``); setting the event there waited for that lock forever — a
        second SIGTERM landing inside the first one's ``set`` left a worker that never
        ended (a CI run of stop 22)."""
        threading.Thread(target=self._stop_now, name="worker-stop", daemon=True).start()

    def _stop_now(self) -> None:
        self._stopping.set()
        self._wake.set()

    def wake(self) -> None:
        self._wake.set()

    def run(self, *, once: bool = False) -> None:
        listener = self._start_listener() if self.listen and not once else None
        if not once:
            self.jobs.start()
        try:
            while not self._stopping.is_set():
                started = time.monotonic()
                self._wake.clear()
                self._tick()
                self._maybe_sync(inline=once)
                if once:
                    # Verdicts first: the jobs then notify about the files this run checked.
                    self._finish_checks()
                    self.jobs.run_all_once()
                    break
                self._wake.wait(self.tick_seconds)
                # Notifications may arrive in bursts: keep ticks at least this far apart.
                gap = MIN_TICK_GAP_SECONDS - (time.monotonic() - started)
                if gap > 0 and not self._stopping.is_set():
                    self._stopping.wait(gap)
        finally:
            self.jobs.stop()
            if listener is not None:
                listener.stop()
            self._finish_checks()
            if self._sync_thread is not None:
                self._sync_thread.join(timeout=5)

    # -- pieces ------------------------------------------------------------------------------

    def _start_listener(self) -> Aria2Listener | None:
        if not settings.ARIA2_RPC_URL:
            return None
        listener = Aria2Listener(
            settings.ARIA2_RPC_URL,
            settings.ARIA2_RPC_SECRET or None,
            self._on_event,
            on_restart=lambda _session: self.wake(),
        )
        return listener.start()

    def _on_event(self, event: Aria2Event) -> None:
        # A finished download is recorded now, not up to a tick later (and long before
        # aria2 could drop its result).
        if event.kind in WAKE_ON:
            self.wake()

    def _tick(self) -> None:
        # Outside a transaction, drop a connection the database closed or that is too old:
        # this process runs for weeks, without Django's per-request cleanup.
        if not connection.in_atomic_block:
            close_old_connections()
        try:
            started = time.monotonic()
            report = self.reconciler.tick()
            record_heartbeat()  # /healthz: the worker is alive and reaches the database
            self.tick_stats.observe(time.monotonic() - started, retried=len(report.retried))
            if report.reachable and (report.restarted or self._options_due()):
                aria2 = self._gateway or gateway()
                self.limit_applied = aria2.apply_global_options(
                    force=True, fresh_account=report.restarted or not self.limit_applied
                )
                self._options_applied_at = time.monotonic()
            self.verifier.step()
            self.media_files.step()
        except DatabaseError as error:
            logger.warning("Worker tick skipped, the database failed: %s", error)
        except Exception as error:
            # The loop outlives a bug in one tick; the trace is redacted (media URLs).
            trace = "".join(traceback.format_exception(error))
            logger.error("Worker tick failed:\n%s", redact_text(trace))
        self.ticks += 1

    def _finish_checks(self) -> None:
        """Record the checks still running (a claim left behind would wait to go stale)."""
        try:
            self.verifier.close()
            self.media_files.step()  # the files of what the last checks passed
        except DatabaseError as error:
            logger.warning("Could not record the last file checks: %s", error)
        self.media_files.close()

    def _options_due(self) -> bool:
        applied = self._options_applied_at
        return (
            not self.limit_applied
            or applied is None
            or time.monotonic() - applied >= OPTIONS_RECHECK_SECONDS
        )

    def _maybe_sync(self, *, inline: bool) -> None:
        now = time.monotonic()
        if now - self._sync_checked_at < SYNC_CHECK_SECONDS:
            return
        if self._sync_thread is not None and self._sync_thread.is_alive():
            return
        sync = scheduled_sync()
        if sync is None:
            return
        self._sync_checked_at = now
        interval = sync_interval_seconds()  # read here: the schedule may change in Settings
        if interval <= 0:
            return
        if inline:
            self._run_sync(sync, interval, close=False)
            return
        # A sync of a big catalogue takes a while: it must not hold reconciliation up.
        self._sync_thread = threading.Thread(
            target=self._run_sync, args=(sync, interval), name="catalogue-sync", daemon=True
        )
        self._sync_thread.start()

    def _run_sync(self, sync: Callable[[Any], Any], interval: float, *, close: bool = True) -> None:
        try:
            # In seconds: the catalogue app accepts seconds or a timedelta.
            result = sync(interval)
            if result is not None:
                logger.info("Scheduled catalogue sync finished.")
        except Exception as error:
            logger.warning("Scheduled catalogue sync failed: %s", redact_text(str(error)))
        finally:
            if close:
                connections.close_all()  # this thread's connections only
