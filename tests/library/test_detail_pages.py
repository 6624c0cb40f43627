"""Movie and series detail pages against the fake provider: details, 404s, provider down,
and the user's own download state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.fakes import FakeProvider
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.catalog.models import Category, Series, VodStream
from vodarr.catalog.provider import provider_client
from vodarr.downloads.models import MediaDownloadRef, Status

pytestmark = pytest.mark.django_db
MakeDownload = Callable[..., MediaDownloadRef]

NOSFERATU = 1
SERIES = 10  # "The Lighthouse Keepers": S1E1 10101, S1E2 10102, S2E1 10201


@pytest.fixture
def client(member: User) -> Client:
    return inertia_client(member)


@pytest.fixture
def silent(make_category: Callable[..., Category]) -> Category:
    return make_category("1", "Silent Classics")


def _page(client: Client, url: str, status: int = 200) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == status, response.content
    page: dict[str, Any] = response.json()
    return page


# --- movies -----------------------------------------------------------------------------------


def test_a_movie_page_shows_the_providers_details(
    client: Client, provider: FakeProvider, silent: Category, make_movie: Callable[..., Any]
) -> None:
    make_movie(NOSFERATU, "Nosferatu", category=silent, poster="http://img.test/old.jpg")

    page = _page(client, f"/movies/{NOSFERATU}")

    assert page["component"] == "movies/show"
    movie = page["props"]["movie"]
    assert movie["id"] == NOSFERATU
    assert movie["name"] == "Nosferatu"
    assert movie["plot"] == "A vampire comes to Wisborg."
    assert (movie["year"], movie["rating"]) == (1922, 7.8)
    assert movie["backdrop"].startswith("http")
    assert movie["containerExtension"] == "mp4"
    assert movie["category"] == {"id": silent.pk, "name": "Silent Classics"}
    assert set(movie) == {
        "id",
        "name",
        "poster",
        "backdrop",
        "plot",
        "year",
        "rating",
        "durationSecs",
        "genre",
        "cast",
        "director",
        "releaseDate",
        "containerExtension",
        "category",
        "trailer",
        "technical",
    }
    assert page["props"]["download"] is None
    assert page["props"]["providerError"] is None


def test_the_download_click_after_a_movie_page_asks_the_provider_nothing_new(
    client: Client, provider: FakeProvider
) -> None:
    _page(client, f"/movies/{NOSFERATU}")
    calls = provider.api_calls("get_vod_info")

    provider_client().vod_info(NOSFERATU)  # what starting the download asks

    assert calls == 1
    assert provider.api_calls("get_vod_info") == 1


def test_a_movie_the_catalogue_has_not_synced_yet_still_has_a_page(
    client: Client, provider: FakeProvider, silent: Category
) -> None:
    movie = _page(client, "/movies/2")["props"]["movie"]

    assert (movie["name"], movie["containerExtension"]) == ("Metropolis", "mkv")
    assert movie["category"] == {"id": silent.pk, "name": "Silent Classics"}


def test_the_movie_page_remembers_the_backdrop_for_when_the_provider_is_down(
    client: Client, provider: FakeProvider, make_movie: Callable[..., Any]
) -> None:
    make_movie(NOSFERATU, "Nosferatu")

    shown = _page(client, f"/movies/{NOSFERATU}")["props"]["movie"]["backdrop"]

    assert VodStream.objects.get(pk=NOSFERATU).backdrop == shown


def test_a_movie_the_provider_no_longer_has_is_a_404(
    client: Client, provider: FakeProvider, make_movie: Callable[..., Any]
) -> None:
    make_movie(NOSFERATU, "Nosferatu")
    provider.remove_movie(NOSFERATU)

    page = _page(client, f"/movies/{NOSFERATU}", status=404)

    assert page["component"] == "error"
    assert page["props"]["message"] == "This movie is no longer available from the provider."


def test_with_the_provider_down_a_catalogued_movie_renders_from_the_catalogue(
    client: Client, provider: FakeProvider, make_movie: Callable[..., Any]
) -> None:
    make_movie(NOSFERATU, "Nosferatu", year=1922, plot="From the catalogue.", backdrop="http://b")
    provider.stop()

    props = _page(client, f"/movies/{NOSFERATU}")["props"]

    assert props["movie"]["name"] == "Nosferatu"
    assert props["movie"]["plot"] == "From the catalogue."
    assert props["movie"]["backdrop"] == "http://b"
    assert "not reachable" in props["providerError"]
    assert provider.password not in props["providerError"]
    # A member is told the provider is down, not where the server's provider lives.
    assert f":{provider.port}" not in props["providerError"]


def test_with_the_provider_down_an_unknown_movie_is_an_error_page(
    client: Client, provider: FakeProvider
) -> None:
    provider.stop()

    page = _page(client, f"/movies/{NOSFERATU}", status=503)

    assert page["component"] == "error"


def test_without_a_provider_a_catalogued_movie_still_renders(
    client: Client, make_movie: Callable[..., Any]
) -> None:
    make_movie(NOSFERATU, "Nosferatu")

    props = _page(client, f"/movies/{NOSFERATU}")["props"]

    assert props["movie"]["name"] == "Nosferatu"
    assert "No provider is configured" in props["providerError"]


@pytest.mark.parametrize("ident", ["abc", "1.5", "-1", "0", "99999999999999999999999", "%C2%B2"])
def test_a_movie_id_that_is_not_a_positive_number_is_a_404(
    client: Client, provider: FakeProvider, ident: str
) -> None:
    assert client.get(f"/movies/{ident}").status_code == 404


def test_the_movie_page_shows_the_users_own_latest_download_only(
    client: Client,
    provider: FakeProvider,
    member: User,
    outsider: User,
    make_download: MakeDownload,
) -> None:
    make_download(outsider, NOSFERATU, status=Status.ACTIVE)
    make_download(member, NOSFERATU, status=Status.ERROR)
    mine = make_download(
        member, NOSFERATU, status=Status.COMPLETE, total_length=900, completed_length=900
    )
    make_download(member, NOSFERATU, status=Status.REMOVED, canceled=True)

    download = _page(client, f"/movies/{NOSFERATU}")["props"]["download"]

    assert download["id"] == mine.pk
    assert download["canceled_at"] is None
    assert download["downloadStatus"]["status"] == "complete"
    assert download["downloadStatus"]["totalLength"] == 900
    assert download["downloadStatus"]["completedLength"] == 900
    assert "owner" not in download


def test_another_users_download_does_not_show_on_my_movie_page(
    client: Client, provider: FakeProvider, outsider: User, make_download: MakeDownload
) -> None:
    make_download(outsider, NOSFERATU, status=Status.ACTIVE)

    assert _page(client, f"/movies/{NOSFERATU}")["props"]["download"] is None


# --- series -----------------------------------------------------------------------------------


def test_a_series_page_lists_seasons_and_episodes_in_order(
    client: Client, provider: FakeProvider
) -> None:
    page = _page(client, f"/series/{SERIES}")

    assert page["component"] == "series/show"
    series = page["props"]["series"]
    assert (series["id"], series["name"], series["year"]) == (
        SERIES,
        "The Lighthouse Keepers",
        2019,
    )
    assert set(series) == {
        "id",
        "name",
        "poster",
        "backdrop",
        "plot",
        "year",
        "rating",
        "genre",
        "cast",
        "director",
        "trailer",
    }
    seasons = page["props"]["seasons"]
    assert [(s["number"], s["name"]) for s in seasons] == [(1, "Season 1"), (2, "Season 2")]
    assert [(e["id"], e["season"], e["episode"]) for e in seasons[0]["episodes"]] == [
        ("10101", 1, 1),
        ("10102", 1, 2),
    ]
    assert "Pilot" in seasons[0]["episodes"][0]["title"]
    assert set(seasons[1]["episodes"][0]) == {
        "id",
        "season",
        "episode",
        "title",
        "durationSecs",
        "plot",
        "image",
        "technical",
        "download",
        "badge",
    }
    assert page["props"]["providerError"] is None


def test_each_episode_shows_the_users_own_download_from_one_query(
    client: Client,
    provider: FakeProvider,
    member: User,
    outsider: User,
    make_download: MakeDownload,
) -> None:
    pilot = make_download(member, SERIES, episode=(1, 1, "10101"), status=Status.PAUSED)
    make_download(member, SERIES, episode=(2, 1, "10201"), status=Status.ACTIVE, canceled=True)
    make_download(outsider, SERIES, episode=(1, 2, "10102"), status=Status.ACTIVE)
    _page(client, f"/series/{SERIES}")  # the provider's answer is now cached

    with CaptureQueriesContext(connection) as queries:
        seasons = _page(client, f"/series/{SERIES}")["props"]["seasons"]

    states = {e["id"]: e["download"] for s in seasons for e in s["episodes"]}
    assert states["10101"]["id"] == pilot.pk
    assert states["10101"]["downloadStatus"]["status"] == "paused"
    assert states["10101"]["actions"] == ["cancel", "resume"]
    assert states["10102"] is None
    assert states["10201"] is None
    # The header's counts (every page has them) aside: one query for the episodes' requests.
    download_queries = [
        q
        for q in queries
        if q["sql"].startswith('SELECT "downloads_mediadownloadref"') and "COUNT(" not in q["sql"]
    ]
    assert len(download_queries) == 1


def test_a_series_the_provider_no_longer_has_is_a_404(
    client: Client, provider: FakeProvider
) -> None:
    provider.remove_series(SERIES)

    page = _page(client, f"/series/{SERIES}", status=404)

    assert page["props"]["message"] == "This series is no longer available from the provider."


def test_with_the_provider_down_a_catalogued_series_renders_without_seasons(
    client: Client, provider: FakeProvider, make_series: Callable[..., Series]
) -> None:
    make_series(SERIES, "The Lighthouse Keepers", cast="Ann, Bo", year=2019)
    provider.stop()

    props = _page(client, f"/series/{SERIES}")["props"]

    assert props["series"]["name"] == "The Lighthouse Keepers"
    assert props["series"]["cast"] == "Ann, Bo"
    assert props["seasons"] == []
    assert "not reachable" in props["providerError"]


def test_with_the_provider_down_an_unknown_series_is_an_error_page(
    client: Client, provider: FakeProvider
) -> None:
    provider.stop()

    assert client.get(f"/series/{SERIES}").status_code == 503


def test_a_series_id_that_is_not_a_number_is_a_404(client: Client) -> None:
    assert client.get("/series/lighthouse").status_code == 404


def test_the_download_routes_still_answer_next_to_the_detail_pages(client: Client) -> None:
    # /movies/<id>/download and /series/<id>/download belong to the downloads app.
    assert client.get("/movies/abc/download").status_code == 404
    assert client.get(f"/series/{SERIES}/download").status_code == 405
