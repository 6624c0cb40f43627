"""Periodic background jobs that feature apps hand to the worker: monitors, notifications…

The worker loop reconciles aria2 on its own tick; anything else that must run in the
background every so often is a job named in ``settings.VODARR_WORKER_JOBS`` (name → dotted
path of an object with ``interval_seconds()`` and ``run_once()``). Each job runs in its own
thread, so a slow provider or a notification target that hangs until its timeout never
holds reconciliation (or another job) up. The loop imports no feature app to do this.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Protocol

from django.conf import settings
from django.db import close_old_connections, connection, connections
from django.utils.module_loading import import_string

from vodarr.integrations.redact import redact_text

logger = logging.getLogger("vodarr.worker")


class Job(Protocol):
    def interval_seconds(self) -> float:
        """How long to wait after one run before the next (read again after every run)."""
        ...

    def run_once(self) -> object: ...


def configured_jobs() -> dict[str, Job]:
    paths: dict[str, str] = getattr(settings, "VODARR_WORKER_JOBS", {})
    return {name: import_string(path) for name, path in paths.items()}


class JobThreads:
    """Runs every job in its own daemon thread until ``stop()``; or each once, inline."""

    def __init__(self, jobs: dict[str, Job]) -> None:
        self.jobs = jobs
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self.failures = 0

    def start(self) -> None:
        for name, job in self.jobs.items():
            thread = threading.Thread(target=self._loop, args=(name, job), name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def run_all_once(self) -> None:
        for name, job in self.jobs.items():
            self._run(name, job)

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=timeout)

    def _loop(self, name: str, job: Job) -> None:
        try:
            while not self._stopping.is_set():
                self._run(name, job)
                self._stopping.wait(job.interval_seconds())
        finally:
            connections.close_all()  # this thread's connections only

    def _run(self, name: str, job: Job) -> None:
        # Long-lived thread, no request cycle: drop connections the database closed (never
        # inside a transaction: `--once` runs the jobs in the caller's thread).
        if not connection.in_atomic_block:
            close_old_connections()
        try:
            job.run_once()
        except Exception as error:
            self.failures += 1
            trace = "".join(traceback.format_exception(error))
            logger.error("Worker job %s failed:\n%s", name, redact_text(trace))
