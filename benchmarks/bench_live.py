"""Benchmark: the live channel with 1, 20 and 100 open streams.

Four people each have a download running (throttled, so its progress moves every second) and
the worker reconciles aria2 every second, as `vodarr serve` runs it. With 0, 1, 20 and 100
streams open on the web process (uvicorn, one worker; the streams are shared among the four
people), it measures over a window:

- the web process's CPU seconds per second (from /proc: Linux only);
- aria2 requests per second made by the web process (counted by a proxy in front of aria2)
  and by the worker (its own client's count);
- events each stream received per second, and the web process's thread count.

The aim: the web process's aria2 requests stay at zero, its threads and CPU stay flat,
whatever the number of streams (one watcher per process reads every counter in one query per
tick; open streams hold no thread: live/asgi.py).

    python benchmarks/bench_live.py
"""

from __future__ import annotations

import asyncio
import http.server
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

PEOPLE = 4
STREAMS = (0, 1, 20, 100)
WINDOW_SECONDS = 10.0
KIB = 1024


class CountingProxy:
    """Forwards JSON-RPC POSTs to aria2 and counts them: what one process asks aria2."""

    def __init__(self, target: str) -> None:
        import httpx

        self.count = 0
        self._lock = threading.Lock()
        proxy = self
        client = httpx.Client(timeout=30)

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with proxy._lock:
                    proxy.count += 1
                answer = client.post(
                    target, content=body, headers={"Content-Type": "application/json"}
                )
                self.send_response(answer.status_code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/jsonrpc"

    def stop(self) -> None:
        self.server.shutdown()


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="vodarr-bench-live-"))
    os.environ["VODARR_DATA_DIR"] = str(scratch)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vodarr.settings"
    import django
    from django.core.management import call_command

    from vodarr.demo.catalogue import Catalogue
    from vodarr.demo.provider import FakeProvider
    from vodarr.integrations.aria2 import EmbeddedAria2

    daemon = EmbeddedAria2(scratch / "downloads", scratch / "aria2" / "session.txt")
    daemon.start()
    provider = FakeProvider(catalogue=Catalogue()).start()
    proxy = CountingProxy(daemon.rpc_url)
    os.environ.update(
        ARIA2_RPC_URL=daemon.rpc_url,
        ARIA2_RPC_SECRET=daemon.secret,
        DOWNLOAD_ROOT=str(scratch / "downloads"),
        XTREAM_BASE_URL=provider.base_url,
        XTREAM_USERNAME=provider.username,
        XTREAM_PASSWORD=provider.password,
    )
    django.setup()
    call_command("migrate", verbosity=0)
    try:
        _run(daemon, provider, proxy)
    finally:
        proxy.stop()
        provider.stop()
        daemon.stop()


def _run(daemon, provider, proxy) -> None:
    from benchmarks.web import PASSWORD, uvicorn_serving
    from vodarr.accounts.models import User
    from vodarr.downloads import starting
    from vodarr.downloads.gateway import Aria2Gateway
    from vodarr.downloads.worker.loop import WorkerLoop

    provider.set_account(max_connections=PEOPLE)
    people = []
    for n in range(PEOPLE):
        stream_id = 9000 + n
        provider.add_movie(stream_id, f"Long Film {n}", size=256 * 1024 * KIB, year=2000 + n)
        provider.set_throttle("movie", stream_id, 32 * KIB)  # runs for the whole benchmark
        person = User.objects.create_user(
            f"p{n}@example.test", PASSWORD, name=f"Person {n}", verified=True
        )
        starting.start_movie_download(person, stream_id)
        people.append(person)

    worker_aria2 = Aria2Gateway()
    worker = WorkerLoop(tick_seconds=1.0, aria2=worker_aria2)
    worker_thread = threading.Thread(target=worker.run, daemon=True)
    worker_thread.start()

    env = {**os.environ, "ARIA2_RPC_URL": proxy.url}  # the web process's aria2 requests, counted
    try:
        with uvicorn_serving(env=env) as (base, server):
            _table(base, server, people, proxy, worker_aria2)
    finally:
        worker.stop()
        worker_thread.join(timeout=10)


def _table(base, server, people, proxy, worker_aria2) -> None:
    from benchmarks.web import login

    cookies = [login(base, person.email) for person in people]
    print(
        f"Live channel: {PEOPLE} people each with a download running, the worker ticking every "
        f"second, uvicorn --workers 1; {WINDOW_SECONDS:g} s per row"
    )
    print(
        "  streams   web CPU s/s   web→aria2 req/s   worker→aria2 req/s   events/s per stream"
        "   web threads"
    )
    rows = {}
    for count in STREAMS:
        row = asyncio.run(_measure(base, cookies, count, server.pid, proxy, worker_aria2.client))
        rows[count] = row
        cpu, web_rps, worker_rps, events, threads = row
        shown = f"{events:6.2f}" if count else "     —"
        print(
            f"  {count:7d}   {cpu:11.3f}   {web_rps:15.2f}   {worker_rps:18.2f}   "
            f"{shown:>19}   {threads:11d}"
        )
    flat_aria2 = all(rows[n][1] == 0 for n in STREAMS if n)
    growth = rows[100][0] - rows[1][0]
    print(
        f"  aim (no aria2 request from open streams): {'met' if flat_aria2 else 'missed'} "
        f"({rows[1][1]:.2f} req/s with 1 stream, {rows[100][1]:.2f} with 100)"
    )
    flat_threads = rows[100][4] <= rows[1][4] + 1
    print(
        f"  aim (no thread per open stream): {'met' if flat_threads else 'missed'} "
        f"({rows[1][4]} threads with 1 stream, {rows[100][4]} with 100)"
    )
    print(
        f"  web CPU from 1 to 100 streams: +{growth:.3f} s/s (the events themselves: "
        "serialising once per person, writing to each stream)"
    )


async def _measure(base, cookies, count, pid, proxy, worker_client):
    import httpx

    received = [0] * count
    ready = asyncio.Event()
    opened = 0

    async def stream(index: int, client: httpx.AsyncClient) -> None:
        nonlocal opened
        async with client.stream("GET", "/live") as response:
            opened += 1
            if opened == count:
                ready.set()
            async for line in response.aiter_lines():
                if line.startswith("event: downloads"):
                    received[index] += 1

    clients = [
        httpx.AsyncClient(
            base_url=base, cookies=cookies[i % len(cookies)], timeout=httpx.Timeout(10, read=None)
        )
        for i in range(count)
    ]
    tasks = [asyncio.create_task(stream(i, c)) for i, c in enumerate(clients)]
    if count:
        await asyncio.wait_for(ready.wait(), timeout=60)
    await asyncio.sleep(2)  # the first events (counts) are not the steady state
    before = (_cpu_seconds(pid), proxy.count, worker_client.request_count, list(received))
    started = time.perf_counter()
    await asyncio.sleep(WINDOW_SECONDS)
    elapsed = time.perf_counter() - started
    threads = _threads(pid)
    cpu = (_cpu_seconds(pid) - before[0]) / elapsed
    web_rps = (proxy.count - before[1]) / elapsed
    worker_rps = (worker_client.request_count - before[2]) / elapsed
    events = (
        sum(now - then for now, then in zip(received, before[3], strict=True)) / count / elapsed
        if count
        else 0.0
    )
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for client in clients:
        await client.aclose()
    await asyncio.sleep(1)  # let the server see the streams go
    return cpu, web_rps, worker_rps, events, threads


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
