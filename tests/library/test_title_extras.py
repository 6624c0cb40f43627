"""Title pages: the trailer, the technical details the provider gives, and "refresh this
title", which asks the provider again past the client's 60-second cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.fakes import FakeProvider
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.catalog.models import Series, VodStream

pytestmark = pytest.mark.django_db

NOSFERATU = 1
SERIES = 10
PROBE = {
    "video": {"codec_name": "h264", "width": 1920, "height": 1080},
    "audio": {"codec_name": "aac", "channels": 2},
    "bitrate": 4800,
}


def test_a_movie_page_shows_the_trailer_and_the_files_details(
    provider: FakeProvider, member: User
) -> None:
    provider.add_movie(NOSFERATU, "Nosferatu", year=1922, trailer="dQw4w9WgXcQ", probe=PROBE)

    movie = inertia_client(member).get(f"/movies/{NOSFERATU}").json()["props"]["movie"]

    assert movie["trailer"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert movie["technical"] == {
        "width": 1920,
        "height": 1080,
        "videoCodec": "h264",
        "videoProfile": None,
        "frameRate": None,
        "hdr": None,
        "audioCodec": "aac",
        "audioChannels": 2,
        "audioLayout": None,
        "audioLanguage": None,
        "bitrateKbps": 4800,
    }


def test_a_series_page_shows_its_trailer_and_each_episodes_details(
    provider: FakeProvider, member: User
) -> None:
    provider.catalogue.series[SERIES].trailer = "https://trailers.example/harbour"
    provider.catalogue.series[SERIES].episodes[0].probe = PROBE

    props = inertia_client(member).get(f"/series/{SERIES}").json()["props"]

    assert props["series"]["trailer"] == "https://trailers.example/harbour"
    first, second = props["seasons"][0]["episodes"][:2]
    assert first["technical"]["height"] == 1080
    assert second["technical"] is None


def test_refreshing_a_movie_asks_the_provider_again_and_keeps_its_answer(
    provider: FakeProvider, member: User, make_movie: Callable[..., Any]
) -> None:
    make_movie(NOSFERATU, "Nosferatu (old name)")
    client = inertia_client(member)
    client.get(f"/movies/{NOSFERATU}")
    provider.add_movie(NOSFERATU, "Nosferatu, a Symphony of Horror", year=1922, rating=7.9)
    calls = provider.api_calls("get_vod_info")

    assert client.get(f"/movies/{NOSFERATU}").json()["props"]["movie"]["rating"] == 7.8  # cached
    response = client.post(
        f"/movies/{NOSFERATU}/refresh", headers={"Referer": f"http://testserver/movies/{NOSFERATU}"}
    )

    assert response.status_code == 303
    assert response["Location"] == f"/movies/{NOSFERATU}"
    assert provider.api_calls("get_vod_info") == calls + 1
    page = client.get(f"/movies/{NOSFERATU}").json()["props"]
    assert page["flash"]["success"] == "Refreshed from the provider."
    assert (page["movie"]["name"], page["movie"]["rating"]) == (
        "Nosferatu, a Symphony of Horror",
        7.9,
    )
    row = VodStream.objects.get(pk=NOSFERATU)
    assert (row.name, row.search_name, row.rating) == (
        "Nosferatu, a Symphony of Horror",
        "nosferatu, a symphony of horror",
        7.9,
    )


def test_refreshing_a_series_asks_the_provider_again(
    provider: FakeProvider, member: User, make_series: Callable[..., Any]
) -> None:
    make_series(SERIES, "Old Name")
    client = inertia_client(member)
    calls = provider.api_calls("get_series_info")

    assert client.post(f"/series/{SERIES}/refresh").status_code == 303

    assert provider.api_calls("get_series_info") == calls + 1
    assert Series.objects.get(pk=SERIES).name == "The Lighthouse Keepers"


def test_refreshing_a_title_the_provider_lost_or_cannot_give_says_why(
    provider: FakeProvider, member: User
) -> None:
    client = inertia_client(member)

    client.post("/movies/999/refresh")
    gone = client.get("/movies").json()["props"]["flash"]["error"]
    provider.fail_next_api(count=3, status=503)
    client.post(f"/series/{SERIES}/refresh")
    down = client.get("/movies").json()["props"]["flash"]["error"]

    assert gone == (
        "The title could not be refreshed: This movie is no longer available from the provider."
    )
    assert down.startswith("The title could not be refreshed: The provider answered HTTP 503")
