"""Movies and Series browse pages: the paginator, sorts, categories, bad input, stable paging."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from tests.fixtures.catalog import EPOCH
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.catalog.models import Category, Kind, Series, VodStream

pytestmark = pytest.mark.django_db
MakeMovie = Callable[..., VodStream]
MakeSeries = Callable[..., Series]
MakeCategory = Callable[..., Category]


@pytest.fixture
def client(member: User) -> Client:
    return inertia_client(member)


def _get(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    props: dict[str, Any] = response.json()["props"]
    return props


def _ids(paginator: dict[str, Any]) -> list[int]:
    return [card["id"] for card in paginator["data"]]


def _query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_the_first_page_of_movies_is_a_paginator_of_twenty_newest_cards(
    client: Client, make_movie: MakeMovie
) -> None:
    for n in range(1, 46):
        make_movie(n, f"Movie {n}")

    page = client.get("/movies").json()

    assert page["component"] == "movies/index"
    movies = page["props"]["movies"]
    assert _ids(movies) == list(range(45, 25, -1))
    assert {k: v for k, v in movies.items() if k != "data"} | {"next_page_url": None} == {
        "current_page": 1,
        "last_page": 3,
        "per_page": 20,
        "total": 45,
        "from": 1,
        "to": 20,
        "next_page_url": None,
        "prev_page_url": None,
    }
    newest = int((EPOCH + timedelta(days=45)).timestamp())
    assert _query(movies["next_page_url"]) == {
        "sort": "latest",
        "as_of": str(newest),
        "page": "2",
    }
    assert movies["next_page_url"].startswith("/movies?")
    assert page["props"]["filters"] == {"category": None, "sort": "latest"}


def test_the_last_page_holds_the_rest_and_links_back(client: Client, make_movie: MakeMovie) -> None:
    for n in range(1, 46):
        make_movie(n, f"Movie {n}")
    first = _get(client, "/movies")["movies"]
    second = _get(client, first["next_page_url"])["movies"]

    last = _get(client, second["next_page_url"])["movies"]

    assert _ids(last) == [5, 4, 3, 2, 1]
    assert (last["current_page"], last["from"], last["to"]) == (3, 41, 45)
    assert last["next_page_url"] is None
    assert _query(last["prev_page_url"])["page"] == "2"


def test_movies_sort_by_rating_or_name(client: Client, make_movie: MakeMovie) -> None:
    make_movie(1, "Zulu", rating=6.0)
    make_movie(2, "Alpha", rating=9.0)
    make_movie(3, "Mike", rating=None)

    assert _ids(_get(client, "/movies?sort=rating")["movies"]) == [2, 1, 3]
    assert _ids(_get(client, "/movies?sort=name")["movies"]) == [2, 3, 1]
    assert _get(client, "/movies?sort=name")["filters"]["sort"] == "name"


def test_a_category_filters_the_movies_and_stays_in_the_page_links(
    client: Client, make_movie: MakeMovie, make_category: MakeCategory
) -> None:
    noir = make_category("2", "Film Noir")
    silent = make_category("1", "Silent Classics")
    for n in range(1, 26):
        make_movie(n, f"Noir {n}", category=noir)
    make_movie(99, "Nosferatu", category=silent)

    props = _get(client, f"/movies?category={noir.pk}&sort=name")

    assert props["movies"]["total"] == 25
    assert 99 not in _ids(props["movies"])
    assert props["filters"] == {"category": str(noir.pk), "sort": "name"}
    assert _query(props["movies"]["next_page_url"])["category"] == str(noir.pk)
    assert props["categories"] == [
        {"id": noir.pk, "name": "Film Noir", "pinned": False},
        {"id": silent.pk, "name": "Silent Classics", "pinned": False},
    ]


@pytest.mark.parametrize(
    "query",
    [
        "category=banana",
        "category=-3",
        "category=999999",
        "category=99999999999999999999999",
        "category=%00",
        "sort=random",
        "sort=",
        "page=abc",
        "page=0",
        "page=-2",
        "page=1.5",
        "as_of=yesterday",
        "as_of=-1",
        "as_of=999999999999999999",
        "category=1&category=2&page=&sort=%F0%9F%98%80",
    ],
)
def test_garbage_in_the_query_string_is_ignored(
    client: Client, make_movie: MakeMovie, query: str
) -> None:
    make_movie(1, "Only Movie")

    props = _get(client, f"/movies?{query}")

    assert _ids(props["movies"]) == [1]
    assert props["movies"]["current_page"] == 1
    assert props["filters"] == {"category": None, "sort": "latest"}


def test_a_series_category_does_not_filter_movies(
    client: Client, make_movie: MakeMovie, make_category: MakeCategory
) -> None:
    drama = make_category("1", "Drama", kind=Kind.SERIES)
    make_movie(1, "Uncategorised")

    props = _get(client, f"/movies?category={drama.pk}")

    assert _ids(props["movies"]) == [1]
    assert props["filters"]["category"] is None


def test_a_page_past_the_end_shows_the_last_page(client: Client, make_movie: MakeMovie) -> None:
    for n in range(1, 31):
        make_movie(n, f"Movie {n}")

    for page in ("3", "99", "99999999999999999"):
        movies = _get(client, f"/movies?page={page}")["movies"]
        assert movies["current_page"] == 2
        assert _ids(movies) == list(range(10, 0, -1))


def test_an_empty_catalogue_is_one_empty_page(client: Client) -> None:
    movies = _get(client, "/movies?page=4")["movies"]

    assert movies == {
        "data": [],
        "current_page": 1,
        "last_page": 1,
        "per_page": 20,
        "total": 0,
        "from": None,
        "to": None,
        "next_page_url": None,
        "prev_page_url": None,
    }


def test_page_two_stays_the_same_when_a_newer_movie_arrives(
    client: Client, make_movie: MakeMovie
) -> None:
    for n in range(1, 46):
        make_movie(n, f"Movie {n}")
    make_movie(500, "Undated", added=None)
    first = _get(client, "/movies")["movies"]
    second_before = _get(client, first["next_page_url"])["movies"]

    make_movie(46, "Brand New Movie")
    second_after = _get(client, first["next_page_url"])["movies"]

    assert _ids(second_after) == _ids(second_before) == list(range(25, 5, -1))
    assert second_after["total"] == second_before["total"] == 46
    assert second_after["next_page_url"] == second_before["next_page_url"]
    assert 46 in _ids(_get(client, "/movies")["movies"])  # a fresh first page shows it


def test_the_as_of_cutoff_holds_for_every_sort(client: Client, make_movie: MakeMovie) -> None:
    for n in range(1, 31):
        make_movie(n, f"Movie {n:02d}")
    first = _get(client, "/movies?sort=name")["movies"]

    make_movie(31, "AAA Newcomer")
    second = _get(client, first["next_page_url"])["movies"]

    assert _ids(second) == list(range(21, 31))
    assert second["total"] == 30


def test_series_browse_pages_page_and_stay_stable_too(
    client: Client, make_series: MakeSeries, make_category: MakeCategory
) -> None:
    drama = make_category("1", "Drama", kind=Kind.SERIES)
    for n in range(1, 26):
        make_series(n, f"Show {n}", category=drama)
    page = client.get(f"/series?category={drama.pk}").json()
    first = page["props"]["series"]

    make_series(26, "Newest Show", category=drama)
    second = _get(client, first["next_page_url"])["series"]

    assert page["component"] == "series/index"
    assert page["props"]["categories"] == [{"id": drama.pk, "name": "Drama", "pinned": False}]
    assert page["props"]["filters"] == {"category": str(drama.pk), "sort": "latest"}
    assert _ids(first) == list(range(25, 5, -1))
    assert _ids(second) == [5, 4, 3, 2, 1]
    assert second["total"] == 25


def test_browse_pages_need_a_signed_in_user(db: None) -> None:
    response = inertia_client().get("/movies")

    assert response.status_code == 302
    assert response["Location"].startswith("/login")
