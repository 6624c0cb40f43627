"""What the operations side keeps in the database: the worker's heartbeat and tick figures."""

from __future__ import annotations

from django.db import models


class Heartbeat(models.Model):
    """The last time a long-running process (``name``) was seen doing its rounds.

    One row per kind of process, not per process: with several workers, the freshest beat
    says that the work is being done.
    """

    name = models.CharField(max_length=40, primary_key=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.beat_at.isoformat()}"


class WorkerStats(models.Model):
    """One worker process's running totals, for ``/metrics`` (served by the web process).

    Cumulative since the process started, like Prometheus counters: ``tick_buckets`` holds
    how many ticks took at most each bucket's seconds (``{"0.05": 12, …}``), ``tick_sum``
    and ``tick_count`` the total; ``retries`` the automatic retries it re-added. The worker
    writes its row every few seconds, not every tick. One row per process (``name`` is
    host:pid), so several workers add up; rows of workers long gone are pruned.
    """

    name = models.CharField(max_length=120, primary_key=True)
    started_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    tick_buckets = models.JSONField(default=dict)
    tick_sum = models.FloatField(default=0.0)
    tick_count = models.BigIntegerField(default=0)
    retries = models.BigIntegerField(default=0)

    class Meta:
        verbose_name_plural = "worker stats"

    def __str__(self) -> str:
        return f"{self.name}: {self.tick_count} ticks"


class Probe(models.Model):
    """Whether a part outside Vodarr answered the worker's last look (``aria2``, ``provider``).

    The worker looks every half minute, so a scrape of ``/metrics`` costs the provider and
    aria2 nothing, however often and from however many places it is scraped.
    """

    name = models.CharField(max_length=40, primary_key=True)
    ok = models.BooleanField()
    checked_at = models.DateTimeField()
    problem = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.name}: {'ok' if self.ok else self.problem}"
