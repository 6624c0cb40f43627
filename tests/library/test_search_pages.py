"""The search page and search-as-you-type suggestions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(member: User) -> Client:
    return inertia_client(member)


@pytest.fixture
def catalogue(make_movie: Callable[..., Any], make_series: Callable[..., Any]) -> None:
    make_movie(1, "Amélie")
    make_movie(2, "The Night of the Hunter")
    make_movie(3, "Night Train")
    make_series(10, "Night Shift")
    make_series(11, "Daylight")


def _search(client: Client, q: str) -> dict[str, Any]:
    page = client.get("/search", {"q": q}).json()
    assert page["component"] == "search"
    props: dict[str, Any] = page["props"]
    return props


def test_search_lists_matching_movies_and_series_apart(client: Client, catalogue: None) -> None:
    props = _search(client, "night")

    assert props["q"] == "night"
    assert [card["id"] for card in props["movies"]] == [3, 2]  # names starting with it first
    assert props["series"] == [
        {
            "id": 10,
            "name": "Night Shift",
            "poster": None,
            "year": None,
            "rating": None,
            "kind": "series",
            "versions": 1,
            "download": None,
        }
    ]


def test_search_ignores_case_and_accents(client: Client, catalogue: None) -> None:
    assert [card["name"] for card in _search(client, "AMELIE")["movies"]] == ["Amélie"]


def test_an_empty_search_finds_nothing(client: Client, catalogue: None) -> None:
    for q in ("", "   "):
        props = _search(client, q)
        assert (props["q"], props["movies"], props["series"]) == ("", [], [])
    assert client.get("/search").json()["props"]["movies"] == []


def test_search_shows_at_most_forty_of_each_kind(
    client: Client, make_movie: Callable[..., Any], make_series: Callable[..., Any]
) -> None:
    for n in range(1, 51):
        make_movie(n, f"Storm {n}")
        make_series(100 + n, f"Storm Chasers {n}")

    props = _search(client, "storm")

    assert len(props["movies"]) == 40
    assert len(props["series"]) == 40


def test_a_very_long_query_is_cut_to_a_hundred_characters(client: Client, catalogue: None) -> None:
    props = _search(client, "night " * 1000)

    assert len(props["q"]) <= 100
    assert [card["id"] for card in props["movies"]] == [3, 2]


@pytest.mark.parametrize("q", ["\x00", "night\x00", "%", "_", "100%", "'; DROP TABLE x; --", "\\"])
def test_odd_characters_in_a_query_are_searched_for_literally(
    client: Client, catalogue: None, q: str
) -> None:
    response = client.get("/search", {"q": q})

    assert response.status_code == 200
    props = response.json()["props"]
    assert all("night" in card["name"].lower() for card in props["movies"])


def test_suggestions_are_json_cards_at_most_eight(
    client: Client, make_movie: Callable[..., Any], make_series: Callable[..., Any]
) -> None:
    for n in range(1, 8):
        make_movie(n, f"Harbour {n}")
        make_series(100 + n, f"Harbour Lights {n}")

    response = client.get("/search/suggest", {"q": "harb"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    results = response.json()["results"]
    assert len(results) == 8
    assert set(results[0]) == {"id", "name", "poster", "year", "rating", "kind", "versions"}
    assert {card["kind"] for card in results} == {"movie", "series"}


def test_suggestions_for_nothing_or_a_huge_query_are_empty_or_cut(
    client: Client, catalogue: None
) -> None:
    assert client.get("/search/suggest").json() == {"results": []}
    assert client.get("/search/suggest", {"q": "x" * 10_000}).json() == {"results": []}
    long_night = "night " + "n" * 5000
    assert client.get("/search/suggest", {"q": long_night}).status_code == 200


def test_suggestions_answer_only_get(client: Client) -> None:
    assert client.post("/search/suggest", {"q": "night"}).status_code == 405


def test_suggestions_need_a_signed_in_verified_user(
    make_user: Callable[..., User], catalogue: None
) -> None:
    anonymous = inertia_client().get("/search/suggest", {"q": "night"})
    unverified = inertia_client(make_user(verified=False)).get("/search/suggest", {"q": "night"})

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/login")
    assert unverified.status_code == 302
    assert unverified["Location"] == "/email/verify"


def test_a_suggestion_costs_the_same_few_queries_however_many_titles_match(
    client: Client, make_movie: Callable[..., Any], make_series: Callable[..., Any]
) -> None:
    for n in range(1, 30):
        make_movie(n, f"Harbour {n}")
        make_series(100 + n, f"Harbour Lights {n}")

    with CaptureQueriesContext(connection) as queries:
        client.get("/search/suggest", {"q": "harbour"})

    catalogue = [q for q in queries if '"catalog_' in q["sql"]]
    # The categories the person hides, then names starting with the query and the rest, per kind.
    assert len(catalogue) <= 5
