"""Browse, recent and search queries: ordering, stable paging, cards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.db.models import Model

from vodarr.accounts.models import User
from vodarr.catalog import browse
from vodarr.catalog.browse import (
    browse_movies,
    browse_series,
    movie_card,
    recent_movies,
    recent_series,
    search_titles,
    series_card,
)
from vodarr.catalog.models import Category, Kind, Series, VodStream
from vodarr.catalog.preferences import menu_categories

pytestmark = pytest.mark.django_db
MakeMovie = Callable[..., VodStream]
MakeSeries = Callable[..., Series]


def _ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]


def test_a_movie_card_holds_only_what_a_card_shows(make_movie: MakeMovie) -> None:
    movie = make_movie(5, "Metropolis", poster="http://img.test/5.jpg", year=1927, rating=8.3)

    assert movie_card(movie) == {
        "id": 5,
        "name": "Metropolis",
        "poster": "http://img.test/5.jpg",
        "year": 1927,
        "rating": 8.3,
        "kind": "movie",
        "versions": 1,
    }


def test_a_series_card_without_a_poster_says_none(make_series: MakeSeries) -> None:
    show = make_series(9, "Northbound")

    assert series_card(show)["poster"] is None
    assert series_card(show)["kind"] == "series"


def test_recent_movies_are_the_latest_added_first(make_movie: MakeMovie) -> None:
    for stream_id in (1, 3, 2):
        make_movie(stream_id, f"Movie {stream_id}")
    make_movie(4, "Never dated", added=None)

    assert _ids(recent_movies(3)) == [3, 2, 1]
    assert _ids(recent_movies(10))[-1] == 4


def test_recent_series_are_the_last_modified_first(make_series: MakeSeries) -> None:
    make_series(1, "Old")
    make_series(2, "New")

    assert _ids(recent_series(5)) == [2, 1]


def test_browsing_by_rating_puts_unrated_titles_last_and_breaks_ties_by_id(
    make_movie: MakeMovie,
) -> None:
    make_movie(1, "A", rating=7.0)
    make_movie(2, "B", rating=9.0)
    make_movie(3, "C", rating=None)
    make_movie(4, "D", rating=7.0)

    assert _ids(browse_movies(sort="rating").items) == [2, 4, 1, 3]


def test_browsing_by_name_ignores_case_and_accents(make_movie: MakeMovie) -> None:
    make_movie(1, "zorro")
    make_movie(2, "Amélie")
    make_movie(3, "Batman")

    assert [m["name"] for m in browse_movies(sort="name").items] == ["Amélie", "Batman", "zorro"]


def test_paging_is_stable_when_many_titles_share_a_sort_key(make_movie: MakeMovie) -> None:
    same_day = {"added": None, "rating": 5.0}
    for stream_id in range(1, 46):
        make_movie(stream_id, "Same name", **same_day)

    for sort in ("latest", "rating", "name"):
        pages = [browse_movies(sort=sort, page=n, per_page=20) for n in (1, 2, 3)]
        seen = [i for page in pages for i in _ids(page.items)]
        assert sorted(seen) == list(range(1, 46)), sort
        assert (pages[0].total, pages[0].num_pages, pages[2].has_next) == (45, 3, False)


def test_a_page_past_the_end_is_empty_not_an_error(make_movie: MakeMovie) -> None:
    make_movie(1, "Only")

    page = browse_movies(page=9)

    assert page.items == []
    assert page.total == 1


def test_browsing_one_category_shows_only_its_titles(
    make_movie: MakeMovie, make_category: Callable[..., Category], member: User
) -> None:
    noir = make_category("2", "Film Noir")
    make_movie(1, "Detour", category=noir)
    make_movie(2, "Metropolis")

    assert _ids(browse_movies(category_id=noir.pk).items) == [1]
    assert menu_categories(member, Kind.MOVIE) == [
        {"id": noir.pk, "name": "Film Noir", "pinned": False}
    ]


def test_an_unknown_sort_falls_back_to_latest(make_series: MakeSeries) -> None:
    make_series(1, "B")
    make_series(2, "A")

    assert _ids(browse_series(sort="bogus").items) == [2, 1]
    assert _ids(browse_series(sort="name").items) == [2, 1]


def test_search_finds_movies_and_series_by_any_part_of_the_name(
    make_movie: MakeMovie, make_series: MakeSeries
) -> None:
    make_movie(1, "Night of the Living Dead")
    make_movie(2, "The Dead Zone")
    make_series(3, "Dead Like Me")
    make_movie(4, "Metropolis")

    results = search_titles("dead", 10)

    assert [(r["kind"], r["id"]) for r in results] == [
        ("series", 3),  # starts with the query
        ("movie", 1),
        ("movie", 2),
    ]


def test_search_needs_every_word_and_ignores_case_and_accents(make_movie: MakeMovie) -> None:
    make_movie(1, "Le Fabuleux Destin d'Amélie Poulain")
    make_movie(2, "Amelia")

    assert _ids(search_titles("AMELIE destin")) == [1]


def test_search_treats_like_wildcards_as_plain_text(make_movie: MakeMovie) -> None:
    make_movie(1, "100% Wolf")
    make_movie(2, "100 Wolves")

    assert _ids(search_titles("100%")) == [1]


def test_an_empty_search_finds_nothing(make_movie: MakeMovie) -> None:
    make_movie(1, "Anything")

    assert search_titles("   ") == []


def test_search_returns_at_most_the_limit(make_movie: MakeMovie) -> None:
    for stream_id in range(1, 8):
        make_movie(stream_id, f"Star {stream_id}")

    assert _ids(search_titles("star", 3)) == [1, 2, 3]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plans")
@pytest.mark.parametrize("category", [None, 1])
@pytest.mark.parametrize("sort", browse.SORTS)
@pytest.mark.parametrize("model", [VodStream, Series])
def test_a_listing_skips_the_other_versions_from_its_sort_index_alone(
    model: type[Model], sort: str, category: int | None
) -> None:
    # Page 500 of 240,000 titles by name read 10,000 rows only to skip the other versions
    # (35 ms): the index each sort walks holds, after its sort columns, the lead flag the
    # listing filters on (then the category, which a person's hidden categories filter on).
    rows = model._default_manager.all()
    if category is not None:
        rows = rows.filter(category_id=category)
    order = browse._movie_order if model is VodStream else browse._series_order
    plan = order(browse._one_per_group(rows, category), sort)[:20].explain()
    index = plan.split("USING INDEX ")[1].split()[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pragma_index_info(%s)", [index])
        columns = [name for (name,) in cursor.fetchall()]
    lead = "group_lead" if category is None else "category_lead"
    assert lead in columns and columns.index(lead) >= len(columns) - 2, plan
