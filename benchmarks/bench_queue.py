"""Benchmark: a queue of 1,000 episodes ("download all" on a show with 40 seasons).

With the real aria2c and the fake provider (every episode throttled, so aria2 keeps 5
active and 995 waiting):

- starting the 1,000 through ``start_episodes_download`` (the provider's episode list,
  aria2's adds, the database rows);
- one worker tick (``Reconciler.tick``) with the 1,000 in aria2, at 100 and at 10,000
  finished downloads in history: it must not grow with either;
- ``aria2.getVersion`` latency while ticks run, against aria2 at rest: the tick's requests
  must not hold aria2 up for everyone else (the page, the other processes);
- the Downloads page (test client, in process) with the queue of 1,000 against the same
  history with a queue of 12 (and with none, for reference): a long batch is a capped group
  of 12 (``downloads/groups.py``), so the two pages show the same rows, and the page must
  not grow with the queue.

    .venv/bin/python -m benchmarks.bench_queue
    .venv/bin/python -m benchmarks.bench_queue --profile /tmp   # cProfile of the ticks
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SERIES_ID = 500
SEASONS, EPISODES_PER_SEASON = 40, 25  # 1,000 episodes
HISTORIES = (100, 10_000)
TICKS = 20
PAGE_ROUNDS = 100
# As many as a capped group shows (``groups.GROUP_SHOWN``): both pages show as many rows,
# so what differs is the queue's length alone (with 10, the long queue's page showed two
# rows more, ~0.15 ms of the difference).
SHORT_QUEUE = 12
THROTTLE = 8 * 1024  # bytes/s per episode: the 5 active ones stay active for the whole run


def main() -> None:
    import argparse

    from benchmarks.scratch import django_in_scratch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--profile", type=Path, help="write a cProfile of the ticks at the longest history here"
    )
    args = parser.parse_args()
    with django_in_scratch("vodarr-bench-queue-") as root:
        _run(root, args.profile)


def _run(root: Path, profile: Path | None) -> None:
    from django.conf import settings
    from django.core.management import call_command

    from vodarr.catalog.provider import forget_client
    from vodarr.demo.catalogue import Catalogue
    from vodarr.demo.provider import FakeProvider
    from vodarr.integrations.aria2 import EmbeddedAria2

    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["*"]
    provider = FakeProvider(catalogue=Catalogue()).start()
    # aria2 runs as many at once as the account allows: 5 active, the rest waiting.
    provider.set_account(max_connections=5)
    daemon = EmbeddedAria2(root / "downloads", root / "aria2" / "session.txt")
    with daemon:
        try:
            settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET = daemon.rpc_url, daemon.secret
            settings.XTREAM_BASE_URL = provider.base_url
            settings.XTREAM_USERNAME = provider.username
            settings.XTREAM_PASSWORD = provider.password
            forget_client()
            _episodes(provider)
            _measure(daemon, profile)
        finally:
            provider.stop()


def _episodes(provider: Any) -> list[tuple[int, int]]:
    seasons = {
        season: [
            (episode, f"Episode {episode}", SERIES_ID * 100_000 + season * 100 + episode)
            for episode in range(1, EPISODES_PER_SEASON + 1)
        ]
        for season in range(1, SEASONS + 1)
    }
    ids = provider.add_series(SERIES_ID, "Long Show", seasons, year=1990, size=1 << 30)
    for episode_id in ids.values():
        provider.set_throttle("episode", episode_id, THROTTLE)
    return sorted(ids)


def _measure(daemon: Any, profile: Path | None) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from tests.fixtures.downloads import finished_downloads

    from benchmarks.aims import print_aim
    from benchmarks.measure import timed
    from vodarr.accounts.models import User
    from vodarr.downloads import starting
    from vodarr.downloads.gateway import gateway
    from vodarr.downloads.worker import Reconciler

    user = User.objects.create_user(
        "queue@example.test", "bench passphrase", name="Queue", verified=True
    )
    finished_downloads(user, HISTORIES[0], first_id=1, size=1 << 30)
    [page_empty] = _page_p50(user)
    wanted = [(s, e) for s in range(1, SEASONS + 1) for e in range(1, EPISODES_PER_SEASON + 1)]
    # Someone with the same history and a queue of 12 of the same episodes: the page's
    # baseline, measured beside the 1,000 with aria2 in the same state.
    short = User.objects.create_user(
        "short@example.test", "bench passphrase", name="Short", verified=True
    )
    finished_downloads(short, HISTORIES[0], first_id=50_000, size=1 << 30)
    starting.start_episodes_download(short, SERIES_ID, wanted[:SHORT_QUEUE])

    requests_before = gateway().client.request_count
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = starting.start_episodes_download(user, SERIES_ID, wanted)
        elapsed = time.perf_counter() - started
    print(f"Queue of {len(wanted):,} episodes, real aria2c, fake provider")
    print_aim(
        "  start 1,000 episodes (start_episodes_download)",
        elapsed,
        2.0,
        "s",
        note=f"{len(result.started)} started, {len(result.failed)} failed; "
        f"{gateway().client.request_count - requests_before} aria2 requests, "
        f"{len(queries.captured_queries)} SQL queries",
    )
    client = daemon.client()
    active = _wait_for_active(client)
    waiting = client.call("aria2.getGlobalStat")["numWaiting"]
    print(f"  aria2 now holds {active} active and {waiting} waiting downloads")

    page_short, page_after = _page_p50(short, user)
    print_aim(
        f"  Downloads page p50, queue of 1,000 / queue of {SHORT_QUEUE}",
        page_after / page_short,
        1.25,
        "x",
        note=f"{page_after:.2f} ms vs {page_short:.2f} ms; {page_empty:.2f} ms with no queue "
        "(in process, test client)",
    )

    reconciler = Reconciler()
    reconciler.tick()  # records the new downloads' state once; later ticks write only changes
    idle = _latencies(client, 0.5)
    history = HISTORIES[0]
    for size in HISTORIES:
        finished_downloads(user, size - history, first_id=100_000 + history, size=1 << 30)
        history = size
        reconciler.tick()
        requests_before = gateway().client.request_count
        with CaptureQueriesContext(connection) as queries:
            reconciler.tick()  # counted apart: capturing SQL slows a query of many parameters
        per_tick = gateway().client.request_count - requests_before
        cpu_before = time.process_time()
        with _probing(daemon) as probe:
            timings = timed(reconciler.tick, TICKS)
        cpu = (time.process_time() - cpu_before) / TICKS * 1000
        if profile is not None and size == HISTORIES[-1]:
            _profile_ticks(reconciler, profile / "tick.pstats")
        median = statistics.median(timings) * 1000
        print_aim(
            f"  worker tick, 1,000 in aria2, {size:,} in history",
            median,
            30,
            "ms",
            note=f"median of {TICKS}, CPU {cpu:.0f} ms a tick; {per_tick:.0f} aria2 requests, "
            f"{len(queries.captured_queries)} SQL queries a tick",
        )
        busy = _p99(probe)
        print_aim(
            "  aria2.getVersion p99 while ticks run",
            busy,
            max(10.0, 3 * _p99(idle)),
            "ms",
            note=f"at rest p99 {_p99(idle):.2f} ms; aim: 3x that, at least 10 ms",
        )


def _profile_ticks(reconciler: Any, path: Path) -> None:
    import cProfile
    import pstats

    path.parent.mkdir(parents=True, exist_ok=True)
    with cProfile.Profile() as profiler:
        for _ in range(TICKS):
            reconciler.tick()
    profiler.dump_stats(path)
    print(f"  cProfile of {TICKS} ticks in {path}; the costliest by own time:")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


def _wait_for_active(client: Any, timeout: float = 20.0) -> int:
    deadline = time.monotonic() + timeout
    while True:
        active = int(client.call("aria2.getGlobalStat")["numActive"])
        if active >= 5 or time.monotonic() > deadline:
            return active
        time.sleep(0.1)


def _page_p50(*users: Any) -> list[float]:
    """Each person's Downloads page p50 (ms), their requests taken in turn: the machine's
    load moving during the rounds moves every person's figure alike, not one of them."""
    from django.test import Client

    browsers = []
    for user in users:
        browser = Client(headers={"X-Inertia": "true", "X-Inertia-Version": "1"})
        browser.force_login(user)
        browser.get("/downloads")
        browsers.append(browser)
    timings: list[list[float]] = [[] for _ in users]
    for _ in range(PAGE_ROUNDS):
        for browser, found in zip(browsers, timings, strict=True):
            started = time.perf_counter()
            response = browser.get("/downloads")
            found.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
    return [statistics.median(found) * 1000 for found in timings]


