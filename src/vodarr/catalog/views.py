"""Library pages: browsing movies and series, a title's detail page, search and suggestions.

Listings come from ``listings.py`` and detail props from ``details.py``, which the API
shares, so a script sees what a person sees.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET
from inertia import render

from vodarr.accounts.models import User
from vodarr.catalog import browse, details, listings, preferences
from vodarr.catalog.models import Kind
from vodarr.web.views import render_error

MAX_QUERY_LENGTH = 100
SEARCH_LIMIT = 40
SUGGEST_LIMIT = 8
_MAX_ID_DIGITS = 18  # fits a signed 64-bit column


# --- browse -----------------------------------------------------------------------------------


@require_GET
def movies_index(request: HttpRequest) -> HttpResponse:
    return _browse(request, Kind.MOVIE, "/movies", "movies/index", "movies")


@require_GET
def series_index(request: HttpRequest) -> HttpResponse:
    return _browse(request, Kind.SERIES, "/series", "series/index", "series")


def _browse(request: HttpRequest, kind: str, path: str, component: str, prop: str) -> HttpResponse:
    result = listings.browse_listing(
        request.user,  # type: ignore[arg-type]
        kind,
        path,
        category=_positive_int(request.GET.get("category")),
        sort=request.GET.get("sort", ""),
        page=_positive_int(request.GET.get("page")) or 1,
        as_of=_epoch_seconds(request.GET.get("as_of")),
    )
    return render(
        request,
        component,
        {prop: result.page, "categories": result.categories, "filters": result.query.filters()},
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
    movies, shows = listings.search_cards(request.user, q, SEARCH_LIMIT)  # type: ignore[arg-type]
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
