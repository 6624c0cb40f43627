"""Library pages: browsing movies and series, a title's detail page, search and suggestions.

Browse pages are paginators whose URLs carry ``as_of``: the epoch second (rounded up) of the
newest title the first page saw. Every page of one listing filters on it, so titles a sync
adds while someone pages through do not shift pages 2, 3… (undated titles count as old).
Detail pages ask the provider (``vod_info``/``series_info``, cached by the client, so the
Download click that follows costs no extra call) and fall back to the catalogue row, with
``providerError`` set, when the provider cannot answer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from inertia import render

from vodarr.accounts.models import User
from vodarr.catalog import browse, preferences
from vodarr.catalog.badges import with_badges
from vodarr.catalog.models import Category, Kind, Series, VodStream
from vodarr.catalog.provider import provider_client
from vodarr.catalog.title_extras import technical_props
from vodarr.downloads.listing import download_badges, latest_downloads_of
from vodarr.downloads.models import MediaType
from vodarr.downloads.paths import plain_episode_title
from vodarr.integrations.xtream import SeriesInfo, VodInfo, XtreamError, XtreamNotFound
from vodarr.monitoring.listing import series_monitor
from vodarr.variants.offers import movie_offers, series_offers
from vodarr.web.views import render_error

PER_PAGE = 20
MAX_QUERY_LENGTH = 100
SEARCH_LIMIT = 40
SUGGEST_LIMIT = 8
MOVIE_GONE = "This movie is no longer available from the provider."
SERIES_GONE = "This series is no longer available from the provider."
_MAX_ID_DIGITS = 18  # fits a signed 64-bit column


# --- browse -----------------------------------------------------------------------------------


@require_GET
def movies_index(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    categories, hidden = preferences.browse_choices(user, Kind.MOVIE)
    query = _browse_query(request, categories, hidden)
    movies = _paginator("/movies", query, browse.browse_movies, browse.newest_movie_added)
    with_badges(user, movies["data"])
    return render(
        request,
        "movies/index",
        {
            "movies": movies,
            "categories": categories,
            "filters": query.filters(),
        },
    )


@require_GET
def series_index(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    categories, hidden = preferences.browse_choices(user, Kind.SERIES)
    query = _browse_query(request, categories, hidden)
    shows = _paginator("/series", query, browse.browse_series, browse.newest_series_modified)
    with_badges(user, shows["data"])
    return render(
        request,
        "series/index",
        {
            "series": shows,
            "categories": categories,
            "filters": query.filters(),
        },
    )


@dataclass(frozen=True)
class BrowseQuery:
    """A browse page's query string, cleaned: anything unusable is simply left out."""

    category: int | None
    sort: str
    page: int
    as_of: int | None  # epoch seconds
    hidden: list[int]  # categories the person does not see

    def filters(self) -> dict[str, Any]:
        category = str(self.category) if self.category is not None else None
        return {"category": category, "sort": self.sort}


def _browse_query(
    request: HttpRequest, menu: list[dict[str, Any]], hidden: list[int]
) -> BrowseQuery:
    """``menu``: the categories the person may pick (a hidden or unknown one is ignored)."""
    category = _positive_int(request.GET.get("category"))
    if category is not None and category not in {entry["id"] for entry in menu}:
        category = None
    sort = request.GET.get("sort", "")
    return BrowseQuery(
        category=category,
        sort=sort if sort in browse.SORTS else browse.DEFAULT_SORT,
        page=_positive_int(request.GET.get("page")) or 1,
        as_of=_epoch_seconds(request.GET.get("as_of")),
        hidden=hidden,
    )


