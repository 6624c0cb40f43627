"""Benchmark: the Downloads page under load, through `vodarr serve` as people run it.

`GET /downloads` as Inertia JSON for a member with 10,000 downloads in history, from wrk's
clients (``benchmarks/load.py``): one client's p50 against the floor — the page's SQL plus
one aria2 request for its 10 GIDs, timed alone in the same run against the same aria2c —
and 16 clients' requests/s and p99 with WEB_WORKERS=2 (the aim: two processes, one per
core), and with WEB_WORKERS=1 for comparison. Also the memory of all of
serve's processes (web, worker, aria2c) at idle and at most while the 16 clients ran.

    .venv/bin/python -m benchmarks.bench_downloads
    .venv/bin/python -m benchmarks.bench_downloads --profile /tmp   # py-spy flame graphs
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.measure import MIB

CLIENTS = 16
SECONDS = 10
HISTORY = 10_000
WEB_WORKERS = (1, 2)
EMAIL = "bench@example.test"


def main() -> None:
    arguments = _arguments()
    os.umask(0o077)  # `vodarr serve` refuses a database other users can read
    scratch = Path(tempfile.mkdtemp(prefix="vodarr-bench-"))
    os.environ["VODARR_DATA_DIR"] = str(scratch)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vodarr.settings"
    os.environ.setdefault("XTREAM_BASE_URL", "http://127.0.0.1:9")  # no demo provider here
    os.environ["DOWNLOAD_ROOT"] = str(scratch / "downloads")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    member, gids = _seed()
    try:
        _page_under_load(scratch, member, gids, arguments.profile, arguments.web_workers)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--profile", type=Path, help="write py-spy flame graphs of serve under the 16 clients here"
    )
    parser.add_argument(
        "--web-workers",
        type=int,
        action="append",
        choices=WEB_WORKERS,
        help="measure only this WEB_WORKERS (repeatable; default: each of 1 and 2)",
    )
    return parser.parse_args()


def _seed() -> tuple[object, list[str]]:
    from tests.fixtures.downloads import finished_downloads

    from benchmarks.web import PASSWORD
    from vodarr.accounts.models import User

    member = User.objects.create_user(EMAIL, PASSWORD, name="Bench", verified=True)
    refs = finished_downloads(member, HISTORY, first_id=0, size=10**9)
    # The page asks aria2 about its 10 rows in one request whether aria2 knows them or not.
    return member, [r.transfer.gid for r in refs[-10:]]


def _floor(member, gids: list[str], *, counts_kept: bool) -> float:
    """p50 (ms) of the page's SQL and one aria2 request for its 10 GIDs, alone.

    With ``counts_kept`` the SQL is what the page runs once its counts are kept (the counts'
    version, the entry heads, their rows), as the page runs it (written SQL since stop 22:
    through the ORM, the floor took more than the whole page); without, the counts are
    counted anew as well.
    """
    from vodarr.downloads.batches import Whole
    from vodarr.downloads.changes import TOPIC
    from vodarr.downloads.filters import state_counts, visible_downloads, with_state
    from vodarr.downloads.gateway import gateway
    from vodarr.downloads.heads import page_heads
    from vodarr.downloads.reading import refs_by_id
    from vodarr.live.publish import watch

    timings = []
    for _ in range(200):
        started = time.perf_counter()
        selection = with_state(visible_downloads(member, []), [])
        if counts_kept:
            watch(member.pk, [TOPIC])
        else:
            state_counts(selection)
        window = [pk for pk, _ in page_heads(Whole.list_of(member), selection, 0, 10)]
        refs_by_id(window, with_owner=False)
        gateway().client.tell_statuses(gids)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


@contextmanager
def _profiling(directory: Path | None, pid: int, workers: int) -> Iterator[None]:
    """With ``--profile DIR``: a py-spy flame graph of serve's processes while the block runs."""
    if directory is None:
        yield
        return
    flame = directory / f"flame-downloads-{workers}-workers.svg"
    spy = Path(sys.executable).with_name("py-spy")
    command = [
        str(spy),
        "record",
        "--nonblocking",
        "--subprocesses",
        "--pid",
        str(pid),
        "-o",
        str(flame),
    ]
    recording = subprocess.Popen([*command, "--duration", str(SECONDS)])
    try:
        yield
    finally:
        recording.wait(timeout=SECONDS + 60)
        print(f"  flame graph: {flame}")


