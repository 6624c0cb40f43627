"""What the server has of a title, on poster cards, search results and title pages: the shared
file's state (a second person sees "downloaded" for a film someone else fetched), from one
query per page; and episode titles without the show's name and code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.fakes import FakeProvider
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, Status

pytestmark = pytest.mark.django_db
MakeDownload = Callable[..., MediaDownloadRef]


def cards(user: User, url: str, key: str) -> dict[int, Any]:
    props = inertia_client(user).get(url).json()["props"]
    data = props[key]["data"] if isinstance(props[key], dict) else props[key]
    return {card["id"]: card["download"] for card in data}


def test_a_second_person_sees_a_film_someone_else_downloaded_as_on_the_server(
    member: User,
    outsider: User,
    make_movie: Callable[..., Any],
    make_download: MakeDownload,
) -> None:
    for stream_id in (1, 2, 3, 4):
        make_movie(stream_id, f"Film {stream_id}")
    make_download(member, 1, status=Status.COMPLETE, hold=True, total_length=10)
    make_download(member, 2, status=Status.ACTIVE, hold=True, total_length=200, completed_length=50)
    make_download(member, 3, status=Status.ERROR, hold=True)

    theirs = cards(outsider, "/movies", "movies")
    mine = cards(member, "/movies", "movies")

    assert theirs[1] == {"state": "downloaded", "percent": None, "done": 1, "files": 1}
    assert theirs[2] == {"state": "downloading", "percent": 25, "done": 0, "files": 1}
    assert theirs[3] is None  # someone else's failed attempt: nothing on the server for them
    assert mine[3] is not None and mine[3]["state"] == "failed"
    assert theirs[4] is None and mine[4] is None


def test_a_series_card_sums_its_episodes(
    member: User, make_series: Callable[..., Any], make_download: MakeDownload
) -> None:
    make_series(7, "The Show")
    for number, status in ((1, Status.COMPLETE), (2, Status.COMPLETE), (3, Status.PAUSED)):
        make_download(
            member,
            7,
            episode=(1, number, f"71{number}"),
            status=status,
            hold=True,
            output_path=f"Shows/The Show/Season 01/E{number}.mp4",
            total_length=100,
            completed_length=40 if status == Status.PAUSED else 100,
        )

    [badge] = cards(member, "/series", "series").values()

    assert badge == {"state": "paused", "percent": 40, "done": 2, "files": 3}


def test_every_card_of_a_page_comes_from_one_query(
    member: User,
    make_movie: Callable[..., Any],
    make_series: Callable[..., Any],
    make_download: MakeDownload,
) -> None:
    for n in range(1, 13):
        make_movie(n, f"Film {n}")
        make_series(100 + n, f"Show {n}")
        make_download(member, n, status=Status.COMPLETE, hold=True)
    client = inertia_client(member)
    client.get("/discover")

    with CaptureQueriesContext(connection) as queries:
        props = client.get("/discover").json()["props"]

    assert sum(1 for card in props["recentMovies"] if card["download"]) == 12
    badge_queries = [q for q in queries if q["sql"].startswith('SELECT "downloads_transfer"')]
    assert len(badge_queries) == 1


def test_a_title_page_shows_the_file_on_the_server_and_plain_episode_titles(
    provider: FakeProvider,
    member: User,
    outsider: User,
    make_download: MakeDownload,
) -> None:
    # The fake panel titles episodes the way many do: "Office Hours - S01E01 - Syllabus".
    provider.add_series(55, "Office Hours", {1: [(1, "Syllabus"), (2, "Midterm"), (3, "Finals")]})
    make_download(member, 55, episode=(1, 1, "55101"), status=Status.COMPLETE, hold=True)
    make_download(member, 1, status=Status.COMPLETE, hold=True)

    seasons = inertia_client(outsider).get("/series/55").json()["props"]["seasons"]
    movie = inertia_client(outsider).get("/movies/1").json()["props"]

    episodes = seasons[0]["episodes"]
    assert [e["title"] for e in episodes] == ["Syllabus", "Midterm", "Finals"]
    assert episodes[0]["badge"]["state"] == "downloaded" and episodes[0]["download"] is None
    assert episodes[1]["badge"] is None
    assert movie["badge"]["state"] == "downloaded" and movie["download"] is None