def _paginator(
    path: str,
    query: BrowseQuery,
    fetch: Callable[..., browse.BrowsePage],
    newest: Callable[[], datetime | None],
) -> dict[str, Any]:
    """The paginator prop; a page past the end shows the last page instead."""
    as_of = query.as_of
    if as_of is None:
        latest = newest()
        as_of = math.ceil(latest.timestamp()) if latest is not None else None
    cutoff = datetime.fromtimestamp(as_of, UTC) if as_of is not None else None
    result = fetch(
        query.category, query.sort, query.page, PER_PAGE, as_of=cutoff, hidden=query.hidden
    )
    if result.page > result.num_pages:
        result = fetch(
            query.category,
            query.sort,
            result.num_pages,
            PER_PAGE,
            as_of=cutoff,
            hidden=query.hidden,
        )
    first = (result.page - 1) * PER_PAGE + 1

    def url(number: int) -> str:
        params: dict[str, Any] = {}
        if query.category is not None:
            params["category"] = query.category
        params["sort"] = query.sort
        if as_of is not None:
            params["as_of"] = as_of
        params["page"] = number
        return f"{path}?{urlencode(params)}"

    return {
        "data": result.items,
        "current_page": result.page,
        "last_page": result.num_pages,
        "per_page": PER_PAGE,
        "total": result.total,
        "from": first if result.items else None,
        "to": first + len(result.items) - 1 if result.items else None,
        "next_page_url": url(result.page + 1) if result.has_next else None,
        "prev_page_url": url(result.page - 1) if result.page > 1 else None,
    }


# --- detail pages -----------------------------------------------------------------------------


@require_GET
def movie_detail(request: HttpRequest, stream_id: str) -> HttpResponse:
    sid = _title_id(stream_id)
    if sid is None:
        return render_error(request, 404)
    row = VodStream.objects.select_related("category").filter(pk=sid).first()
    info: VodInfo | None = None
    problem: str | None = None
    try:
        info = provider_client().vod_info(sid)
    except XtreamNotFound:
        return render_error(request, 404, MOVIE_GONE)
    except XtreamError as error:
        if row is None:
            return render_error(request, 503, error.message)
        problem = error.message
    _remember_movie_details(row, info)
    user: User = request.user  # type: ignore[assignment]
    return render(
        request,
        "movies/show",
        {
            "movie": _movie_props(sid, row, info),
            "download": latest_downloads_of(user, MediaType.VOD_STREAM, sid).get(None),
            **movie_offers(user, row),
            # The shared file: "on the server" even when someone else downloaded it.
            "badge": download_badges(user, movie_ids=[sid])["movies"].get(sid),
            "providerError": problem,
        },
    )


@require_GET
def series_detail(request: HttpRequest, series_id: str) -> HttpResponse:
    sid = _title_id(series_id)
    if sid is None:
        return render_error(request, 404)
    row = Series.objects.filter(pk=sid).first()
    info: SeriesInfo | None = None
    problem: str | None = None
    try:
        info = provider_client().series_info(sid)
    except XtreamNotFound:
        return render_error(request, 404, SERIES_GONE)
    except XtreamError as error:
        if row is None:
            return render_error(request, 503, error.message)
        problem = error.message
    user: User = request.user  # type: ignore[assignment]
    return render(
        request,
        "series/show",
        {
            "series": _series_props(sid, row, info),
            "seasons": (
                _seasons_props(
                    info,
                    latest_downloads_of(user, MediaType.SERIES, sid),
                    download_badges(user, series_ids=[sid], episodes=True)["episodes"],
                )
                if info is not None
                else []
            ),
            "variants": series_offers(user, row),
            "providerError": problem,
            "monitor": series_monitor(user, sid, timezone.now()),
        },
    )


def _movie_props(sid: int, row: VodStream | None, info: VodInfo | None) -> dict[str, Any]:
    category = row.category if row is not None else None
    if category is None and info is not None and info.category_id:
        category = Category.objects.filter(kind=Kind.MOVIE, provider_id=info.category_id).first()
    stored = row or VodStream(stream_id=sid)
    if info is None:
        return {
            "id": sid,
            "name": stored.name,
            "poster": stored.poster or None,
            "backdrop": stored.backdrop or None,
            "plot": stored.plot,
            "year": stored.year,
            "rating": stored.rating,
            "durationSecs": stored.duration_secs,
            "genre": stored.genre,
            "cast": "",
            "director": "",
            "releaseDate": None,
            "containerExtension": stored.container_extension or None,
            "category": _category_props(category),
            "trailer": None,
            "technical": None,
        }
    return {
        "id": sid,
        "name": info.name or stored.name,
        "poster": info.poster or stored.poster or None,
        "backdrop": info.backdrop or stored.backdrop or None,
        "plot": info.plot or stored.plot,
        "year": info.year or stored.year,
        "rating": info.rating if info.rating is not None else stored.rating,
        "durationSecs": info.duration_secs or stored.duration_secs,
        "genre": info.genre or stored.genre,
        "cast": info.cast,
        "director": info.director,
        "releaseDate": info.release_date,
        "containerExtension": info.container_extension or stored.container_extension or None,
        "category": _category_props(category),
        "trailer": info.trailer,
        "technical": technical_props(info.technical),
    }


