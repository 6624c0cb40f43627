"""What a sync writes for each title: the columns, and a provider's title as one row of them.

Rows are plain tuples in the fields' order, as ``upsert.replace_rows`` writes them in
batches (``sync.py`` streams the provider's lists through these).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from vodarr.catalog.models import NAME_MAX, Kind, fold
from vodarr.integrations import xtream
from vodarr.integrations.xtream.names import group_key

# Every column a sync writes for a new title, in the order movie_row/series_row build them.
MOVIE_FIELDS = (
    "stream_id",
    "name",
    "search_name",
    "poster",
    "backdrop",
    "rating",
    "added",
    "category",
    "container_extension",
    "year",
    "plot",
    "genre",
    "duration_secs",
    "tmdb_id",
    "synced_at",
    "group_key",
)
# What a sync refreshes on a known title: backdrop and duration come from get_vod_info only
# (the movie page fills them in), so the list must not blank them.
MOVIE_SYNC_FIELDS = tuple(
    f for f in MOVIE_FIELDS if f not in ("stream_id", "backdrop", "duration_secs")
)
SERIES_FIELDS = (
    "series_id",
    "name",
    "search_name",
    "poster",
    "backdrop",
    "rating",
    "plot",
    "genre",
    "cast",
    "director",
    "year",
    "last_modified",
    "category",
    "synced_at",
    "group_key",
)
SERIES_SYNC_FIELDS = SERIES_FIELDS[1:]
# A known title is rewritten only when one of these changed; synced_at then says when.
MOVIE_COMPARED_FIELDS = tuple(f for f in MOVIE_SYNC_FIELDS if f != "synced_at")
SERIES_COMPARED_FIELDS = tuple(f for f in SERIES_SYNC_FIELDS if f != "synced_at")


def movie_row(
    movie: xtream.VodStream, categories: dict[tuple[str, str], int], now: datetime
) -> tuple[Any, ...]:
    name = movie.name[:NAME_MAX]
    return (  # in MOVIE_FIELDS order
        movie.stream_id,
        name,
        fold(name),
        movie.poster or "",
        "",
        movie.rating,
        movie.added,
        categories.get((Kind.MOVIE, (movie.category_id or "")[:64])),
        (movie.container_extension or "")[:16],
        movie.year,
        movie.plot,
        movie.genre[:NAME_MAX],
        None,
        (movie.tmdb_id or "")[:32],
        now,
        group_key(movie.name, movie.year, movie.tmdb_id),
    )


def series_row(
    show: xtream.SeriesSummary, categories: dict[tuple[str, str], int], now: datetime
) -> tuple[Any, ...]:
    name = show.name[:NAME_MAX]
    return (  # in SERIES_FIELDS order
        show.series_id,
        name,
        fold(name),
        show.poster or "",
        show.backdrop or "",
        show.rating,
        show.plot,
        show.genre[:NAME_MAX],
        show.cast,
        show.director[:NAME_MAX],
        show.year,
        show.last_modified,
        categories.get((Kind.SERIES, (show.category_id or "")[:64])),
        now,
        group_key(show.name, show.year, show.tmdb_id),
    )
