"""Props kept under the person's change counters (``live.kept``): a page load reads the
counters once and asks nothing else of the database for the bell, the watchlist and the
Downloads page's counts; any change made through the app's own writes shows on the next load."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.catalog.models import VodStream
from vodarr.notifications.services import mark_read, notify
from vodarr.watchlist import services as watchlist

pytestmark = pytest.mark.django_db


def shared(client: Client, path: str = "/downloads") -> dict:  # type: ignore[type-arg]
    return client.get(path).json()["props"]


def test_a_second_load_asks_no_query_of_the_bell_the_watchlist_or_the_counts(
    member: User,
) -> None:
    client = inertia_client(member)
    shared(client)

    with CaptureQueriesContext(connection) as queries:
        shared(client)

    tables = " ".join(q["sql"] for q in queries)
    assert "notifications_notification" not in tables
    assert "watchlist_watchlistentry" not in tables
    assert "COUNT(" not in tables
    assert sum("live_changecounter" in q["sql"] for q in queries) == 1


def test_a_new_notification_and_reading_it_show_on_the_next_load(member: User) -> None:
    client = inertia_client(member)
    assert shared(client)["notifications"] == {"unread": 0}

    notify([member.pk], "download_finished", "Nosferatu is ready")
    assert shared(client)["notifications"] == {"unread": 1}

    mark_read(member)
    assert shared(client)["notifications"] == {"unread": 0}


def test_adding_and_removing_a_title_show_on_the_next_load(
    member: User, make_movie: Callable[..., VodStream]
) -> None:
    make_movie(1, "Nosferatu")
    client = inertia_client(member)
    assert shared(client, "/discover")["watchlist"] == {"movie": [], "series": []}

    watchlist.add(member, "movie", 1)
    assert shared(client, "/discover")["watchlist"] == {"movie": [1], "series": []}

    watchlist.remove(member, "movie", 1)
    assert shared(client, "/discover")["watchlist"] == {"movie": [], "series": []}


def test_one_persons_kept_props_are_not_anothers(
    member: User, outsider: User, make_movie: Callable[..., VodStream]
) -> None:
    make_movie(1, "Nosferatu")
    watchlist.add(member, "movie", 1)
    notify([member.pk], "download_finished", "Nosferatu is ready")
    shared(inertia_client(member))

    props = shared(inertia_client(outsider))

    assert props["watchlist"] == {"movie": [], "series": []}
    assert props["notifications"] == {"unread": 0}
