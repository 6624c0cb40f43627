"""/metrics: off without a token, bearer-protected with one, figures from the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from tests.fixtures.downloads import make_download
from vodarr.accounts.models import User
from vodarr.catalog.models import ProviderSettings
from vodarr.downloads.models import Status
from vodarr.downloads.worker.loop import WorkerLoop
from vodarr.metrics.probes import Probes
from vodarr.ops.models import Probe, WorkerStats
from vodarr.ops.ticks import TickStats

pytestmark = pytest.mark.django_db
TOKEN = "s3cret-metrics-token"


def scrape() -> dict[str, dict[tuple[tuple[str, str], ...], float]]:
    answer = Client().get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/plain; version=")
    samples: dict[str, dict[tuple[tuple[str, str], ...], float]] = {}
    for family in text_string_to_metric_families(answer.content.decode()):
        for sample in family.samples:
            samples.setdefault(sample.name, {})[tuple(sorted(sample.labels.items()))] = sample.value
    return samples


def test_metrics_are_off_without_a_token(settings) -> None:  # type: ignore[no-untyped-def]
    settings.METRICS_TOKEN = ""
    assert Client().get("/metrics", headers={"Authorization": "Bearer x"}).status_code == 404


def test_metrics_want_the_token(settings) -> None:  # type: ignore[no-untyped-def]
    settings.METRICS_TOKEN = TOKEN
    assert Client().get("/metrics").status_code == 401
    wrong = Client().get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong["WWW-Authenticate"].startswith("Bearer")
    assert Client().get("/metrics", headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401


def test_figures_come_from_what_the_worker_recorded(settings, member: User) -> None:  # type: ignore[no-untyped-def]
    settings.METRICS_TOKEN = TOKEN
    make_download(member, 1, status=Status.ACTIVE, download_speed=1500)
    make_download(member, 2, status=Status.ACTIVE, download_speed=500)
    make_download(member, 3, status=Status.ERROR, retry_next_at=timezone.now())
    make_download(member, 4, status=Status.COMPLETE, canceled=True)
    ticks = TickStats("host:1")
    for seconds in (0.003, 0.02, 0.7):
        ticks.observe(seconds, retried=1)
    ticks.flush()
    Probe.objects.create(name="aria2", ok=True, checked_at=timezone.now())
    Probe.objects.create(name="provider", ok=False, checked_at=timezone.now(), problem="down")
    synced = timezone.now() - timedelta(hours=1)
    ProviderSettings.objects.create(
        pk=1, last_sync_at=synced, last_sync_counts={"movies": 12, "series": 3, "seconds": 1.5}
    )

    figures = scrape()
    assert figures["vodarr_transfers"][(("status", "active"),)] == 2
    assert figures["vodarr_transfers"][(("status", "error"),)] == 1
    assert figures["vodarr_downloads"][(("state", "active"),)] == 2
    assert figures["vodarr_downloads"][(("state", "canceled"),)] == 1
    assert figures["vodarr_downloads"][(("state", "completed"),)] == 0
    assert figures["vodarr_downloads_needing_attention"][()] == 0  # its retry is pending
    assert figures["vodarr_download_speed_bytes_per_second"][()] == 2000
    assert figures["vodarr_transfers_retry_scheduled"][()] == 1
    assert figures["vodarr_download_retries_total"][()] == 3
    assert figures["vodarr_worker_tick_seconds_count"][()] == 3
    assert figures["vodarr_worker_tick_seconds_bucket"][(("le", "0.005"),)] == 1
    assert figures["vodarr_worker_tick_seconds_bucket"][(("le", "0.025"),)] == 2
    assert figures["vodarr_worker_tick_seconds_bucket"][(("le", "+Inf"),)] == 3
    assert figures["vodarr_worker_tick_seconds_sum"][()] == pytest.approx(0.723)
    assert figures["vodarr_aria2_up"][()] == 1 and figures["vodarr_provider_up"][()] == 0
    assert figures["vodarr_catalogue_last_sync_timestamp_seconds"][()] == pytest.approx(
        synced.timestamp()
    )
    assert figures["vodarr_catalogue_titles"][(("kind", "movies"),)] == 12


def test_two_workers_add_up(settings) -> None:  # type: ignore[no-untyped-def]
    settings.METRICS_TOKEN = TOKEN
    for name in ("a:1", "b:2"):
        stats = TickStats(name)
        stats.observe(0.01)
        stats.flush()
    assert scrape()["vodarr_worker_tick_seconds_count"][()] == 2


def test_the_probe_job_records_what_answered(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ARIA2_RPC_URL = "http://127.0.0.1:9/jsonrpc"  # nothing listens on the discard port
    settings.XTREAM_BASE_URL = "http://127.0.0.1:9"
    settings.XTREAM_USERNAME, settings.XTREAM_PASSWORD = "u", "p"
    seen = Probes().run_once()
    assert seen == {"aria2": False, "provider": False}
    assert Probe.objects.get(name="aria2").problem


def test_the_worker_records_its_ticks() -> None:
    WorkerLoop(listen=False, jobs={}).run(once=True)
    stats = WorkerStats.objects.get()
    assert stats.tick_count == 1 and stats.tick_sum > 0
    assert sum(stats.tick_buckets.values()) >= 1
