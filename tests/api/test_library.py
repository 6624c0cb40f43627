"""The catalogue, watchlist and monitors through the API: the pages' services and rules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.conftest import key_client
from vodarr.accounts.models import User
from vodarr.catalog.provider import forget_client
from vodarr.catalog.sync import sync_now
from vodarr.demo.provider import FakeProvider
from vodarr.monitoring.models import SeriesMonitor
from vodarr.watchlist.models import WatchlistEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(provider_in_env: FakeProvider) -> Iterator[FakeProvider]:
    forget_client()
    sync_now()
    yield provider_in_env
    forget_client()


def test_search_browse_and_a_series_with_its_episodes(
    catalogue: FakeProvider, member: User
) -> None:
    api = key_client(member)
    found = api.get("/api/v1/search?q=metro").json()
    assert [card["name"] for card in found["movies"]] == ["Metropolis"]
    movies = api.get("/api/v1/movies?sort=name").json()
    assert [card["name"] for card in movies["data"]] == ["Detour", "Metropolis", "Nosferatu"]
    assert movies["data"][0]["download"] is None  # the badge: nothing on the server yet
    show = api.get("/api/v1/series/10").json()
    assert show["series"]["name"] == "The Lighthouse Keepers"
    assert [(s["number"], [e["episode"] for e in s["episodes"]]) for s in show["seasons"]] == [
        (1, [1, 2]),
        (2, [1]),
    ]
    movie = api.get("/api/v1/movies/1").json()
    assert movie["movie"]["name"] == "Nosferatu" and movie["providerError"] is None
    gone = api.get("/api/v1/movies/999")
    assert gone.status_code == 404 and "no longer available" in gone.json()["detail"]
    categories = api.get("/api/v1/categories").json()
    assert {c["name"] for c in categories["movies"]} == {"Silent Classics", "Film Noir"}


def test_the_watchlist_adds_lists_and_removes(catalogue: FakeProvider, member: User) -> None:
    api = key_client(member)
    added = api.post("/api/v1/watchlist", {"type": "movie", "id": 2})
    assert (
        added.status_code == 201
        and added.json()["detail"] == "Added “Metropolis” to your watchlist."
    )
    assert api.post("/api/v1/watchlist", {"type": "movie", "id": 2}).status_code == 200
    listed = api.get("/api/v1/watchlist?type=movie").json()
    assert [item["card"]["id"] for item in listed["data"]] == [2]
    assert api.delete("/api/v1/watchlist/movie/2").json()["detail"].startswith("Removed")
    assert not WatchlistEntry.objects.exists()


def test_a_monitor_is_made_changed_run_and_stopped(
    catalogue: FakeProvider, member: User, outsider: User
) -> None:
    api = key_client(member)
    made = api.post("/api/v1/monitors/series/10", {"seasons": [2], "time": "20:00"})
    assert made.status_code == 201, made.content
    monitor = made.json()["monitor"]
    assert monitor["seasons"] == [2] and monitor["time"] == "20:00" and monitor["from"] == "future"
    twice = api.post("/api/v1/monitors/series/10", {})
    assert twice.status_code == 409
    changed = api.patch(f"/api/v1/monitors/{monitor['id']}", {"enabled": False})
    assert changed.status_code == 200 and changed.json()["monitor"]["enabled"] is False
    assert key_client(outsider).get(f"/api/v1/monitors/{monitor['id']}").status_code == 404
    listed = api.get("/api/v1/monitors").json()
    assert [m["id"] for m in listed["data"]] == [monitor["id"]]
    assert api.delete(f"/api/v1/monitors/{monitor['id']}").status_code == 200
    assert not SeriesMonitor.objects.exists()
