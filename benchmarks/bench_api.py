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

from benchmarks.measure import timed

ROUNDS = 200
HISTORY = 10_000
METRICS_SIZES = (10_000, 100_000)


def _ms(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {statistics.median(ordered) * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms"


def main() -> None:
    from benchmarks.scratch import django_in_scratch

    os.environ.setdefault("XTREAM_BASE_URL", "http://127.0.0.1:9")  # no demo provider
    os.environ["API_RATE_LIMIT"] = "1000000"
    os.environ["METRICS_TOKEN"] = "bench-token"
    os.environ["ALLOWED_HOSTS"] = "testserver"  # Django's test client, in-process
    with django_in_scratch():
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        # Finished downloads only: the list asks aria2 about none of them, so none runs here.
        _api()
        _metrics()


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
    figures = {
        "key check (owner_of)": timed(lambda: owner_of(plain), ROUNDS),
        "rate-limit count (one upsert)": timed(lambda: hit(api_limit(), "1"), ROUNDS),
    }
    api = Client(headers={"X-Api-Key": plain})
    page = Client(headers={"X-Inertia": "true", "X-Inertia-Version": "1"})
    page.force_login(member)
    assert api.get("/api/v1/downloads").status_code == 200
    assert page.get("/downloads").status_code == 200
    figures["GET /api/v1/downloads"] = timed(lambda: api.get("/api/v1/downloads"), ROUNDS)
    figures["GET /downloads (Inertia JSON, same)"] = timed(lambda: page.get("/downloads"), ROUNDS)
    print(f"API, a member with {HISTORY:,} downloads (in-process)")
    for label, timings in figures.items():
        print(f"  {label:<36}  {_ms(timings)}")


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
        scrapes = timed(lambda: scraper.get("/metrics"), 30)
        print(f"GET /metrics, {size:>7,} transfers          {_ms(scrapes)}")


if __name__ == "__main__":
    main()
