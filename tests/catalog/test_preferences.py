"""Category preferences change what Discover, browse, the filter menus and search show — for
that person only; admins hide a category for everyone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.catalog.models import Category, Kind, Series, VodStream

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def library(
    make_category: Callable[..., Category],
    make_movie: Callable[..., VodStream],
    make_series: Callable[..., Series],
) -> dict[str, Category]:
    """Three movie categories and one series category, two titles each."""
    cats = {
        "noir": make_category("1", "Film Noir"),
        "sport": make_category("2", "Sports Replays"),
        "kids": make_category("3", "Kids"),
        "drama": make_category("9", "Drama", kind=Kind.SERIES),
    }
    make_movie(1, "Detour", category=cats["noir"])
    make_movie(2, "Scarlet Street", category=cats["noir"])
    make_movie(3, "Cup Final Replay", category=cats["sport"])
    make_movie(4, "Derby Replay", category=cats["sport"])
    make_movie(5, "Cartoon Street", category=cats["kids"])
    make_movie(6, "Uncategorised Street")
    make_series(10, "Harbour Drama", category=cats["drama"])
    make_series(11, "Replay Show")
    return cats


def ids(cards: list[dict[str, Any]]) -> list[int]:
    return [card["id"] for card in cards]


def props(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    page: dict[str, Any] = response.json()["props"]
    return page


def save(client: Client, kind: str, **choices: list[int]) -> Any:
    return client.put(f"/categories/{kind}", choices, content_type=JSON)


def test_hiding_a_category_hides_its_titles_for_that_person_only(
    library: dict[str, Category], member: User, outsider: User
) -> None:
    mine, theirs = inertia_client(member), inertia_client(outsider)
    sport = library["sport"].pk

    assert save(mine, "movie", order=[], hidden=[sport], pinned=[]).status_code == 303

    assert ids(props(mine, "/movies")["movies"]["data"]) == [6, 5, 2, 1]
    assert sport not in [c["id"] for c in props(mine, "/movies")["categories"]]
    assert ids(props(mine, "/discover")["recentMovies"]) == [6, 5, 2, 1]
    assert ids(props(mine, "/search?q=replay")["movies"]) == []
    assert ids(props(mine, "/search?q=replay")["series"]) == [11]  # the series is elsewhere
    suggestions = mine.get("/search/suggest", {"q": "replay"}).json()["results"]
    assert [(s["kind"], s["id"]) for s in suggestions] == [("series", 11)]
    # A hidden category asked for by its id shows everything else instead of it.
    assert ids(props(mine, f"/movies?category={sport}")["movies"]["data"]) == [6, 5, 2, 1]
    # Someone else sees it all.
    assert ids(props(theirs, "/movies")["movies"]["data"]) == [6, 5, 4, 3, 2, 1]
    assert ids(props(theirs, "/search?q=replay")["movies"]) == [3, 4]


def test_pinned_categories_come_first_and_get_a_row_on_discover(
    library: dict[str, Category], member: User
) -> None:
    client = inertia_client(member)
    kids, noir, sport = library["kids"].pk, library["noir"].pk, library["sport"].pk

    save(client, "movie", order=[noir, sport, kids], hidden=[], pinned=[kids])

    menu = props(client, "/movies")["categories"]
    assert [(c["id"], c["pinned"]) for c in menu] == [(kids, True), (noir, False), (sport, False)]
    rows = props(client, "/discover")["pinnedRows"]
    assert [(r["category"]["name"], ids(r["items"])) for r in rows] == [("Kids", [5])]


def test_the_persons_own_order_is_kept_and_a_reset_forgets_it(
    library: dict[str, Category], member: User
) -> None:
    client = inertia_client(member)
    kids, noir, sport = library["kids"].pk, library["noir"].pk, library["sport"].pk
    save(client, "movie", order=[sport, kids, noir], hidden=[noir], pinned=[])

    page = props(client, "/categories?kind=movie")
    assert [(c["name"], c["hidden"]) for c in page["categories"]] == [
        ("Sports Replays", False),
        ("Kids", False),
        ("Film Noir", True),
    ]
    response = client.delete("/categories/movie")
    assert response.status_code == 303
    assert props(client, "/movies")["flash"]["success"].startswith("Your categories are back")
    page = props(client, "/categories?kind=movie")
    assert [c["name"] for c in page["categories"]] == ["Film Noir", "Kids", "Sports Replays"]
    assert not any(c["hidden"] or c["pinned"] for c in page["categories"])


def test_an_admin_hides_a_category_for_everyone(
    library: dict[str, Category], admin: User, member: User
) -> None:
    sport = library["sport"].pk
    response = inertia_client(admin).put(
        "/categories/movie/everyone", {"hidden": [sport]}, content_type=JSON
    )

    assert response.status_code == 303
    client = inertia_client(member)
    assert 3 not in ids(props(client, "/movies")["movies"]["data"])
    rows = props(client, "/categories?kind=movie")["categories"]
    assert [c["hiddenForEveryone"] for c in rows if c["id"] == sport] == [True]
    assert props(client, "/categories?kind=movie")["canHideForEveryone"] is False


def test_a_member_cannot_hide_a_category_for_everyone(
    library: dict[str, Category], member: User
) -> None:
    response = inertia_client(member).put(
        "/categories/movie/everyone", {"hidden": [library["sport"].pk]}, content_type=JSON
    )

    assert response.status_code == 403
    assert not Category.objects.filter(hidden_for_everyone=True).exists()


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"hidden": "all"}, "hidden", "must be a list"),
        ({"order": [1.5]}, "order", "whole numbers"),
        ({"pinned": [True]}, "pinned", "whole numbers"),
        ({"hidden": [999]}, "categories", "no longer exist"),
        ({"colour": "red"}, "colour", "Unknown field"),
    ],
)
def test_bad_choices_are_refused_with_a_sentence(
    library: dict[str, Category], member: User, body: dict[str, Any], field: str, message: str
) -> None:
    response = inertia_client(member).put(
        "/categories/movie", body, content_type=JSON, headers={"Accept": JSON, "X-Inertia": ""}
    )

    assert response.status_code == 422
    assert message in response.json()["errors"][field]


def test_a_series_category_cannot_be_saved_among_movie_ones(
    library: dict[str, Category], member: User
) -> None:
    client = inertia_client(member)
    response = save(client, "movie", hidden=[library["drama"].pk])

    assert response.status_code == 303
    assert "no longer exist" in props(client, "/movies")["errors"]["categories"]


def test_pins_are_limited_and_a_hidden_category_is_not_pinned(
    member: User, make_category: Callable[..., Category]
) -> None:
    many = [make_category(str(n), f"Category {n:02d}").pk for n in range(12)]
    client = inertia_client(member)

    save(client, "movie", pinned=many)
    assert "at most 10" in props(client, "/movies")["errors"]["pinned"]
    save(client, "movie", pinned=[many[0]], hidden=[many[0]])
    assert "cannot be pinned" in props(client, "/movies")["errors"]["pinned"]
