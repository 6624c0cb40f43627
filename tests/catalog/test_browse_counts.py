"""A browse listing's count of cards, kept under the catalogue's version until a sync moves it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.fakes import FakeProvider
from vodarr.catalog.browse import browse_movies, browse_series
from vodarr.catalog.models import Category, Kind, ProviderSettings, VodStream
from vodarr.catalog.sync import sync_catalogue
from vodarr.integrations.xtream import XtreamClient

pytestmark = pytest.mark.django_db


def version() -> int:
    return ProviderSettings.objects.get(pk=ProviderSettings.SINGLETON_PK).catalogue_version


def counts(run: Callable[[], object]) -> int:
    """How many COUNT queries ``run()`` sent."""
    with CaptureQueriesContext(connection) as queries:
        run()
    return sum("COUNT(" in query["sql"].upper() for query in queries)


def test_only_a_sync_that_changes_titles_moves_the_version(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    sync_catalogue(xtream_client)
    first = version()
    sync_catalogue(xtream_client)  # nothing changed upstream
    assert version() == first
    fake_provider.add_movie(4, "Sherlock Jr.", year=1924)
    sync_catalogue(xtream_client)
    assert version() == first + 1
    fake_provider.remove_series(10)
    sync_catalogue(xtream_client)
    assert version() == first + 2


def test_a_listings_count_is_kept_until_a_sync_changes_the_titles(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    sync_catalogue(xtream_client)
    hidden = [Category.objects.filter(kind=Kind.MOVIE).order_by("pk").values_list("pk")[0][0]]
    inside = VodStream.objects.filter(category_id=hidden[0]).count()
    assert 0 < inside < 3
    everything, without = browse_movies().total, browse_movies(hidden=hidden).total
    assert (everything, without) == (3, 3 - inside)
    # Asked again: the kept counts, no query counting titles.
    assert counts(lambda: browse_movies(page=2)) == 0
    assert counts(lambda: browse_movies(hidden=hidden)) == 0
    assert browse_movies(sort="name").total == 3
    # Each listing is kept apart: a category's, series.
    assert browse_movies(category_id=hidden[0]).total == inside
    assert browse_series().total == 1
    # A sync that adds a film: every listing counts anew.
    fake_provider.add_movie(4, "Sherlock Jr.", year=1924)
    sync_catalogue(xtream_client)
    inside = VodStream.objects.filter(category_id=hidden[0]).count()
    assert (browse_movies().total, browse_movies(hidden=hidden).total) == (4, 4 - inside)
    # And one that removes one.
    fake_provider.remove_movie(4)
    sync_catalogue(xtream_client)
    assert browse_movies().total == 3


def test_a_listing_cut_off_at_a_date_is_counted_each_time(
    xtream_client: XtreamClient,
) -> None:
    sync_catalogue(xtream_client)
    newest = VodStream.objects.order_by("-added").first()
    assert newest is not None and newest.added is not None
    as_of = newest.added - timedelta(seconds=1)  # the newest film came after this listing
    cut = browse_movies(as_of=as_of).total
    assert cut < 3
    assert counts(lambda: browse_movies(as_of=as_of)) > 0
    # A listing whose date leaves nothing out is the whole listing: kept.
    browse_movies(as_of=timezone.now())
    assert counts(lambda: browse_movies(as_of=timezone.now())) == 0


def test_before_any_sync_nothing_is_kept(make_movie: Callable[..., VodStream]) -> None:
    """Titles written another way than by a sync (the test factories) are counted each time:
    no version has ever moved, so none is trusted."""
    make_movie(1, "One")
    assert browse_movies().total == 1
    make_movie(2, "Two")
    assert browse_movies().total == 2