def _series_props(sid: int, row: Series | None, info: SeriesInfo | None) -> dict[str, Any]:
    stored = row or Series(series_id=sid)
    source: Series | SeriesInfo = info if info is not None else stored
    return {
        "id": sid,
        "name": source.name or stored.name,
        "poster": source.poster or stored.poster or None,
        "backdrop": source.backdrop or stored.backdrop or None,
        "plot": source.plot or stored.plot,
        "year": source.year or stored.year,
        "rating": source.rating if source.rating is not None else stored.rating,
        "genre": source.genre or stored.genre,
        "cast": source.cast or stored.cast,
        "director": source.director or stored.director,
        "trailer": info.trailer if info is not None else None,
    }


def _seasons_props(
    info: SeriesInfo,
    downloads: dict[str | None, dict[str, Any]],
    badges: dict[Any, dict[str, Any]],
) -> list[dict[str, Any]]:
    """Seasons in order, each with its episodes in order (the client sorts them already).

    An episode's title is its own ("Syllabus"), without the show's name and code that
    panels often repeat in it; ``download`` is the person's request, ``badge`` the file's
    state on the server whoever asked for it.
    """
    names = {season.season_number: season.name for season in info.seasons}
    ordered = sorted(info.episodes, key=lambda e: (e.season, e.episode_num))
    return [
        {
            "number": number,
            "name": names.get(number) or (f"Season {number}" if number else "Specials"),
            "episodes": [
                {
                    "id": episode.id,
                    "season": episode.season,
                    "episode": episode.episode_num,
                    "title": plain_episode_title(
                        info.name, episode.season, episode.episode_num, episode.title
                    )
                    or None,
                    "durationSecs": episode.duration_secs,
                    "plot": episode.plot,
                    "image": episode.image,
                    "technical": technical_props(episode.technical),
                    "download": downloads.get(episode.id),
                    "badge": badges.get(episode.id),
                }
                for episode in episodes
            ],
        }
        for number, episodes in groupby(ordered, key=lambda e: e.season)
    ]


def _category_props(category: Category | None) -> dict[str, Any] | None:
    return {"id": category.pk, "name": category.name} if category is not None else None


def _remember_movie_details(row: VodStream | None, info: VodInfo | None) -> None:
    """Keep what only ``vod_info`` knows, so the page still has it when the provider is down."""
    if row is None or info is None:
        return
    backdrop = info.backdrop or row.backdrop
    duration = info.duration_secs or row.duration_secs
    if (backdrop, duration) != (row.backdrop, row.duration_secs):
        VodStream.objects.filter(pk=row.pk).update(backdrop=backdrop, duration_secs=duration)


# --- search -----------------------------------------------------------------------------------


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    q = _search_text(request)
    hidden = preferences.hidden_category_ids(request.user) if q else []  # type: ignore[arg-type]
    movies = browse.search_movies(q, SEARCH_LIMIT, hidden=hidden)
    shows = browse.search_series(q, SEARCH_LIMIT, hidden=hidden)
    with_badges(request.user, movies, shows)  # type: ignore[arg-type]
    return render(request, "search", {"q": q, "movies": movies, "series": shows})


@require_GET
def search_suggest(request: HttpRequest) -> HttpResponse:
    q = _search_text(request)
    hidden = preferences.hidden_category_ids(request.user) if q else []  # type: ignore[arg-type]
    return JsonResponse({"results": browse.search_titles(q, SUGGEST_LIMIT, hidden=hidden)})


def _search_text(request: HttpRequest) -> str:
    """The query, cut to a sane length; characters SQLite cannot bind become spaces."""
    text = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


# --- parsing ----------------------------------------------------------------------------------


def _title_id(raw: str) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= _MAX_ID_DIGITS else None


def _positive_int(raw: str | None) -> int | None:
    if raw is None or not raw.isascii() or not raw.isdigit() or len(raw) > _MAX_ID_DIGITS:
        return None
    value = int(raw)
    return value if value > 0 else None


def _epoch_seconds(raw: str | None) -> int | None:
    """``as_of`` as epoch seconds; anything that is not a plausible timestamp is ignored."""
    value = _positive_int(raw)
    if value is None:
        return None
    try:
        datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return value
