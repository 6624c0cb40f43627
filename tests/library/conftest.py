"""Library page fixtures: the fake provider in settings, titles, categories and downloads."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.fakes import FakeProvider
from vodarr.accounts.models import User
from vodarr.catalog.models import Category, Kind, Series, VodStream, fold
from vodarr.catalog.provider import forget_client
from vodarr.downloads.models import MediaDownloadRef, MediaType, Status

EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


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
def provider(settings: Any, fake_provider: FakeProvider) -> FakeProvider:
    """The fake provider (see tests/fixtures/provider.py), configured through XTREAM_*."""
    settings.XTREAM_BASE_URL = fake_provider.base_url
    settings.XTREAM_USERNAME = fake_provider.username
    settings.XTREAM_PASSWORD = fake_provider.password
    return fake_provider


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


@pytest.fixture
def make_download(db: None) -> Callable[..., MediaDownloadRef]:
    """A download row as the starting code leaves it, without asking aria2."""

    def make(
        user: User,
        media_id: int,
        *,
        episode: tuple[int, int, str] | None = None,
        status: str = Status.ACTIVE,
        canceled: bool = False,
        title: str = "A Title",
        **fields: Any,
    ) -> MediaDownloadRef:
        season, number, episode_id = episode or (None, None, None)
        return MediaDownloadRef.objects.create(
            gid=secrets.token_hex(8),
            user=user,
            downloadable_type=MediaType.SERIES if episode else MediaType.VOD_STREAM,
            downloadable_id=media_id,
            episode_id=episode_id,
            season=season,
            episode=number,
            title=title,
            output_path=f"Movies/{title}/{title}.mp4",
            status=status,
            canceled_at=EPOCH if canceled else None,
            **fields,
        )

    return make
