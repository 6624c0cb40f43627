"""What ``/metrics`` reports, read from the database at scrape time.

Every figure is computed when Prometheus asks (a few aggregate queries), from what the
worker records: transfers and their states (the reconciler's ledger), the worker's tick
figures (``ops.WorkerStats``), its last looks at aria2 and the provider (``ops.Probe``) and
the catalogue's last sync. Nothing is kept in this process, so any web process answers the
same, and a fresh registry per scrape keeps no module-level state.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from django.db.models import Count, Sum
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector

from vodarr.catalog.models import ProviderSettings
from vodarr.downloads.filters import STATES, state_counts
from vodarr.downloads.models import MediaDownloadRef, Status, Transfer
from vodarr.ops.heartbeat import heartbeat_age
from vodarr.ops.models import Probe, WorkerStats
from vodarr.ops.ticks import TICK_BUCKETS


class VodarrCollector(Collector):
    def collect(self) -> Iterator[Metric]:
        yield from _downloads()
        yield from _worker()
        yield from _probes()
        yield from _catalogue()


def _downloads() -> Iterator[Metric]:
    transfers = GaugeMetricFamily(
        "vodarr_transfers",
        "Files being or having been downloaded (shared by everyone who asked), by status.",
        labels=["status"],
    )
    counts = dict(
        Transfer.objects.filter(stopped_at__isnull=True)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    for status in Status:
        transfers.add_metric([status.value], counts.get(status.value, 0))
    yield transfers

    # People's requests by the Downloads page's states (its tabs), from its one count query.
    counts = state_counts(MediaDownloadRef.objects.all(), grouped=False)
    requests = GaugeMetricFamily(
        "vodarr_downloads",
        "People's downloads (the Downloads page's rows), by the page's state.",
        labels=["state"],
    )
    for state in STATES:
        requests.add_metric([state], counts[state])
    yield requests
    yield GaugeMetricFamily(
        "vodarr_downloads_needing_attention",
        "Failed downloads with no automatic retry pending.",
        value=counts["attention"],
    )

    speed = Transfer.objects.filter(status=Status.ACTIVE, stopped_at__isnull=True).aggregate(
        total=Sum("download_speed")
    )["total"]
    yield GaugeMetricFamily(
        "vodarr_download_speed_bytes_per_second",
        "Bytes per second arriving for all active transfers, as the worker last recorded.",
        value=speed or 0,
    )
    yield GaugeMetricFamily(
        "vodarr_transfers_retry_scheduled",
        "Transfers that failed and wait for their next automatic retry.",
        value=Transfer.objects.filter(
            retry_next_at__isnull=False, stopped_at__isnull=True, status=Status.ERROR
        ).count(),
    )


def _worker() -> Iterator[Metric]:
    rows = list(WorkerStats.objects.all())
    ticks = HistogramMetricFamily(
        "vodarr_worker_tick_seconds",
        "How long the worker's reconciliation ticks took (every worker process, added up).",
    )
    buckets = [
        (str(bound), sum(int(row.tick_buckets.get(str(bound), 0)) for row in rows))
        for bound in TICK_BUCKETS
    ]
    count = sum(row.tick_count for row in rows)
    ticks.add_metric([], [*buckets, ("+Inf", count)], sum(row.tick_sum for row in rows))
    yield ticks
    yield CounterMetricFamily(
        "vodarr_download_retries",
        "Automatic retries the workers re-added since they started.",
        value=sum(row.retries for row in rows),
    )
    age = heartbeat_age()
    yield GaugeMetricFamily(
        "vodarr_worker_heartbeat_age_seconds",
        "Seconds since a worker last finished a tick (-1: never).",
        value=-1 if age is None else age,
    )


def _probes() -> Iterator[Metric]:
    probes = {probe.name: probe for probe in Probe.objects.all()}
    for name, help_text in (
        ("aria2", "Whether aria2 answered the worker's last look (1) or not (0)."),
        ("provider", "Whether the provider answered the worker's last look (1) or not (0)."),
    ):
        probe = probes.get(name)
        yield GaugeMetricFamily(
            f"vodarr_{name}_up", help_text, value=1 if probe is not None and probe.ok else 0
        )


def _catalogue() -> Iterator[Metric]:
    row = ProviderSettings.objects.filter(pk=ProviderSettings.SINGLETON_PK).first()
    last_sync: datetime | None = row.last_sync_at if row is not None else None
    yield GaugeMetricFamily(
        "vodarr_catalogue_last_sync_timestamp_seconds",
        "When the catalogue last synced successfully (Unix time; 0: never).",
        value=last_sync.timestamp() if last_sync is not None else 0,
    )
    titles = GaugeMetricFamily(
        "vodarr_catalogue_titles",
        "What the last catalogue sync counted: movies, series, categories.",
        labels=["kind"],
    )
    counts = (row.last_sync_counts if row is not None else None) or {}
    for kind in ("movies", "series", "categories"):
        titles.add_metric([kind], _number(counts.get(kind)))
    yield titles
    yield GaugeMetricFamily(
        "vodarr_catalogue_last_sync_duration_seconds",
        "How long the last catalogue sync took.",
        value=_number(counts.get("seconds")),
    )


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0
