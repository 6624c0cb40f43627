"""Library pages: browsing movies and series, a title's detail page, search and suggestions.

Browse pages are paginators (``paging.py``, shared with the API) whose URLs carry ``as_of``.
Detail pages take their props from ``details.py`` (the API shows the same).
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET
from inertia import render

from vodarr.accounts.models import User
from vodarr.catalog import browse, details
from vodarr.catalog.models import Category, Kind
from vodarr.catalog.paging import BrowseQuery, paginator
from vodarr.web.views import render_error

MAX_QUERY_LENGTH = 100
SEARCH_LIMIT = 40
SUGGEST_LIMIT = 8
_MAX_ID_DIGITS = 18  # fits a signed 64-bit column


# --- browse -----------------------------------------------------------------------------------


@require_GET
def movies_index(request: HttpRequest) -> HttpResponse:
    query = _browse_query(request, Kind.MOVIE)
    return render(
        request,
        "movies/index",
        {
            "movies": paginator("/movies", query, browse.browse_movies, browse.newest_movie_added),
            "categories": browse.movie_categories(),
            "filters": query.filters(),
        },
    )


@require_GET
def series_index(request: HttpRequest) -> HttpResponse:
    query = _browse_query(request, Kind.SERIES)
    return render(
        request,
        "series/index",
        {
            "series": paginator(
                "/series", query, browse.browse_series, browse.newest_series_modified
            ),
            "categories": browse.series_categories(),
            "filters": query.filters(),
        },
    )


def _browse_query(request: HttpRequest, kind: str) -> BrowseQuery:
    category = _positive_int(request.GET.get("category"))
    if category is not None and not Category.objects.filter(pk=category, kind=kind).exists():
        category = None
    sort = request.GET.get("sort", "")
    return BrowseQuery(
        category=category,
        sort=sort if sort in browse.SORTS else browse.DEFAULT_SORT,
        page=_positive_int(request.GET.get("page")) or 1,
        as_of=_epoch_seconds(request.GET.get("as_of")),
    )


# --- detail pages -----------------------------------------------------------------------------


@require_GET
def movie_detail(request: HttpRequest, stream_id: str) -> HttpResponse:
    sid = _title_id(stream_id)
    if sid is None:
        return render_error(request, 404)
    user: User = request.user  # type: ignore[assignment]
    try:
        props = details.movie_page(user, sid)
    except details.TitleUnavailable as problem:
        return render_error(request, problem.status, problem.message)
    return render(request, "movies/show", props)


@require_GET
def series_detail(request: HttpRequest, series_id: str) -> HttpResponse:
    sid = _title_id(series_id)
    if sid is None:
        return render_error(request, 404)
    user: User = request.user  # type: ignore[assignment]
    try:
        props = details.series_page(user, sid)
    except details.TitleUnavailable as problem:
        return render_error(request, problem.status, problem.message)
    return render(request, "series/show", props)


# --- search -----------------------------------------------------------------------------------


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    q = _search_text(request)
    return render(
        request,
        "search",
        {
            "q": q,
            "movies": browse.search_movies(q, SEARCH_LIMIT),
            "series": browse.search_series(q, SEARCH_LIMIT),
        },
    )


@require_GET
def search_suggest(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"results": browse.search_titles(_search_text(request), SUGGEST_LIMIT)})


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
