"""Benchmark: twenty people fetching links slowly while the Downloads page keeps answering.

Links are served by the web server itself (issue #13): from disk when the file is on the
server, else streamed from the provider through Vodarr. A slow viewer must not hold a worker
thread for the length of a film, so here uvicorn (one process, as `make run` starts it)
serves 20 link streams read at ~256 KiB/s each while one client asks for `GET /downloads`
(Inertia JSON, 1,000 downloads in history) again and again. Printed: the page's latency
alone and under the streams, the bytes the streams got, and the server's threads.

    .venv/bin/python -m benchmarks.bench_links
"""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.aims import print_aim
from benchmarks.web import login, uvicorn_serving

STREAMS = 20
READ_CHUNK = 64 * 1024
READ_PAUSE_S = 0.25  # ~256 KiB/s per viewer: a film's bitrate, not a download manager's
PAGE_REQUESTS = 150
HISTORY = 1_000
FILM_MIB = 64
KIB, MIB = 1024, 1024 * 1024


def p(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="vodarr-bench-links-"))
    os.environ.update(
        VODARR_DATA_DIR=str(scratch),
        DJANGO_SETTINGS_MODULE="vodarr.settings",
        DOWNLOAD_ROOT=str(scratch / "downloads"),
        LOG_LEVEL="WARNING",
    )
    from vodarr.demo.catalogue import Catalogue
    from vodarr.demo.provider import FakeProvider
    from vodarr.integrations.aria2 import EmbeddedAria2

    provider = FakeProvider(username="bench", password="bench-secret", catalogue=Catalogue())
    provider.add_movie(1, "On Disk", size=FILM_MIB * MIB, year=2001)
    provider.add_movie(2, "From The Provider", size=FILM_MIB * MIB, year=2002)
    provider.set_account(max_connections=STREAMS + 5)
    provider.start()
    daemon = EmbeddedAria2(scratch / "downloads", scratch / "aria2" / "session.txt").start()
    os.environ.update(
        ARIA2_RPC_URL=daemon.rpc_url,
        ARIA2_RPC_SECRET=daemon.secret,
        XTREAM_BASE_URL=provider.base_url,
        XTREAM_USERNAME="bench",
        XTREAM_PASSWORD="bench-secret",
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    try:
        links = _seed(provider)
        _measure(links)
    finally:
        daemon.stop()
        provider.stop()


def _seed(provider: object) -> dict[str, str]:
    """A member with a history of downloads, one film complete on disk, links to two films."""
    from tests.fixtures.downloads import finished_downloads, make_download

    from vodarr.accounts.models import User
    from vodarr.demo.provider import FakeProvider
    from vodarr.downloads.models import Status
    from vodarr.downloads.paths import absolute_path
    from vodarr.links import services

    assert isinstance(provider, FakeProvider)
    member = User.objects.create_user(
        "bench@example.test", "bench passphrase", name="Bench", verified=True
    )
    finished_downloads(member, HISTORY, first_id=1000)
    output = "Movies/On Disk (2001)/On Disk (2001).mp4"
    make_download(
        member,
        1,
        status=Status.COMPLETE,
        hold=True,
        output_path=output,
        total_length=FILM_MIB * MIB,
        completed_length=FILM_MIB * MIB,
    )
    path = absolute_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as film:
        for _ in range(FILM_MIB):
            film.write(os.urandom(MIB))
    return {
        "disk": f"/dl/{services.movie_link(member, 1).token}",
        "provider": f"/dl/{services.movie_link(member, 2).token}",
    }


def _measure(links: dict[str, str]) -> None:
    with uvicorn_serving() as (base, server):
        cookies = login(base, "bench@example.test")
        alone = _page_latencies(base, cookies)
        print(f"GET /downloads (Inertia JSON, {HISTORY:,} downloads), one uvicorn process")
        print(_line("alone", alone) + f"   server threads {_threads(server.pid)}")
        for source, link in links.items():
            stop = threading.Event()
            received = [0] * STREAMS
            viewers = [
                threading.Thread(target=_viewer, args=(base + link, stop, received, n))
                for n in range(STREAMS)
            ]
            for viewer in viewers:
                viewer.start()
            time.sleep(2.0)  # every stream is flowing
            threads = _threads(server.pid)
            started = time.perf_counter()
            busy = _page_latencies(base, cookies)
            elapsed = time.perf_counter() - started
            stop.set()
            for viewer in viewers:
                viewer.join()
            flowing = sum(1 for got in received if got > 0)
            rate = sum(received) / MIB / (elapsed + 2.0)
            print(
                _line(f"with {STREAMS} slow link streams ({source})", busy)
                + f"   server threads {threads}; {flowing}/{STREAMS} streams flowing, "
                f"{rate:.1f} MiB/s together"
            )
            print_aim(
                f"  /downloads p95 under {STREAMS} {source} streams",
                p(busy, 0.95),
                max(2 * p(alone, 0.95), p(alone, 0.95) + 20),
                "ms",
                note=f"(alone {p(alone, 0.95):.1f} ms; aim: at most twice that, or +20 ms)",
            )


def _viewer(url: str, stop: threading.Event, received: list[int], n: int) -> None:
    """One slow viewer: reads a chunk, pauses, until told to stop."""
    import httpx

    with httpx.stream("GET", url, timeout=60) as response:
        assert response.status_code == 200, response.status_code
        for chunk in response.iter_raw(READ_CHUNK):
            received[n] += len(chunk)
            if stop.wait(READ_PAUSE_S):
                return


def _page_latencies(base: str, cookies: dict[str, str]) -> list[float]:
    import httpx

    headers = {"X-Inertia": "true", "X-Inertia-Version": "1", "Accept": "application/json"}
    timings = []
    with httpx.Client(base_url=base, cookies=cookies, headers=headers, timeout=30) as http:
        http.get("/downloads")
        for _ in range(PAGE_REQUESTS):
            started = time.perf_counter()
            response = http.get("/downloads")
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
    return timings


def _line(label: str, timings: list[float]) -> str:
    return (
        f"  {label:<44} p50 {statistics.median(timings):6.1f} ms   p95 {p(timings, 0.95):6.1f} ms"
    )


def _threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 0


if __name__ == "__main__":
    main()
