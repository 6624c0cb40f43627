"""Profile: Django's CPU per request for one page, in-process, as `vodarr serve` runs it.

The wrk benchmark (``bench_downloads``) measures the whole server under load, where the
machine's other work and the clients' own CPU blur small changes. This calls Django's WSGI
handler directly (the same handler serve's page threads call) ``--requests`` times for a
member with 10,000 downloads in history and prints the CPU per request (``process_time``,
median of ``--rounds``), the queries one request runs, and with ``--profile`` cProfile's
top functions: cheap and precise enough to compare one change at a time.

    .venv/bin/python -m benchmarks.profile_page                 # GET /downloads, Inertia JSON
    .venv/bin/python -m benchmarks.profile_page --html          # the first load (HTML)
    .venv/bin/python -m benchmarks.profile_page --profile 25    # cProfile, top 25 by own time
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HISTORY = 10_000


def main() -> None:
    arguments = _arguments()
    from benchmarks.scratch import django_in_scratch

    with django_in_scratch():
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        _measure(arguments)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default="/downloads")
    parser.add_argument("--html", action="store_true", help="the first load, not Inertia JSON")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--profile", type=int, metavar="N", help="print cProfile's top N")
    parser.add_argument("--dump", type=Path, help="with --profile: also save the stats here")
    return parser.parse_args()


def _measure(arguments: argparse.Namespace) -> None:
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from tests.fixtures.downloads import finished_downloads

    from vodarr.accounts.models import User

    member = User.objects.create_user("bench@example.test", "x" * 12, name="Bench", verified=True)
    finished_downloads(member, HISTORY, first_id=0, size=10**9)
    client = Client()
    client.force_login(member)
    # The CSRF cookie, as a browser has it after its first visit.
    client.get("/downloads", headers={"host": "127.0.0.1:8000"})
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    handler = get_wsgi_application()
    environ = _environ(arguments.path, cookie, inertia=not arguments.html)

    def one() -> bytes:
        body = b""
        for chunk in handler(dict(environ), _start_response):
            body += chunk
        return body

    body = one()
    with CaptureQueriesContext(connection) as queries:
        one()
    print(
        f"GET {arguments.path} ({'HTML' if arguments.html else 'Inertia JSON'}): "
        f"{len(body):,} bytes, {len(queries)} queries"
    )
    for query in queries:
        print(f"  {query['sql'][:160]}")
    rounds = []
    for _ in range(arguments.rounds):
        started = time.process_time()
        for _ in range(arguments.requests):
            one()
        rounds.append((time.process_time() - started) / arguments.requests * 1000)
    # Other work on the machine only ever adds CPU time (cache misses, a slower clock): the
    # least round is the steadiest figure to compare changes by.
    print(
        f"CPU per request: least {min(rounds):.2f} ms, median {statistics.median(rounds):.2f} ms "
        f"({len(rounds)} rounds of {arguments.requests})"
    )
    if arguments.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(arguments.requests):
            one()
        profiler.disable()
        if arguments.dump:
            profiler.dump_stats(arguments.dump)
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(arguments.profile)
        stats.sort_stats("cumulative").print_stats(arguments.profile * 2)
        print(out.getvalue())


def _environ(path: str, cookie: str, *, inertia: bool) -> dict[str, Any]:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_COOKIE": cookie,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    if inertia:
        environ |= {
            "HTTP_X_INERTIA": "true",
            "HTTP_X_INERTIA_VERSION": "1",
            "HTTP_ACCEPT": "application/json",
        }
    return environ


def _start_response(
    status: str, headers: list[tuple[str, str]], exc_info: Any = None, /
) -> Callable[[bytes], object]:
    if not status.startswith("200"):
        raise RuntimeError(f"the page answered {status}")
    return lambda _: None  # WSGI's write(): Django never calls it


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
