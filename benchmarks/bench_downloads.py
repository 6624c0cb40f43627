"""Benchmark: the Downloads page under load, and starting a batch of 100 episodes.

- `GET /downloads` as Inertia JSON for a member with 10,000 downloads in the database,
  16 concurrent clients through uvicorn: requests/s and p50/p99 latency, beside the floor —
  one aria2 request for the page's 10 GIDs plus the page's SQL, timed alone in the same run.
- The time to start a batch of 100 episodes (one provider call, one aria2 request, one
  transaction).

    python benchmarks/bench_downloads.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

CLIENTS = 16
REQUESTS_PER_CLIENT = 60
HISTORY = 10_000


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="vodarr-bench-"))
    os.environ["VODARR_DATA_DIR"] = str(scratch)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vodarr.settings"
    os.environ.setdefault("XTREAM_BASE_URL", "http://127.0.0.1:9")  # no demo provider
    import django
    from django.core.management import call_command

    from vodarr.integrations.aria2 import EmbeddedAria2

    daemon = EmbeddedAria2(scratch / "downloads", scratch / "aria2" / "session.txt")
    daemon.start()
    os.environ["ARIA2_RPC_URL"] = daemon.rpc_url
    os.environ["ARIA2_RPC_SECRET"] = daemon.secret
    os.environ["DOWNLOAD_ROOT"] = str(scratch / "downloads")
    django.setup()
    call_command("migrate", verbosity=0)
    try:
        _page_under_load(daemon)
        _batch_start()
    finally:
        daemon.stop()


def _seed(daemon) -> tuple[object, list[str]]:  # type: ignore[no-untyped-def]
    from tests.fixtures.downloads import finished_downloads

    from benchmarks.web import PASSWORD
    from vodarr.accounts.models import User

    member = User.objects.create_user("bench@example.test", PASSWORD, name="Bench", verified=True)
    client = daemon.client()
    refs = finished_downloads(member, HISTORY, first_id=0, size=10**9)
    newest = [r.transfer.gid for r in refs[-10:]]
    for gid in newest:  # the visible page is live in aria2 (paused, so nothing moves)
        client.add_uri(
            [f"http://127.0.0.1:9/movie/u/p/{gid}.mp4"],
            {"gid": gid, "pause": "true", "out": f"{gid}.mp4"},
        )
    return member, newest


def _floor(member, gids: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    from vodarr.downloads.filters import state_counts, visible_downloads
    from vodarr.downloads.gateway import gateway

    timings = []
    for _ in range(200):
        started = time.perf_counter()
        queryset = visible_downloads(member, [])
        state_counts(queryset)  # the tabs' counts (and the paginator's total)
        list(queryset[:10])
        gateway().client.tell_statuses(gids)
        timings.append(time.perf_counter() - started)
    return timings


def _page_under_load(daemon) -> None:  # type: ignore[no-untyped-def]
    member, gids = _seed(daemon)
    floor_p50 = statistics.median(_floor(member, gids)) * 1000
    print(f"GET /downloads as Inertia JSON, {HISTORY:,} downloads in the DB, through uvicorn")
    print(
        "  floor, counting anew (counts + rows SQL + one aria2 multicall for 10 GIDs, alone): "
        f"p50 {floor_p50:6.2f} ms"
    )
    for workers, clients in ((1, 1), (1, CLIENTS), (2, CLIENTS)):
        rate, p50, p99 = _load(workers, clients)
        print(
            f"  uvicorn --workers {workers}, {clients:2d} client(s): {rate:7.1f} requests/s   "
            f"p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   p50/floor {p50 / floor_p50:5.1f}x"
        )
    print(
        f"  (with {CLIENTS} requests in flight on 2 cores, p50 is mostly queueing; "
        "the clients share the CPU)"
    )


def _load(workers: int, clients: int) -> tuple[float, float, float]:
    import httpx

    from benchmarks.web import login, uvicorn_serving

    with uvicorn_serving(workers) as (base, _server):
        cookies = login(base, "bench@example.test")
        headers = {"X-Inertia": "true", "X-Inertia-Version": "1", "Accept": "application/json"}
        latencies: list[float] = []
        lock = threading.Lock()

        def client() -> None:
            mine = []
            with httpx.Client(base_url=base, cookies=cookies, headers=headers, timeout=30) as http:
                http.get("/downloads")  # warm the connection
                for _ in range(REQUESTS_PER_CLIENT):
                    started = time.perf_counter()
                    response = http.get("/downloads")
                    mine.append(time.perf_counter() - started)
                    assert response.status_code == 200
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=client) for _ in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    p50, p99 = _percentile(latencies, 0.5) * 1000, _percentile(latencies, 0.99) * 1000
    return len(latencies) / elapsed, p50, p99


def _batch_start() -> None:
    from django.conf import settings

    from vodarr.accounts.models import User
    from vodarr.catalog.provider import forget_client
    from vodarr.demo.catalogue import Catalogue
    from vodarr.demo.provider import FakeProvider
    from vodarr.downloads import starting
    from vodarr.downloads.models import MediaDownloadRef

    provider = FakeProvider(catalogue=Catalogue()).start()
    try:
        provider.add_series(
            500, "Long Show", {1: [(n, f"Episode {n}") for n in range(1, 101)]}, year=2020
        )
        settings.XTREAM_BASE_URL = provider.base_url
        settings.XTREAM_USERNAME = provider.username
        settings.XTREAM_PASSWORD = provider.password
        forget_client()
        user = User.objects.create_user(
            "batch@example.test", "bench passphrase", name="Batch", verified=True
        )
        wanted = [(1, n) for n in range(1, 101)]
        started = time.perf_counter()
        result = starting.start_episodes_download(user, 500, wanted)
        elapsed = time.perf_counter() - started
        assert len(result.started) == 100, result
        print(
            "Start a batch of 100 episodes (provider call + one aria2 request + one "
            f"transaction): {elapsed * 1000:.1f} ms"
        )
        assert MediaDownloadRef.objects.filter(user=user).count() == 100
    finally:
        provider.stop()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
