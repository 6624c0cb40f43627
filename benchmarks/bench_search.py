"""Benchmark: searching 50,000 titles, as the search page and search-as-you-type do.

A fresh SQLite database in a temporary directory gets 40,000 movies and 10,000 series with
varied, realistic names (bulk inserted, no provider involved). Then ``search_titles`` runs
for a spread of queries (common word, rare word, prefixes, accents, no match), and the full
``GET /search/suggest?q=`` goes through Django's test client (middleware, session, access
rules, JSON). Prints median and p95 latencies; asserts nothing.

    .venv/bin/python benchmarks/bench_search.py
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

MOVIES = 40_000
SERIES = 10_000
ROUNDS = 60
QUERIES = (
    "the",  # common word: thousands of matches
    "night",  # common word
    "zanzibar",  # rare word: a handful of matches
    "sta",  # prefix, as typed
    "the dar",  # two-word prefix
    "amelie",  # accents folded
    "dead river",  # two words anywhere
    "a",  # one letter: nearly everything matches
    "2",  # a digit
    "qwxzv",  # no match
)

ADJECTIVES = (
    "Dark", "Silent", "Last", "Lost", "Broken", "Golden", "Hidden", "Crimson", "Frozen",
    "Wild", "Eternal", "Secret", "Burning", "Electric", "Hollow", "Iron", "Little", "Long",
    "Midnight", "Northern", "Quiet", "Red", "Shattered", "Twisted", "Velvet", "White",
)  # fmt: skip
NOUNS = (
    "Night", "Star", "River", "Dead", "Love", "Ghost", "City", "Kingdom", "Shadow", "Storm",
    "Garden", "Empire", "Horizon", "Harbour", "Mountain", "Promise", "Road", "Secret", "Sky",
    "Summer", "Train", "Wolf", "Heart", "Island", "Station", "Mirror", "Hunter", "Dream",
)  # fmt: skip
NAMES = (
    "Amélie", "José", "Zoë", "Björn", "Anna", "Marcus", "Léa", "Tomás", "Ingrid", "Chloé",
    "Dmitri", "Yusuf", "Hana", "Øystein", "Renée", "François", "Noah", "Saoirse",
)  # fmt: skip
PATTERNS = (
    "The {adj} {noun}",
    "{noun} of the {noun2}",
    "{name}'s {noun}",
    "{adj} {noun} {n}",
    "A {noun} in {place}",
    "{noun}: {adj} {noun2}",
    "The {noun} ({year})",
    "{adj} {noun2}",
)
PLACES = ("Paris", "Tokyo", "Zanzibar", "Berlin", "Lagos", "Lima", "Oslo", "Seoul", "Cairo")


def title(rng: random.Random) -> str:
    place = rng.choice(PLACES) if rng.random() < 0.02 else rng.choice(PLACES[:2] + PLACES[3:])
    return rng.choice(PATTERNS).format(
        adj=rng.choice(ADJECTIVES),
        noun=rng.choice(NOUNS),
        noun2=rng.choice(NOUNS),
        name=rng.choice(NAMES),
        n=rng.randint(2, 9),
        place=place,
        year=rng.randint(1950, 2024),
    )


def fill() -> None:
    from vodarr.catalog.models import Series, VodStream, fold

    rng = random.Random(42)  # fixed seed: the same catalogue every run
    start = datetime(2020, 1, 1, tzinfo=UTC)
    movies = []
    for n in range(1, MOVIES + 1):
        name = title(rng)
        movies.append(
            VodStream(
                stream_id=n,
                name=name,
                search_name=fold(name),
                year=rng.randint(1950, 2024),
                rating=round(rng.uniform(1, 10), 1),
                added=start + timedelta(minutes=n),
            )
        )
    VodStream.objects.bulk_create(movies, batch_size=2000)
    shows = []
    for n in range(1, SERIES + 1):
        name = title(rng)
        shows.append(
            Series(
                series_id=1_000_000 + n,
                name=name,
                search_name=fold(name),
                year=rng.randint(1990, 2024),
                rating=round(rng.uniform(1, 10), 1),
                last_modified=start + timedelta(minutes=n),
            )
        )
    Series.objects.bulk_create(shows, batch_size=2000)


def timings_ms(action: Callable[[], object], rounds: int = ROUNDS) -> tuple[float, float]:
    """Median and 95th percentile of ``rounds`` runs, after one warm-up run."""
    action()
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="vodarr-bench-search-"))
    os.environ["VODARR_DATA_DIR"] = str(tmp)
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from vodarr.accounts.models import Role, User
    from vodarr.catalog.browse import search_titles

    setup_test_environment()  # lets the test client's "testserver" host in
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    fill()
    print(
        f"Catalogue: {MOVIES:,} movies + {SERIES:,} series inserted in "
        f"{time.perf_counter() - started:.1f} s, SQLite at {tmp}"
    )
    user = User.objects.create_user(
        "bench@example.test", "bench-password", role=Role.ADMIN, verified=True
    )
    client = Client()
    client.force_login(user)

    print(
        f"{'query':<14} {'results':>7}   {'search_titles(q, 20)':>24}   {'GET /search/suggest':>24}"
    )
    for query in QUERIES:
        found = len(search_titles(query, 20))
        search_median, search_p95 = timings_ms(lambda q=query: search_titles(q, 20))
        suggest_median, suggest_p95 = timings_ms(
            lambda q=query: client.get("/search/suggest", {"q": q})
        )
        print(
            f"{query!r:<14} {found:>7}   "
            f"median {search_median:6.2f} p95 {search_p95:6.2f} ms   "
            f"median {suggest_median:6.2f} p95 {suggest_p95:6.2f} ms"
        )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
