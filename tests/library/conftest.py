"""Library page fixtures: the fake provider in settings, and download rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.fakes import FakeProvider
from tests.fixtures import downloads
from vodarr.downloads.models import MediaDownloadRef


@pytest.fixture(autouse=True)
def _start_without_provider(no_configured_provider: None) -> None:
    """Tests here configure the provider themselves (`provider`) when they need one."""


@pytest.fixture
def provider(provider_in_env: FakeProvider) -> FakeProvider:
    """The fake provider (see tests/fixtures/provider.py), configured through XTREAM_*."""
    return provider_in_env


@pytest.fixture
def make_download(db: None) -> Callable[..., MediaDownloadRef]:
    """A download (request and transfer) as the starting code leaves it, without aria2."""
    return downloads.make_download
