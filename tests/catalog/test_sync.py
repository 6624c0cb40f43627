"""Syncing the catalogue from the (fake) provider: create, update, remove, fail safely."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager, nullcontext
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from tests.fakes import FakeProvider
from vodarr.catalog.models import Category, ProviderSettings, Series, VodStream
from vodarr.catalog.provider import ProviderNotConfigured
from vodarr.catalog.sync import (
    SyncAlreadyRunning,
    sync_catalogue,
    sync_catalogue_if_due,
    sync_now,
)
from vodarr.catalog.upsert import BATCH_SIZE
from vodarr.integrations import xtream
from vodarr.integrations.xtream import XtreamAuthError, XtreamClient, XtreamError

pytestmark = pytest.mark.django_db


def test_a_first_sync_creates_categories_movies_and_series(xtream_client: XtreamClient) -> None:
    result = sync_catalogue(xtream_client)

    assert (result.categories, result.movies_created, result.series_created) == (3, 3, 1)
    assert (result.movies_updated, result.movies_removed, result.series_removed) == (0, 0, 0)
    nosferatu = VodStream.objects.get(pk=1)
    assert (nosferatu.name, nosferatu.year, nosferatu.rating) == ("Nosferatu", 1922, 7.8)
    assert nosferatu.category is not None and nosferatu.category.name == "Silent Classics"
    assert nosferatu.search_name == "nosferatu"
    assert VodStream.objects.get(pk=2).container_extension == "mkv"
    assert Series.objects.get(pk=10).name == "The Lighthouse Keepers"


def test_a_second_sync_updates_titles_and_removes_the_ones_gone_upstream(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    sync_catalogue(xtream_client)
    fake_provider.remove_movie(3)
    fake_provider.add_movie(1, "Nosferatu (Restored)", year=1922, rating=8.0)
    fake_provider.add_movie(4, "Sherlock Jr.", year=1924)
    fake_provider.remove_series(10)

    result = sync_catalogue(xtream_client)

    assert (result.movies_created, result.movies_updated, result.movies_removed) == (1, 2, 1)
    assert (result.series_created, result.series_updated, result.series_removed) == (0, 0, 1)
    assert sorted(VodStream.objects.values_list("pk", flat=True)) == [1, 2, 4]
    assert VodStream.objects.get(pk=1).name == "Nosferatu (Restored)"
    assert not Series.objects.exists()


def test_a_sync_keeps_the_details_only_the_detail_page_knows(xtream_client: XtreamClient) -> None:
    sync_catalogue(xtream_client)
    VodStream.objects.filter(pk=1).update(backdrop="http://img.test/b.jpg", duration_secs=5640)

    sync_catalogue(xtream_client)

    movie = VodStream.objects.get(pk=1)
    assert (movie.backdrop, movie.duration_secs) == ("http://img.test/b.jpg", 5640)


def test_a_category_gone_upstream_is_deleted_and_its_titles_stay_without_one(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    sync_catalogue(xtream_client)
    del fake_provider.catalogue.movie_categories["2"]

    result = sync_catalogue(xtream_client)

    assert result.categories == 2
    assert not Category.objects.filter(kind="movie", provider_id="2").exists()
    assert VodStream.objects.get(pk=3).category is None


def test_a_provider_error_keeps_the_catalogue_and_records_the_error(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    sync_catalogue(xtream_client)
    first = ProviderSettings.load()
    fake_provider.remove_movie(3)
    fake_provider.fail_next_api(count=1, status=503, action="get_series")

    with pytest.raises(XtreamError):
        sync_catalogue(xtream_client)

    assert VodStream.objects.count() == 3
    row = ProviderSettings.load()
    assert "503" in row.last_sync_error
    assert row.last_sync_at == first.last_sync_at
    assert row.last_sync_counts == first.last_sync_counts


def test_a_rejected_login_is_recorded_without_the_password(fake_provider: FakeProvider) -> None:
    with (
        XtreamClient(fake_provider.base_url, "tester", "wrong-pass") as client,
        pytest.raises(XtreamAuthError),
    ):
        sync_catalogue(client)

    error = ProviderSettings.load().last_sync_error
    assert "rejected" in error
    assert "wrong-pass" not in error


def test_the_next_successful_sync_clears_the_recorded_error(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    fake_provider.fail_next_api(count=1, status=500)
    with pytest.raises(XtreamError):
        sync_catalogue(xtream_client)

    sync_catalogue(xtream_client)

    row = ProviderSettings.load()
    assert row.last_sync_error == ""
    assert row.last_sync_counts["movies"] == 3


class ListingWithDuplicates:
    """A provider that lists one movie in two categories, as many panels do."""

    def vod_categories(self) -> list[xtream.Category]:
        return [xtream.Category("1", "Drama"), xtream.Category("2", "Classics")]

    def series_categories(self) -> list[xtream.Category]:
        return []

    def vod_stream_listing(self) -> AbstractContextManager[list[xtream.VodStream]]:
        return nullcontext([_stream(7, "Metropolis", "1"), _stream(7, "Metropolis", "2")])

    def series_listing(self) -> AbstractContextManager[list[xtream.SeriesSummary]]:
        return nullcontext([])


def _stream(stream_id: int, name: str, category_id: str) -> xtream.VodStream:
    return xtream.VodStream(stream_id, name, category_id, None, None, None, None, "mp4")


def test_a_title_listed_twice_is_stored_once() -> None:
    result = sync_catalogue(ListingWithDuplicates())

    assert result.movies_created == 1
    assert VodStream.objects.get(pk=7).category.provider_id == "1"  # type: ignore[union-attr]


def test_sync_now_refuses_while_another_sync_runs(provider_in_env: FakeProvider) -> None:
    ProviderSettings.load()
    ProviderSettings.objects.update(last_sync_started_at=timezone.now())

    with pytest.raises(SyncAlreadyRunning):
        sync_now()


def test_sync_now_without_a_provider_says_none_is_configured() -> None:
    with pytest.raises(ProviderNotConfigured, match="No provider is configured"):
        sync_now()


def test_the_scheduled_sync_runs_when_due_and_not_again_within_the_interval(
    provider_in_env: FakeProvider,
) -> None:
    first = sync_catalogue_if_due(timedelta(hours=6))
    second = sync_catalogue_if_due(timedelta(hours=6))

    assert first is not None and first.movies == 3
    assert second is None
    assert provider_in_env.api_calls("get_vod_streams") == 1


def test_the_scheduled_sync_runs_again_once_the_interval_has_passed(
    provider_in_env: FakeProvider,
) -> None:
    sync_catalogue_if_due(timedelta(hours=6))
    earlier = timezone.now() - timedelta(hours=7)
    ProviderSettings.objects.update(last_sync_started_at=earlier, last_sync_finished_at=earlier)

    assert sync_catalogue_if_due(timedelta(hours=6)) is not None


def test_two_workers_never_sync_at_once(provider_in_env: FakeProvider) -> None:
    ProviderSettings.load()
    # Another worker claimed the sync a moment ago and has not finished.
    ProviderSettings.objects.update(last_sync_started_at=timezone.now() - timedelta(seconds=5))

    assert sync_catalogue_if_due(0) is None
    assert provider_in_env.api_calls() == 0


def test_a_sync_abandoned_by_a_dead_worker_does_not_block_forever(
    provider_in_env: FakeProvider,
) -> None:
    ProviderSettings.load()
    ProviderSettings.objects.update(last_sync_started_at=timezone.now() - timedelta(hours=2))

    assert sync_catalogue_if_due(timedelta(minutes=30)) is not None


def test_the_scheduled_sync_does_nothing_without_a_provider() -> None:
    assert sync_catalogue_if_due(0) is None


def test_a_failing_scheduled_sync_is_recorded_and_returns_nothing(
    provider_in_env: FakeProvider,
) -> None:
    provider_in_env.fail_next_api(count=1, status=503)

    assert sync_catalogue_if_due(0) is None
    assert "503" in ProviderSettings.load().last_sync_error


def test_a_list_that_breaks_off_half_way_changes_nothing(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    sync_catalogue(xtream_client)
    # More new titles than one batch, so some are written before the body breaks off.
    entries = [{"stream_id": 1, "name": "Renamed"}]
    entries += [{"stream_id": n, "name": f"New {n}"} for n in range(100, 100 + BATCH_SIZE)]
    fake_provider.set_api_response("get_vod_streams", json.dumps(entries)[:-1] + ', {"stream_id')

    with pytest.raises(XtreamError, match="not JSON"):
        sync_catalogue(xtream_client)

    assert sorted(VodStream.objects.values_list("pk", flat=True)) == [1, 2, 3]
    assert VodStream.objects.get(pk=1).name == "Nosferatu"
    assert "not JSON" in ProviderSettings.load().last_sync_error


def test_a_sync_rewrites_only_the_titles_that_changed(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    sync_catalogue(xtream_client)
    long_ago = timezone.now() - timedelta(days=30)
    VodStream.objects.update(synced_at=long_ago)
    Series.objects.update(synced_at=long_ago)
    fake_provider.add_movie(2, "Metropolis (Restored)", ext="mkv", year=1927, rating=8.3)

    result = sync_catalogue(xtream_client)

    assert (result.movies_updated, result.series_updated) == (3, 1)
    changed = VodStream.objects.exclude(synced_at=long_ago)
    assert [(m.pk, m.name) for m in changed] == [(2, "Metropolis (Restored)")]
    assert Series.objects.get().synced_at == long_ago


def _indexes(model: type[Any]) -> set[str]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return {name for name, info in found.items() if info["index"]}


def test_a_first_sync_builds_the_indexes_again_after_filling_the_tables(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    wanted = {index.name for index in VodStream._meta.indexes}
    fake_provider.set_api_response("get_vod_streams", '[{"stream_id": 1, "name": "A"}, {"s')
    with pytest.raises(XtreamError):
        sync_catalogue(xtream_client)
    assert wanted <= _indexes(VodStream)  # rolled back with the rows

    fake_provider.clear_api_responses()
    sync_catalogue(xtream_client)

    assert wanted <= _indexes(VodStream)
    assert {index.name for index in Series._meta.indexes} <= _indexes(Series)
