"""The watchlist: add and remove from cards and title pages, the list page, privacy."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.catalog.models import Series, VodStream
from vodarr.watchlist.models import WatchlistEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def titles(
    make_movie: Callable[..., VodStream], make_series: Callable[..., Series]
) -> tuple[VodStream, Series]:
    return make_movie(1, "Nosferatu", year=1922), make_series(10, "The Lighthouse Keepers")


def add(client: Client, kind: str, media_id: object, **headers: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/watchlist", {"type": kind, "id": media_id}, content_type="application/json", **headers
    )


def test_adding_a_title_redirects_back_with_a_flash_and_marks_it_on_every_page(
    as_member: Client, titles: tuple[VodStream, Series]
) -> None:
    response = add(as_member, "movie", 1, HTTP_REFERER="http://testserver/movies/1")

    assert response.status_code == 303
    assert response["Location"] == "/movies/1"
    props = as_member.get("/discover").json()["props"]
    assert props["flash"]["success"] == "Added “Nosferatu” to your watchlist."
    assert props["watchlist"] == {"movie": [1], "series": []}


def test_adding_twice_is_harmless(as_member: Client, member: User, titles: object) -> None:
    add(as_member, "series", 10)
    response = add(as_member, "series", 10)

    assert response.status_code == 303
    assert WatchlistEntry.objects.filter(user=member).count() == 1
    flash = as_member.get("/watchlist").json()["props"]["flash"]
    assert flash["success"] == "“The Lighthouse Keepers” is already on your watchlist."


def test_an_unknown_title_is_a_404_with_a_sentence_for_api_clients(
    member: User, titles: object
) -> None:
    client = Client()
    client.force_login(member)

    response = add(client, "movie", 999)

    assert response.status_code == 404
    assert response.json() == {"message": "There is no such movie in the catalogue."}
    assert not WatchlistEntry.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"type": "album", "id": 1}, "type"),
        ({"type": "movie", "id": "one"}, "id"),
        ({"type": "movie", "id": -4}, "id"),
        ({"type": "movie", "id": True}, "id"),
        ({"type": "movie"}, "id"),
        ({"type": "movie", "id": 1, "note": "later"}, "note"),
    ],
)
def test_bad_input_is_a_422_with_a_message_for_the_field(
    member: User, titles: object, body: dict, field: str
) -> None:
    client = Client()
    client.force_login(member)

    response = client.post("/watchlist", body, content_type="application/json")

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {field}
    assert not WatchlistEntry.objects.exists()


def test_removing_takes_it_off_and_removing_again_is_harmless(
    as_member: Client, member: User, titles: object
) -> None:
    add(as_member, "movie", 1)

    first = as_member.delete("/watchlist/movie/1")
    second = as_member.delete("/watchlist/movie/1")

    assert (first.status_code, second.status_code) == (303, 303)
    assert not WatchlistEntry.objects.filter(user=member).exists()
    assert as_member.delete("/watchlist/album/1").status_code == 404


def test_the_list_has_tabs_newest_first_and_pages(
    as_member: Client, make_movie: Callable[..., VodStream], titles: object
) -> None:
    for stream_id in range(100, 125):
        make_movie(stream_id, f"Film {stream_id}")
        add(as_member, "movie", stream_id)
    add(as_member, "series", 10)

    first = as_member.get("/watchlist?tab=movies").json()["props"]
    second = as_member.get("/watchlist?tab=movies&page=2").json()["props"]
    series = as_member.get("/watchlist?tab=series").json()["props"]

    assert first["counts"] == {"movies": 25, "series": 1}
    assert [i["card"]["id"] for i in first["items"]["data"]][:3] == [124, 123, 122]
    assert first["items"]["next_page_url"] == "/watchlist?tab=movies&page=2"
    assert [i["card"]["id"] for i in second["items"]["data"]] == [104, 103, 102, 101, 100]
    assert [i["card"]["name"] for i in series["items"]["data"]] == ["The Lighthouse Keepers"]


def test_a_title_the_provider_dropped_stays_listed_as_unavailable(
    as_member: Client, titles: tuple[VodStream, Series]
) -> None:
    add(as_member, "movie", 1)
    titles[0].delete()  # what a sync does when the provider stops listing it

    [item] = as_member.get("/watchlist").json()["props"]["items"]["data"]

    assert item["available"] is False
    assert item["card"]["name"] == "Nosferatu"
    assert item["card"]["year"] == 1922


def test_a_card_on_the_list_says_how_many_versions_the_provider_lists(
    as_member: Client, titles: tuple[VodStream, Series]
) -> None:
    movie, show = titles
    VodStream.objects.filter(pk=movie.pk).update(group_size=3)  # as a sync's groups.py sets it
    add(as_member, "movie", movie.pk)
    add(as_member, "series", show.pk)

    [film] = as_member.get("/watchlist?tab=movies").json()["props"]["items"]["data"]
    [series] = as_member.get("/watchlist?tab=series").json()["props"]["items"]["data"]

    assert (film["card"]["versions"], series["card"]["versions"]) == (3, 1)


def test_another_members_list_is_invisible(
    as_member: Client, outsider: User, titles: object
) -> None:
    add(as_member, "movie", 1)
    theirs = inertia_client(outsider)

    props = theirs.get("/watchlist").json()["props"]

    assert props["items"]["data"] == []
    assert props["counts"] == {"movies": 0, "series": 0}
    assert props["watchlist"] == {"movie": [], "series": []}
    theirs.delete("/watchlist/movie/1")  # removes nothing of the member's
    assert WatchlistEntry.objects.count() == 1
