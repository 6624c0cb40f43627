"""The trigram index of names (SQLite) narrows searches without changing their results."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from tests.fakes import FakeProvider
from vodarr.catalog import search_index
from vodarr.catalog.browse import search_titles
from vodarr.catalog.models import VodStream, fold
from vodarr.catalog.sync import sync_catalogue
from vodarr.catalog.upsert import _datetime_adapter
from vodarr.integrations.xtream import XtreamClient, XtreamError

pytestmark = pytest.mark.django_db
MakeMovie = Callable[..., VodStream]
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the trigram index exists on SQLite only"
)


def _ids(q: str, limit: int = 20) -> list[int]:
    return [card["id"] for card in search_titles(q, limit)]


def _paused() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {search_index.PAUSED}")  # noqa: S608
        return bool(cursor.fetchone()[0])


@sqlite_only
def test_the_index_follows_renames_and_deletions(make_movie: MakeMovie) -> None:
    movie = make_movie(1, "The Zanzibar Job")
    assert _ids("zanzibar") == [1]

    movie.name, movie.search_name = "The Oslo Job", fold("The Oslo Job")
    movie.save()
    assert (_ids("zanzibar"), _ids("oslo")) == ([], [1])

    movie.delete()
    assert _ids("oslo") == []


def test_a_word_too_common_for_the_index_is_found_by_walking_the_names() -> None:
    names = [f"Common Title {n:04d}" for n in range(2_100)] + ["Uncommon Zanzibar"]
    VodStream.objects.bulk_create(
        VodStream(stream_id=n, name=name, search_name=fold(name))
        for n, name in enumerate(names, start=1)
    )

    assert _ids("common", 3) == [1, 2, 3]
    assert _ids("title 0042") == [43]
    assert _ids("zanzibar uncommon") == [2_101]
    assert _ids('"zanzibar') == []  # a quote is searched for, not FTS syntax


@sqlite_only
def test_a_sync_rebuilds_the_index_once_and_never_leaves_it_paused(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    sync_catalogue(xtream_client)
    assert (_ids("metropolis"), _paused()) == ([2], False)

    fake_provider.add_movie(2, "Metropolis Restored", ext="mkv")
    fake_provider.fail_next_api(count=1, status=503, action="get_series")
    with pytest.raises(XtreamError):
        sync_catalogue(xtream_client)
    assert (_ids("restored"), _paused()) == ([], False)

    sync_catalogue(xtream_client)
    assert (_ids("restored"), _paused()) == ([2], False)


@pytest.mark.parametrize(
    "value",
    [
        datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC),
        datetime(2020, 1, 2, 3, 4, 5, 123, tzinfo=UTC),
        datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2))),
    ],
)
def test_the_upsert_writes_datetimes_exactly_as_django_does(value: datetime) -> None:
    assert _datetime_adapter()(value) == connection.ops.adapt_datetimefield_value(value)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_folding_ascii_takes_a_shortcut_to_the_same_result(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    assert fold(text) == "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@sqlite_only
def test_every_trigger_of_the_index_survives_the_migrations() -> None:
    # SQLite rebuilds a table for most column changes, and its triggers go with it: a later
    # migration touching these tables must create them again (see migration 0002).
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
    for index in search_index.INDEXES:
        assert {f"{index}_{event}" for event in ("insert", "delete", "update")} <= triggers
