"""Benchmark: one worker reconcile tick with 20 downloads in aria2, small vs huge history.

The tick's cost must follow what aria2 is working on, not how many downloads finished
before: 20 paused downloads with 100 finished refs in the database should cost about the
same as with 10,000. Prints the median of 30 ticks for each, plus the aria2 requests and
SQL queries per tick. Asserts nothing.

    python benchmarks/bench_worker.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vodarr.accounts.models import User

DOWNLOADS = 20
ROUNDS = 30
HISTORIES = (100, 10_000)


def main() -> None:
    from benchmarks.scratch import django_in_scratch

    with django_in_scratch() as root:
        _run(root)


def _run(root: Path) -> None:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from tests.fixtures.downloads import finished_downloads

    from benchmarks.measure import timed
    from vodarr.downloads.gateway import gateway
    from vodarr.downloads.worker import Reconciler
    from vodarr.integrations.aria2 import EmbeddedAria2

    call_command("migrate", verbosity=0)
    daemon = EmbeddedAria2(root / "downloads", root / "aria2" / "session.txt")
    with daemon:
        settings.ARIA2_RPC_URL = daemon.rpc_url
        settings.ARIA2_RPC_SECRET = daemon.secret
        user = _setup_downloads(DOWNLOADS)
        reconciler = Reconciler()
        print(f"worker reconcile tick, {DOWNLOADS} paused downloads in aria2, {ROUNDS} ticks each")
        history = 0
        for wanted in HISTORIES:
            finished_downloads(user, wanted - history, first_id=100_000 + history, size=1 << 30)
            history = wanted
            reconciler.tick()  # records the downloads' state once; later ticks write nothing
            requests_before = gateway().client.request_count
            with CaptureQueriesContext(connection) as queries:
                timings = timed(reconciler.tick, ROUNDS)
            per_tick_requests = (gateway().client.request_count - requests_before) / ROUNDS
            per_tick_queries = len(queries.captured_queries) / ROUNDS
            median = statistics.median(timings) * 1000
            p90 = sorted(timings)[int(ROUNDS * 0.9) - 1] * 1000
            print(
                f"  {history:>6} finished in history: median {median:6.2f} ms   p90 {p90:6.2f} ms"
                f"   {per_tick_requests:.0f} aria2 request, {per_tick_queries:.0f} SQL queries"
            )


def _setup_downloads(count: int) -> User:
    from tests.fixtures.downloads import make_download

    from vodarr.accounts.models import User
    from vodarr.downloads.gateway import gateway
    from vodarr.downloads.models import new_gid

    user = User.objects.create_user("bench@example.test", "bench-password", name="Bench")
    for n in range(count):
        gid = new_gid()
        # Paused, on a closed port: aria2 keeps them without any network traffic.
        gateway().client.add_uri(
            [f"http://127.0.0.1:9/movie/u/p/{n}.mp4"],
            {"gid": gid, "pause": "true", "out": f"active-{n}.mp4"},
        )
        make_download(
            user,
            n,
            title=f"Active {n}",
            gid=gid,
            status="paused",
            desired_paused=True,  # as its person asked, or the worker would resume it
            output_path=f"Movies/Active {n}/active-{n}.mp4",
        )
    return user


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.fixtures
    main()
