"""Benchmark: syncing 50,000 titles, then searching and browsing them.

The titles live in a real ``FakeProvider`` (40,000 movies, 10,000 series), so the figures
include the HTTP round trips and the client's parsing, as a real sync would. The database
is a fresh SQLite file in a temporary directory. Prints figures, asserts nothing.

    DJANGO_SETTINGS_MODULE=vodarr.settings .venv/bin/python benchmarks/bench_catalog.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MOVIES = 40_000
SERIES = 10_000
CATEGORIES = 40
SEARCH_ROUNDS = 50
QUERIES = ("night", "the dead", "zz", "star 1234", "amélie")
WORDS = ("Night", "Star", "Dead", "Love", "River", "Iron", "Amélie", "Ghost", "City", "Blue")


def _fill(provider: object) -> None:
    from vodarr.demo.provider import FakeProvider

    assert isinstance(provider, FakeProvider)
    for n in range(1, CATEGORIES + 1):
        provider.add_category("movie", n, f"Movies {n}")
        provider.add_category("series", n, f"Series {n}")
    for n in range(1, MOVIES + 1):
        provider.add_movie(
            n,
            f"{WORDS[n % 10]} {WORDS[(n // 10) % 10]} {n}",
            category_id=n % CATEGORIES + 1,
            year=1950 + n % 70,
            rating=round((n * 37 % 100) / 10, 1),
            added=1_600_000_000 + n * 60,
            plot="A benchmark title.",
        )
    for n in range(1, SERIES + 1):
        provider.add_series(
            1_000_000 + n,
            f"The {WORDS[n % 10]} Show {n}",
            {},
            category_id=n % CATEGORIES + 1,
            year=1990 + n % 30,
            rating=round((n * 53 % 100) / 10, 1),
        )


def _median_ms(action: Callable[[], object], rounds: int) -> float:
    action()
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="vodarr-bench-catalog-"))
    os.environ["VODARR_DATA_DIR"] = str(tmp)
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from django.core.management import call_command

    from vodarr.catalog.browse import browse_movies, search_titles
    from vodarr.catalog.sync import sync_catalogue
    from vodarr.demo.catalogue import Catalogue
    from vodarr.demo.provider import FakeProvider
    from vodarr.integrations.xtream import XtreamClient

    call_command("migrate", verbosity=0)
    provider = FakeProvider(username="bench", password="bench-secret", catalogue=Catalogue())
    _fill(provider)
    print(f"Catalogue: {MOVIES:,} movies + {SERIES:,} series, SQLite at {tmp}")
    with provider, XtreamClient(provider.base_url, "bench", "bench-secret", timeout=120) as client:
        started = time.perf_counter()
        client.vod_streams()
        client.series()
        fetch = time.perf_counter() - started
        print(f"{'fetch + parse only (HTTP, JSON)':<34} {fetch:7.2f} s")

        first = sync_catalogue(client)
        print(f"{'first sync (all new)':<34} {first.seconds:7.2f} s   {first.summary()}")
        second = sync_catalogue(client)
        print(f"{'second sync (all updated)':<34} {second.seconds:7.2f} s")
        for n in range(1, 1001):
            provider.remove_movie(n)
        third = sync_catalogue(client)
        print(
            f"{'sync removing 1,000 movies':<34} {third.seconds:7.2f} s   "
            f"removed {third.movies_removed}"
        )

    for query in QUERIES:
        found = len(search_titles(query, 20))
        ms = _median_ms(lambda q=query: search_titles(q, 20), SEARCH_ROUNDS)
        print(f"{'search ' + repr(query):<34} median {ms:7.2f} ms ({found} results)")
    for sort in ("latest", "rating", "name"):
        ms = _median_ms(lambda s=sort: browse_movies(sort=s, page=50), SEARCH_ROUNDS)
        print(f"{'browse movies by ' + sort + ', page 50':<34} median {ms:7.2f} ms")
        ms = _median_ms(lambda s=sort: browse_movies(category_id=7, sort=s), SEARCH_ROUNDS)
        print(f"{'  same, one category':<34} median {ms:7.2f} ms")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
