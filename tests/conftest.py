"""Shared fixtures: users, real aria2c and the fake provider, for every test directory."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from vodarr.ops.privacy import use_private_umask

if TYPE_CHECKING:
    from vodarr.downloads.gateway import Aria2Gateway

pytest_plugins = [
    "tests.fixtures.users",
    "tests.fixtures.aria2",
    "tests.fixtures.provider",
    "tests.fixtures.catalog",
    "tests.fixtures.server",
    "tests.fixtures.browser",
    "tests.fixtures.videos",
    "tests.fixtures.recorder",
]


@pytest.fixture(autouse=True)
def aria2_gateway() -> Iterator[Aria2Gateway]:
    """Each test gets a fresh gateway to aria2 (its client, its connection-limit state)."""
    # Imported here: Django's apps are ready only once pytest-django has set them up.
    from django.apps import apps

    from vodarr.downloads.gateway import Aria2Gateway

    config = apps.get_app_config("downloads")
    previous = config.gateway  # type: ignore[attr-defined]
    config.gateway = fresh = Aria2Gateway()  # type: ignore[attr-defined]
    yield fresh
    fresh.close()
    config.gateway = previous  # type: ignore[attr-defined]


@pytest.fixture(scope="session", autouse=True)
def _collect_before_dropping(django_db_setup: None) -> Iterator[None]:
    """Garbage-collect before the test databases are dropped (this teardown runs first).

    A finished thread's database connection can sit in a reference cycle (Django's wrapper
    is in one) until the collector reaches it, still open: on PostgreSQL, dropping the test
    database then failed with "being accessed by other users" (stop 20 and 21's CI), and by
    the end of the session nothing in the process held a connection any more."""
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Each test starts with an empty cache: ids come back after a rolled-back test, so a
    value cached under a user id and counter version (the Downloads counts) could outlive it."""
    from django.core.cache import cache

    cache.clear()
    yield


def pytest_configure() -> None:
    # As the `vodarr` command does: test databases land in ./data and must stay private too.
    use_private_umask()
