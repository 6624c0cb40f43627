"""Catalogue fixtures: Django settings pointed at the fake provider, and title factories."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.fakes import FakeProvider
from vodarr.catalog.models import Category, Kind, Series, VodStream, fold
from vodarr.catalog.provider import forget_client


@pytest.fixture(autouse=True)
def _no_configured_provider(settings: Any) -> Iterator[None]:
    # Tests start from "nothing configured" whatever the developer's .env says.
    settings.XTREAM_BASE_URL = ""
    settings.XTREAM_USERNAME = ""
    settings.XTREAM_PASSWORD = ""
    settings.VODARR_DEMO_MODE = False
    forget_client()
    yield
    forget_client()


@pytest.fixture
def provider_in_env(settings: Any, fake_provider: FakeProvider) -> FakeProvider:
    """The fake provider, configured through the XTREAM_* settings."""
    settings.XTREAM_BASE_URL = fake_provider.base_url
    settings.XTREAM_USERNAME = fake_provider.username
    settings.XTREAM_PASSWORD = fake_provider.password
    return fake_provider


EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


@pytest.fixture
def make_movie(db: None) -> Callable[..., VodStream]:
    def make(stream_id: int, name: str, **fields: Any) -> VodStream:
        fields.setdefault("added", EPOCH + timedelta(days=stream_id))
        return VodStream.objects.create(
            stream_id=stream_id, name=name, search_name=fold(name), **fields
        )

    return make


@pytest.fixture
def make_series(db: None) -> Callable[..., Series]:
    def make(series_id: int, name: str, **fields: Any) -> Series:
        fields.setdefault("last_modified", EPOCH + timedelta(days=series_id))
        return Series.objects.create(
            series_id=series_id, name=name, search_name=fold(name), **fields
        )

    return make


@pytest.fixture
def make_category(db: None) -> Callable[..., Category]:
    def make(provider_id: str, name: str, kind: str = Kind.MOVIE) -> Category:
        return Category.objects.create(kind=kind, provider_id=provider_id, name=name)

    return make
