"""The Discover page: newest titles, the user's own downloads in progress, an empty catalogue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, Status

pytestmark = pytest.mark.django_db
MakeDownload = Callable[..., MediaDownloadRef]


def _props(user: User) -> dict[str, Any]:
    page = inertia_client(user).get("/discover").json()
    assert page["component"] == "discover"
    props: dict[str, Any] = page["props"]
    return props


def test_discover_shows_the_twelve_newest_movies_and_series(
    member: User, make_movie: Callable[..., Any], make_series: Callable[..., Any]
) -> None:
    for n in range(1, 16):
        make_movie(n, f"Movie {n}")
        make_series(100 + n, f"Show {n}")

    props = _props(member)

    assert [card["id"] for card in props["recentMovies"]] == list(range(15, 3, -1))
    assert [card["id"] for card in props["recentSeries"]] == list(range(115, 103, -1))
    assert props["recentMovies"][0] == {
        "id": 15,
        "name": "Movie 15",
        "poster": None,
        "year": None,
        "rating": None,
        "kind": "movie",
        "versions": 1,
        "download": None,  # nothing of it on the server
    }
    assert props["recentSeries"][0]["kind"] == "series"
    assert props["catalogueEmpty"] is False


def test_an_empty_catalogue_says_so(member: User) -> None:
    props = _props(member)

    assert props["recentMovies"] == []
    assert props["recentSeries"] == []
    assert props["activeDownloads"] == []
    assert props["catalogueEmpty"] is True


def test_a_catalogue_of_series_alone_is_not_empty(
    member: User, make_series: Callable[..., Any]
) -> None:
    make_series(1, "Only Show")

    assert _props(member)["catalogueEmpty"] is False


def test_active_downloads_are_the_users_own_unfinished_or_failed_ones_newest_first(
    member: User, outsider: User, make_download: MakeDownload
) -> None:
    make_download(member, 1, status=Status.COMPLETE)
    failed = make_download(member, 2, status=Status.ERROR, title="Failed Movie")
    make_download(member, 7, status=Status.ERROR, retry_next_at=timezone.now())  # retrying itself
    make_download(member, 3, status=Status.PAUSED, canceled=True)
    make_download(outsider, 4, status=Status.ACTIVE)
    paused = make_download(member, 5, status=Status.PAUSED, title="Paused Movie")
    episode = make_download(
        member,
        6,
        episode=(2, 3, "60203"),
        status=Status.ACTIVE,
        title="The Show",
        total_length=1000,
        completed_length=250,
        download_speed=50,
    )

    props = _props(member)

    shown = [
        (row["id"], row["media"]["name"], row["downloadStatus"]["status"])
        for row in props["activeDownloads"]
    ]
    assert shown == [
        (episode.pk, "The Show", "active"),
        (paused.pk, "Paused Movie", "paused"),
        (failed.pk, "Failed Movie", "error"),  # it needs the person: "nothing is downloading" lies
    ]
    assert props["activeDownloads"][0]["downloadStatus"]["completedLength"] == 250
    assert props["activeDownloads"][0]["season"] == 2


def test_at_most_five_active_downloads_are_shown(member: User, make_download: MakeDownload) -> None:
    refs = [make_download(member, n, status=Status.WAITING) for n in range(1, 8)]

    shown = [row["id"] for row in _props(member)["activeDownloads"]]

    assert shown == [ref.pk for ref in reversed(refs)][:5]
