"""Benchmark: what the API and /metrics cost.

- Checking an API key (one indexed query on the HMAC digest; "last used" written at most
  once a minute) and the per-key rate limit (one upsert), per request.
- `GET /api/v1/downloads` for a member with 10,000 downloads, beside the Downloads page's
  own Inertia JSON for the same person: the API adds its key check, rate limit and schema
  validation to the same listing.
- A `/metrics` scrape with 10,000 and 100,000 transfers in the database (a few aggregate
  queries, whatever the size).

In-process (Django's test client, no web server), medians and p95 of repeated calls.
Prints figures; asserts nothing.

    python -m benchmarks.bench_api
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROUNDS = 200
HISTORY = 10_000
METRICS_SIZES = (10_000, 100_000)


def _ms(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {statistics.median(ordered) * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms"


def _time(call: Callable[[], object], rounds: int = ROUNDS) -> list[float]:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return timings


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="vodarr-bench-"))
    os.environ["VODARR_DATA_DIR"] = str(scratch)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vodarr.settings"
    os.environ.setdefault("XTREAM_BASE_URL", "http://127.0.0.1:9")  # no demo provider
    os.environ["API_RATE_LIMIT"] = "1000000"
    os.environ["METRICS_TOKEN"] = "bench-token"
    os.environ["ALLOWED_HOSTS"] = "testserver"  # Django's test client, in-process
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
        _api()
        _metrics()
    finally:
        daemon.stop()


def _api() -> None:
    from django.test import Client
    from tests.fixtures.downloads import finished_downloads

    from vodarr.accounts.models import User
    from vodarr.api.auth import api_limit
    from vodarr.api.keys import create_key, owner_of
    from vodarr.web.throttle import hit

    member = User.objects.create_user("bench@example.test", "x", name="Bench", verified=True)
    finished_downloads(member, HISTORY, first_id=0, size=10**9)
    plain = create_key(member, "bench").plain
    key = owner_of(plain)
    assert key is not None
    print(f"API, a member with {HISTORY:,} downloads (in-process)")
    print(f"  key check (owner_of)                  {_ms(_time(lambda: owner_of(plain)))}")
    print(f"  rate-limit count (one upsert)         {_ms(_time(lambda: hit(api_limit(), '1')))}")
    api = Client(headers={"X-Api-Key": plain})
    page = Client(headers={"X-Inertia": "true", "X-Inertia-Version": "1"})
    page.force_login(member)
    assert api.get("/api/v1/downloads").status_code == 200
    assert page.get("/downloads").status_code == 200
    listing = _time(lambda: api.get("/api/v1/downloads"))
    print(f"  GET /api/v1/downloads                 {_ms(listing)}")
    print(f"  GET /downloads (Inertia JSON, same)   {_ms(_time(lambda: page.get('/downloads')))}")


def _metrics() -> None:
    from django.test import Client
    from tests.fixtures.downloads import finished_downloads

    from vodarr.accounts.models import User

    scraper = Client(headers={"Authorization": "Bearer bench-token"})
    owner = User.objects.create_user("metrics@example.test", "x", name="M", verified=True)
    have = HISTORY
    for size in METRICS_SIZES:
        if size > have:
            finished_downloads(owner, size - have, first_id=1_000_000, size=10**9)
            have = size
        assert scraper.get("/metrics").status_code == 200
        scrapes = _time(lambda: scraper.get("/metrics"), 30)
        print(f"GET /metrics, {size:>7,} transfers          {_ms(scrapes)}")


if __name__ == "__main__":
    main()
