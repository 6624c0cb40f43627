"""Benchmark: a big provider's catalogue (200,000 films + 40,000 series) synced, searched, browsed.

The fake provider (a real HTTP server in this process) serves ``big_catalogue()``; its two
big lists are encoded once up front and served as bytes, as a remote panel's CPU would not
be spent on this box. Each sync is the real ``vodarr syncmedia`` command in its own
process, so its wall time includes starting Django and the HTTP transfer, and its peak RSS
is that process's own high-water mark (``wait4``). Then
``/search/suggest`` and the browse pages are requested through Django's test client
(middleware, session, view, Inertia JSON) against the synced SQLite database.

    .venv/bin/python -m benchmarks.bench_catalog
    .venv/bin/python -m benchmarks.bench_catalog --profile /tmp   # py-spy flame graphs

Prints figures against the aims of issue #14; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.aims import print_aim
from benchmarks.measure import MIB, ChildRun, run_measured

MOVIES = 200_000
SERIES = 40_000
REMOVED = 1_000
ROUNDS = 40
SYNC_AIM_S = 20.0
RESYNC_AIM_S = 10.0
SYNC_RSS_AIM_MIB = 300.0
SEARCH_P95_AIM_MS = 30.0
BROWSE_P95_AIM_MS = 20.0
QUERIES = (
    "the",  # common word: tens of thousands of matches
    "night",
    "zanzibar",  # rare word: a few hundred matches
    "sta",  # a prefix, as typed
    "the dar",  # two-word prefix
    "amelie",  # accents folded
    "dead river",  # two words anywhere
    "a",  # one letter: nearly everything matches
    "2",  # a digit
    "qwxzv",  # no match: the worst case for a scan
)
BROWSE = (
    "/movies?sort=latest",
    "/movies?sort=rating&page=50",
    "/movies?sort=name&page=500",
    "/movies?category=7&sort=latest",
    "/movies?category=7&sort=name&page=20",
    "/movies?category=7&sort=rating&page=5",
    "/series?sort=latest",
    "/series?sort=rating&page=100",
    "/series?sort=name&page=30",
    "/series?category=70&sort=name",  # series categories follow the 60 movie ones
)


def percentiles_ms(action: Callable[[], object], rounds: int = ROUNDS) -> list[float]:
    """``rounds`` timings of ``action`` in ms, sorted, after one warm-up run."""
    action()
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return sorted(samples)


def p(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def sync(env: dict[str, str], profile: Path | None, name: str) -> ChildRun:
    command = [str(Path(sys.executable).with_name("vodarr")), "syncmedia"]
    if profile is not None:
        flame = profile / f"flame-{name}.svg"
        py_spy = str(Path(sys.executable).with_name("py-spy"))
        command = [py_spy, "record", "--rate", "200", "-o", str(flame), "--", *command]
    run = run_measured(command, env)
    if run.returncode != 0:
        print(run.output)
        raise SystemExit(f"vodarr syncmedia failed ({run.returncode})")
    return run


def freeze_lists(provider: object) -> None:
    """Serve the provider's current movie and series lists as ready-made bytes."""
    import httpx

    from vodarr.demo.provider import FakeProvider

    assert isinstance(provider, FakeProvider)
    provider.clear_api_responses()
    for action in ("get_vod_streams", "get_series"):
        query = {"username": provider.username, "password": provider.password, "action": action}
        body = httpx.get(f"{provider.base_url}/player_api.php", params=query, timeout=120).content
        provider.set_api_response(action, body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", type=Path, help="write py-spy flame graphs of the syncs here")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="vodarr-bench-catalog-"))
    env = {
        **os.environ,
        "VODARR_DATA_DIR": str(tmp),
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "vodarr.settings",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from vodarr.accounts.models import Role, User
    from vodarr.demo.provider import FakeProvider
    from vodarr.demo.synthetic import big_catalogue
    from vodarr.integrations.xtream.stream import BACKEND

    setup_test_environment()  # lets the test client's "testserver" host in
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    provider = FakeProvider(username="bench", password="bench-secret", catalogue=big_catalogue())
    print(
        f"Catalogue: {MOVIES:,} movies + {SERIES:,} series generated in "
        f"{time.perf_counter() - started:.1f} s; SQLite at {tmp}; ijson backend {BACKEND}"
    )
    with provider:
        env |= {
            "XTREAM_BASE_URL": provider.base_url,
            "XTREAM_USERNAME": "bench",
            "XTREAM_PASSWORD": "bench-secret",
        }
        freeze_lists(provider)
        first = sync(env, args.profile, "first")
        print(f"  {first.output.strip()}")
        second = sync(env, args.profile, "unchanged")
        print(f"  {second.output.strip()}")
        for stream_id in range(1, REMOVED + 1):
            provider.remove_movie(stream_id)
        freeze_lists(provider)
        third = sync(env, None, "removing")
        print(f"  {third.output.strip()}")
    if args.profile is not None:
        print(f"Flame graphs in {args.profile} (figures under py-spy are not comparable).")
    label = f"{MOVIES + SERIES:,} titles"
    runs = (
        ("first (vodarr syncmedia)", first, SYNC_AIM_S),
        ("nothing changed", second, RESYNC_AIM_S),
    )
    for what, run, aim in runs:
        note = f"(CPU {run.cpu_seconds:.1f} s)"
        print_aim(f"sync of {label}, {what}", run.seconds, aim, "s", note=note)
        print_aim("  peak RSS of the syncing process", run.peak_rss / MIB, SYNC_RSS_AIM_MIB, "MiB")
    print(f"{f'sync removing {REMOVED:,} movies':<52} {third.seconds:10.2f} s")

    user = User.objects.create_user(
        "bench@example.test", "bench-password", role=Role.ADMIN, verified=True
    )
    client = Client()
    client.force_login(user)
    inertia = {"X-Inertia": "true", "X-Inertia-Version": settings.INERTIA_VERSION}

    all_search, all_browse = searches_and_pages(client, inertia)
    print_aim(
        f"search p95, {len(QUERIES)} queries x {ROUNDS}, {label}",
        p(all_search, 0.95),
        SEARCH_P95_AIM_MS,
        "ms",
    )
    print_aim(
        f"browse page p95, {len(BROWSE)} pages x {ROUNDS}, {label}",
        p(all_browse, 0.95),
        BROWSE_P95_AIM_MS,
        "ms",
    )
    with_hidden_categories(user, client, inertia, label)
    shutil.rmtree(tmp, ignore_errors=True)


def searches_and_pages(client: Any, inertia: dict[str, str]) -> tuple[list[float], list[float]]:
    """Every search's and page's samples (ms), each one's median and p95 printed."""
    search: list[float] = []
    print(f"{'GET /search/suggest?q=':<28} {'median':>8} {'p95':>8}")
    for query in QUERIES:
        samples = percentiles_ms(partial(client.get, "/search/suggest", {"q": query}))
        search += samples
        print(f"  {query!r:<26} {p(samples, 0.5):6.2f} ms {p(samples, 0.95):6.2f} ms")
    browse: list[float] = []
    print(f"{'GET (Inertia JSON)':<28} {'median':>8} {'p95':>8}")
    for url in BROWSE:
        response = client.get(url, headers=inertia)
        assert response.status_code == 200, (url, response.status_code)
        samples = percentiles_ms(partial(client.get, url, headers=inertia))
        browse += samples
        print(f"  {url:<40} {p(samples, 0.5):6.2f} ms {p(samples, 0.95):6.2f} ms")
    return search, browse


def with_hidden_categories(user: Any, client: Any, inertia: dict[str, str], label: str) -> None:
    """The same pages and searches for a person who hid 12 categories and pinned 3 (#13)."""
    from vodarr.catalog.models import Category, Kind
    from vodarr.catalog.preferences import Choices, save_choices

    movie_ids = list(
        Category.objects.filter(kind=Kind.MOVIE).order_by("pk").values_list("pk", flat=True)
    )
    series_ids = list(
        Category.objects.filter(kind=Kind.SERIES).order_by("pk").values_list("pk", flat=True)
    )
    # Categories 7 and 70 are the ones BROWSE filters by: kept visible, so the URLs still apply.
    hidden_movies = [pk for pk in movie_ids if pk != 7][10:20]
    hidden_series = [pk for pk in series_ids if pk != 70][:2]
    save_choices(user, Kind.MOVIE, Choices(movie_ids, set(hidden_movies), movie_ids[:3]))
    save_choices(user, Kind.SERIES, Choices(series_ids, set(hidden_series), []))
    hidden = len(hidden_movies) + len(hidden_series)
    print(f"With {hidden} categories hidden and 3 pinned:")
    search, browse = searches_and_pages(client, inertia)
    print_aim(
        f"search p95, {hidden} categories hidden, {label}", p(search, 0.95), SEARCH_P95_AIM_MS, "ms"
    )
    print_aim(
        f"browse page p95, {hidden} categories hidden, {label}",
        p(browse, 0.95),
        BROWSE_P95_AIM_MS,
        "ms",
    )


if __name__ == "__main__":
    main()
