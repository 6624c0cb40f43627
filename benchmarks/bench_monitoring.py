"""Benchmark: the worker's "which monitors are due?" check, and one scan of a show.

The check runs every MONITOR_POLL_SECONDS; it must cost one indexed query whether a
household has 100 monitors or a large install 10,000 (with 5 due). A scan's cost is one
provider call and one start (one aria2 request); the figure here is a backfill of 25
episodes against the fake provider and a real aria2c. Prints medians; asserts nothing.

    python benchmarks/bench_monitoring.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROUNDS = 30
SIZES = (100, 10_000)


def main() -> None:
    from benchmarks.scratch import django_in_scratch

    with django_in_scratch() as root:
        _run(root)


def _run(root: Path) -> None:
    from datetime import time as clock
    from datetime import timedelta

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from vodarr.accounts.models import User
    from vodarr.catalog.provider import forget_client
    from vodarr.demo.catalogue import Catalogue
    from vodarr.demo.provider import FakeProvider
    from vodarr.integrations.aria2 import EmbeddedAria2
    from vodarr.monitoring import services
    from vodarr.monitoring.forms import MonitorValues
    from vodarr.monitoring.models import SeriesMonitor

    call_command("migrate", verbosity=0)
    now = timezone.now()
    for size in SIZES:
        SeriesMonitor.objects.all().delete()
        User.objects.all().delete()
        users = User.objects.bulk_create(
            User(email=f"u{n}@example.test", name=f"U{n}") for n in range(size)
        )
        SeriesMonitor.objects.bulk_create(
            SeriesMonitor(
                user=user,
                series_id=1,
                series_name="Show",
                start_from="future",
                schedule="daily",
                run_time=clock(6, 0),
                days=[0, 1, 2, 3, 4, 5, 6],
                time_zone="UTC",
                next_run_at=now - timedelta(minutes=1) if n < 5 else now + timedelta(hours=n),
            )
            for n, user in enumerate(users)
        )
        timings = []
        for _ in range(ROUNDS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                due = services.due_monitors(now)
                timings.append(time.perf_counter() - started)
        print(
            f"due check, {size:>6} monitors ({len(due)} due): "
            f"{statistics.median(timings) * 1000:.2f} ms median, {len(queries)} query"
        )

    provider = FakeProvider(catalogue=Catalogue())
    provider.add_series(
        50, "Long Show", {s: [(e, f"Episode {e}") for e in range(1, 26)] for s in (1, 2)}, size=1024
    )
    with provider, EmbeddedAria2(root / "downloads", root / "aria2" / "session.txt") as daemon:
        settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET = daemon.rpc_url, daemon.secret
        settings.XTREAM_BASE_URL = provider.base_url
        settings.XTREAM_USERNAME, settings.XTREAM_PASSWORD = provider.username, provider.password
        forget_client()
        person = User.objects.create_user("scan@example.test", "x", name="Scan")
        values = MonitorValues(start_from="all")
        monitor = services.create_monitor(person, 50, values, timezone.now())
        started = time.perf_counter()
        run = services.run_now(monitor, timezone.now())
        elapsed = time.perf_counter() - started
        print(
            f"one scan of a 50-episode show, backfill: {elapsed * 1000:.0f} ms "
            f"({run.message} {provider.api_calls('get_series_info')} episode-list calls: "
            "creation, scan)"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