def _page_under_load(
    scratch: Path, member, gids: list[str], profile: Path | None, only: list[int] | None
) -> None:
    from django.conf import settings

    from benchmarks.aims import print_aim
    from benchmarks.bench_serve import (
        free_port,
        print_tree_memory,
        serving,
        tree_cpu_by_process,
        wait_until_quiet,
    )
    from benchmarks.load import embedded_aria2, run_wrk, sampling_memory, wrk_missing
    from benchmarks.web import login

    if wrk_missing():
        print("GET /downloads under load: skipped, wrk is missing (`make bench` installs it)")
        return
    print(f"GET /downloads as Inertia JSON, {HISTORY:,} downloads in history, `vodarr serve`")
    for workers in only or WEB_WORKERS:
        port = free_port()
        with serving(scratch, port, web_workers=workers) as serve:
            settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET = embedded_aria2(
                scratch, scratch / "serve.log"
            )
            floor = _floor(member, gids, counts_kept=True)
            counted = _floor(member, gids, counts_kept=False)
            wait_until_quiet(serve.pid)
            base = f"http://127.0.0.1:{port}"
            cookies = login(base, EMAIL)
            print(
                f"  WEB_WORKERS={workers}; floor (the page's SQL + one aria2 multicall for "
                f"10 GIDs, alone, this run): p50 {floor:.2f} ms, counting anew {counted:.2f} ms"
            )
            if workers == 1:
                print_tree_memory(serve.pid, "  vodarr serve at idle (web, worker, aria2c)")
                one = run_wrk(f"{base}/downloads", cookies, 1, SECONDS)
                print_aim(
                    "  /downloads, 1 client, p50 / floor",
                    one.p50_ms / floor,
                    2,
                    "x",
                    note=f"p50 {one.p50_ms:.2f} ms, floor {floor:.2f} ms, "
                    f"{one.requests_per_second:.0f} requests/s",
                )
            cpu_before = tree_cpu_by_process(serve.pid)
            split: list[int] = []
            with sampling_memory(serve.pid) as samples, _profiling(profile, serve.pid, workers):
                # The clients' split between the web processes, once they are all connected.
                counting = threading.Timer(SECONDS / 2, _count_connections, (port, split))
                counting.start()
                load = run_wrk(f"{base}/downloads", cookies, CLIENTS, SECONDS)
                counting.join()
            spent = {
                name: (seconds - cpu_before.get(name, 0)) / max(1, load.requests) * 1000
                for name, seconds in tree_cpu_by_process(serve.pid).items()
            }
            cpu_ms = sum(spent.values())
            label = f"  /downloads, {CLIENTS} clients, WEB_WORKERS={workers}"
            rate_note = f"{load.requests:,} requests, {load.failed} failed; before #14: ~50"
            if workers == 1:
                # One web process runs its Python on one core at a time: the aim, "on 2
                # cores", is the two processes' line below.
                print(
                    f"{label}: {load.requests_per_second:.0f} requests/s, p99 "
                    f"{load.p99_ms:.0f} ms, p50 {load.p50_ms:.0f} ms ({rate_note}; one "
                    "process uses one core: no aim)"
                )
            else:
                print_aim(
                    f"{label}: requests/s",
                    load.requests_per_second,
                    250,
                    "req/s",
                    higher_is_better=True,
                    note=rate_note,
                )
                print_aim(f"{label}: p99", load.p99_ms, 150, "ms", note=f"p50 {load.p50_ms:.0f} ms")
            print(
                f"  CPU of serve's processes per request: {cpu_ms:.1f} ms: at most "
                f"{1000 / cpu_ms:.0f} requests/s for each core that does nothing else"
            )
            print(
                "    by process (ms): "
                + ", ".join(f"{_short(name)} {ms:.1f}" for name, ms in spent.items() if ms >= 0.05)
            )
            if workers > 1 and split:
                print(
                    f"  the {CLIENTS} clients' connections by web process: "
                    + " / ".join(map(str, split))
                    + " (the busier process's clients wait longer: see connections_by_process)"
                )
            print(
                f"  vodarr serve under that load: {max(samples) / MIB:.0f} MiB RSS at most "
                f"(sampled every 0.25 s; no aim in #14: printed)"
            )
    print(f"  (the machine's other work shares its {os.cpu_count()} cores: see load average)")


def _count_connections(port: int, into: list[int]) -> None:
    from benchmarks.load import connections_by_process

    into.extend(connections_by_process(port))


def _short(command: str) -> str:
    """ "1234 …/python -m vodarr.cli worker" → "worker 1234"."""
    pid, _, line = command.partition(" ")
    words = line.split()
    # uvicorn starts its web processes with multiprocessing's spawn_main.
    for known in ("worker", "aria2c", "spawn_main", "serve"):
        if any(known in word for word in words):
            return f"{'web' if known == 'spawn_main' else known} {pid}"
    return f"{Path(words[0]).name if words else '?'} {pid}"


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