def _latencies(client: Any, seconds: float) -> list[float]:
    found = []
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        started = time.perf_counter()
        client.call("aria2.getVersion")
        found.append((time.perf_counter() - started) * 1000)
    return found


# Run in a process of its own: a thread here would wait for this process's GIL while the
# tick runs Python code, and count that wait as aria2's.
_PROBE = """
import json, sys, threading, time
from vodarr.integrations.aria2 import Aria2Client
client = Aria2Client(sys.argv[1], sys.argv[2])
client.call("aria2.getVersion")
print("ready", flush=True)
done, found = threading.Event(), []
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
while not done.is_set():
    started = time.perf_counter()
    client.call("aria2.getVersion")
    found.append((time.perf_counter() - started) * 1000)
    time.sleep(0.002)
print(json.dumps(found), flush=True)
"""


@contextmanager
def _probing(daemon: Any) -> Iterator[list[float]]:
    """``aria2.getVersion`` latencies (ms), asked every ~2 ms from another process meanwhile."""
    found: list[float] = []
    probe = subprocess.Popen(
        [sys.executable, "-c", _PROBE, daemon.rpc_url, daemon.secret],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert probe.stdout is not None and probe.stdin is not None
    probe.stdout.readline()  # ready
    try:
        yield found
    finally:
        probe.stdin.close()
        found.extend(json.loads(probe.stdout.readline() or "[]"))
        probe.wait(timeout=10)


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.fixtures
    main()
