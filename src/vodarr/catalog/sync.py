"""Copying the provider's catalogue into the database: categories, movies and series.

Everything is fetched from the provider first and only then written, in one transaction:
a provider error (or a database error) leaves yesterday's catalogue exactly as it was. The
two big lists wait in temporary files and are parsed one entry at a time while rows are
upserted in batches (``INSERT … ON CONFLICT DO UPDATE``, skipping unchanged rows), so a
200,000-title catalogue never sits in memory whole; titles the provider no longer lists are
deleted. ``make bench`` measures it (benchmarks/bench_catalog.py).

Only one sync runs at a time across every process: ``sync_now`` and ``sync_catalogue_if_due``
claim it with a conditional UPDATE on the ``ProviderSettings`` row.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager, ExitStack
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from vodarr.catalog import search_index
from vodarr.catalog.groups import refresh_groups
from vodarr.catalog.models import (
    NAME_MAX,
    Category,
    Kind,
    ProviderSettings,
    Series,
    VodStream,
)
from vodarr.catalog.provider import configured_provider, provider_client
from vodarr.catalog.rows import (
    MOVIE_COMPARED_FIELDS,
    MOVIE_FIELDS,
    MOVIE_SYNC_FIELDS,
    SERIES_COMPARED_FIELDS,
    SERIES_FIELDS,
    SERIES_SYNC_FIELDS,
    movie_row,
    series_row,
)
from vodarr.catalog.upsert import BATCH_SIZE, batches, large_cache, replace_rows
from vodarr.integrations import xtream
from vodarr.integrations.xtream import XtreamError

logger = logging.getLogger("vodarr.catalog")

DEFAULT_SYNC_INTERVAL = timedelta(hours=6)
# A sync that started this long ago and never finished belongs to a process that died.
STALE_SYNC_AFTER = timedelta(hours=1)


class CatalogueSource(Protocol):
    """What a sync needs from a provider; ``XtreamClient`` is one.

    The listings are fetched when called and parsed while iterated (``xtream.Listing``).
    """

    def vod_categories(self) -> list[xtream.Category]: ...

    def series_categories(self) -> list[xtream.Category]: ...

    def vod_stream_listing(self) -> AbstractContextManager[Iterable[xtream.VodStream]]: ...

    def series_listing(self) -> AbstractContextManager[Iterable[xtream.SeriesSummary]]: ...


class SyncAlreadyRunning(Exception):
    """Another process (or request) is syncing right now."""

    message = detail = "A catalogue sync is already running; try again in a minute."

    def __init__(self) -> None:
        super().__init__(self.message)


@dataclass(frozen=True)
class SyncResult:
    categories: int
    movies_created: int
    movies_updated: int
    movies_removed: int
    series_created: int
    series_updated: int
    series_removed: int
    seconds: float

    @property
    def movies(self) -> int:
        """Movies in the catalogue after the sync."""
        return self.movies_created + self.movies_updated

    @property
    def series(self) -> int:
        """Series in the catalogue after the sync."""
        return self.series_created + self.series_updated

    def as_dict(self) -> dict[str, Any]:
        counts = asdict(self)
        counts["seconds"] = round(self.seconds, 2)
        counts["movies"] = self.movies
        counts["series"] = self.series
        return counts

    def summary(self) -> str:
        return (
            f"{self.movies} movies ({self.movies_created} new, {self.movies_updated} updated, "
            f"{self.movies_removed} removed), {self.series} series ({self.series_created} new, "
            f"{self.series_updated} updated, {self.series_removed} removed), "
            f"{self.categories} categories in {self.seconds:.1f} s"
        )


@dataclass(frozen=True)
class _Fetched:
    movie_categories: list[xtream.Category]
    series_categories: list[xtream.Category]
    movies: Iterable[xtream.VodStream]
    series: Iterable[xtream.SeriesSummary]


def sync_catalogue(client: CatalogueSource) -> SyncResult:
    """Bring the local catalogue in line with the provider; records the outcome.

    Raises ``XtreamError`` (after recording it) when the provider fails; nothing is changed
    then. Does not claim the sync: use ``sync_now`` where another sync may be running.
    """
    started_at = timezone.now()
    clock = time.monotonic()
    _settings_row()
    _record(last_sync_started_at=started_at)
    try:
        with ExitStack() as listings:
            fetched = _Fetched(
                movie_categories=client.vod_categories(),
                series_categories=client.series_categories(),
                movies=listings.enter_context(client.vod_stream_listing()),
                series=listings.enter_context(client.series_listing()),
            )
            # A body that stops being JSON half-way raises in here: the transaction undoes
            # whatever the entries before it had written.
            with large_cache(), transaction.atomic():
                result = _apply(fetched, started_at, clock)
    except XtreamError as error:
        # Recorded, not logged: the caller reports it (command line, flash, worker log).
        # The detail names the provider's host: only administrators see the Settings page.
        _record_failure(error.detail)
        raise
    except DatabaseError:
        logger.exception("Catalogue sync could not write to the database")
        _record_failure("The catalogue could not be saved to the database (see the log).")
        raise
    except Exception:
        logger.exception("Catalogue sync failed unexpectedly")
        _record_failure("The catalogue sync failed unexpectedly (see the log).")
        raise
    finished_at = timezone.now()
    _record(
        last_sync_finished_at=finished_at,
        last_sync_at=finished_at,
        last_sync_counts=result.as_dict(),
        last_sync_error="",
    )
    logger.info("Catalogue synced: %s.", result.summary())
    return result


def sync_now() -> SyncResult:
    """Claim the sync and run it against the configured provider (Settings button, command).

    Raises ``SyncAlreadyRunning``, or ``XtreamError`` (including ``ProviderNotConfigured``).
    """
    client = provider_client()
    if not _claim(timezone.now()):
        raise SyncAlreadyRunning()
    return sync_catalogue(client)


def sync_catalogue_if_due(interval: timedelta | float) -> SyncResult | None:
    """The worker's scheduled sync: runs when the last one started ``interval`` ago or more.

    Returns None when no provider is configured, when it is not due, when another process
    holds the sync, or when the provider failed (logged and recorded, retried next interval).
    """
    if configured_provider() is None:
        return None
    if not isinstance(interval, timedelta):
        interval = timedelta(seconds=interval)
    now = timezone.now()
    if not _claim(now, due_before=now - interval):
        return None
    try:
        return sync_catalogue(provider_client())
    except XtreamError as error:
        # provider_client() refusing the configuration is recorded here too, where admins look.
        _record_failure(error.detail)
        logger.warning("Scheduled catalogue sync failed: %s", error.detail)
        return None


def scheduled_sync_interval() -> timedelta:
    """How often the worker syncs: ``CATALOG_SYNC_INTERVAL_SECONDS`` (default 6 hours)."""
    seconds = getattr(settings, "CATALOG_SYNC_INTERVAL_SECONDS", None)
    return timedelta(seconds=seconds) if seconds else DEFAULT_SYNC_INTERVAL


# --- claiming ---------------------------------------------------------------------------------


def _claim(now: datetime, due_before: datetime | None = None) -> bool:
    """Mark a sync as started unless one is running (or, with ``due_before``, ran recently)."""
    _settings_row()
    not_running = (
        Q(last_sync_started_at__isnull=True)
        | Q(last_sync_finished_at__gte=F("last_sync_started_at"))
        | Q(last_sync_started_at__lt=now - STALE_SYNC_AFTER)
    )
    condition = not_running
    if due_before is not None:
        condition &= Q(last_sync_started_at__isnull=True) | Q(last_sync_started_at__lt=due_before)
    claimed = (
        ProviderSettings.objects.filter(pk=ProviderSettings.SINGLETON_PK)
        .filter(condition)
        .update(last_sync_started_at=now)
    )
    return claimed == 1


def _settings_row() -> ProviderSettings:
    return ProviderSettings.load()


def _record(**fields: Any) -> None:
    ProviderSettings.objects.filter(pk=ProviderSettings.SINGLETON_PK).update(**fields)


def _record_failure(message: str) -> None:
    _record(last_sync_finished_at=timezone.now(), last_sync_error=message)


# --- writing ----------------------------------------------------------------------------------


def _apply(fetched: _Fetched, now: datetime, clock: float) -> SyncResult:
    categories = _sync_categories(fetched, now)
    search_index.pause()
    movies = replace_rows(
        VodStream,
        MOVIE_FIELDS,
        (movie_row(m, categories, now) for m in fetched.movies),
        MOVIE_SYNC_FIELDS,
        MOVIE_COMPARED_FIELDS,
    )
    shows = replace_rows(
        Series,
        SERIES_FIELDS,
        (series_row(s, categories, now) for s in fetched.series),
        SERIES_SYNC_FIELDS,
        SERIES_COMPARED_FIELDS,
    )
    search_index.resume(rebuild=movies.changed or shows.changed)
    wanted = _category_keys(fetched)
    stale = [pk for key, pk in categories.items() if key not in wanted]
    for batch in batches(stale, 500):
        Category.objects.filter(pk__in=batch).delete()
    # Variants: one card per title (groups.py). Only titles written or removed, or moved out
    # of a deleted category, change a group: a sync where nothing changed skips the work.
    for model, replaced in ((VodStream, movies), (Series, shows)):
        if replaced.changed or stale:
            refresh_groups(model)
    if movies.changed or shows.changed or stale:
        ProviderSettings.objects.filter(pk=ProviderSettings.SINGLETON_PK).update(
            catalogue_version=F("catalogue_version") + 1
        )
    return SyncResult(
        categories=len(categories) - len(stale),
        movies_created=movies.created,
        movies_updated=movies.updated,
        movies_removed=movies.removed,
        series_created=shows.created,
        series_updated=shows.updated,
        series_removed=shows.removed,
        seconds=time.monotonic() - clock,
    )


def _category_keys(fetched: _Fetched) -> set[tuple[str, str]]:
    return {(Kind.MOVIE, c.id[:64]) for c in fetched.movie_categories} | {
        (Kind.SERIES, c.id[:64]) for c in fetched.series_categories
    }


def _sync_categories(fetched: _Fetched, now: datetime) -> dict[tuple[str, str], int]:
    """Upsert every category; returns the primary keys of all rows, stale ones included."""
    unique: dict[tuple[str, str], Category] = {}
    for kind, items in (
        (Kind.MOVIE, fetched.movie_categories),
        (Kind.SERIES, fetched.series_categories),
    ):
        for c in items:
            row = Category(kind=kind, provider_id=c.id[:64], name=c.name[:NAME_MAX], synced_at=now)
            unique.setdefault((kind, row.provider_id), row)
    Category.objects.bulk_create(
        list(unique.values()),
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["kind", "provider_id"],
        update_fields=["name", "synced_at"],
    )
    return {
        (kind, pid): pk
        for pk, kind, pid in Category.objects.values_list("pk", "kind", "provider_id")
    }
