"""The worker's tick figures: observed in memory, written to the database every few seconds.

``/metrics`` is served by the web process, but ticks happen in the worker: the figures meet
in the database (``WorkerStats``) rather than in prometheus-client's multiprocess mode,
whose files only work for processes on one machine sharing a directory — Vodarr's web and
worker may run on different machines against one PostgreSQL. Writing every few seconds
instead of every tick keeps the cost at one small UPDATE per interval.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone

from vodarr.ops.models import WorkerStats

# Seconds: a tick is one batched aria2 request plus a few queries, usually well under 0.1 s.
TICK_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
FLUSH_SECONDS = 10.0
FORGET_AFTER = timedelta(days=2)


def process_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:120]


class TickStats:
    """Cumulative tick durations and retries of this process; ``flush()`` writes them."""

    def __init__(
        self,
        name: str | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = timezone.now,
    ) -> None:
        self.name = name or process_name()
        self._clock = clock
        self._now = now
        self.started_at = now()
        self.buckets = dict.fromkeys(TICK_BUCKETS, 0)
        self.total = 0.0
        self.count = 0
        self.retries = 0
        self._flushed_at: float | None = None

    def observe(self, seconds: float, *, retried: int = 0) -> None:
        """One tick took ``seconds`` and re-added ``retried`` transfers; flushes when due."""
        for bound in TICK_BUCKETS:
            if seconds <= bound:
                self.buckets[bound] += 1
        self.total += seconds
        self.count += 1
        self.retries += retried
        now = self._clock()
        if self._flushed_at is None or now - self._flushed_at >= FLUSH_SECONDS:
            self.flush()
            self._flushed_at = now

    def flush(self) -> None:
        now = self._now()
        WorkerStats.objects.update_or_create(
            name=self.name,
            defaults={
                "started_at": self.started_at,
                "updated_at": now,
                "tick_buckets": {str(bound): n for bound, n in self.buckets.items()},
                "tick_sum": self.total,
                "tick_count": self.count,
                "retries": self.retries,
            },
        )
        WorkerStats.objects.filter(updated_at__lt=now - FORGET_AFTER).delete()
