"""Library page fixtures: the fake provider in settings, and download rows."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

import pytest

from tests.fakes import FakeProvider
from tests.fixtures.catalog import EPOCH
from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, MediaType, Status


@pytest.fixture(autouse=True)
def _start_without_provider(no_configured_provider: None) -> None:
    """Tests here configure the provider themselves (`provider`) when they need one."""


@pytest.fixture
def provider(provider_in_env: FakeProvider) -> FakeProvider:
    """The fake provider (see tests/fixtures/provider.py), configured through XTREAM_*."""
    return provider_in_env


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
