"""``/api/v1`` catalogue: search, browse movies and series, one title with its episodes.

The same queries and detail props as the library pages (``catalog/listings.py``,
``catalog/details.py``), so a script sees what a person sees: their hidden categories left
out, every card badged with what the server has of it, their downloads on the title.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router

from vodarr.api.auth import caller
from vodarr.api.problems import ApiProblem, answers
from vodarr.api.schemas import Page
from vodarr.api.schemas.catalog import Card, CategoriesOut, MovieOut, SearchOut, SeriesOut
from vodarr.catalog import browse, details, listings, preferences
from vodarr.catalog.models import Kind

router = Router(tags=["catalogue"])

MAX_ID = 2**63 - 1
Id = Path(..., ge=1, le=MAX_ID)
AsOf = Query(
    None,
    ge=1,
    le=253_402_300_799,  # the last second of year 9999
    description="Epoch seconds: keeps pages still while a sync adds titles (from the links).",
)
Sort = Query(browse.DEFAULT_SORT, pattern="^(latest|rating|name)$")


@router.get("/search", response=answers({200: SearchOut}))
def search(
    request: HttpRequest,
    q: str = Query(..., min_length=1, max_length=100),
    limit: int = Query(20, ge=1, le=browse.MAX_SEARCH_RESULTS),
) -> Any:
    """Movies and series whose names hold every word of `q`."""
    text = "".join(ch if ch.isprintable() else " " for ch in q).strip()
    movies, shows = listings.search_cards(caller(request), text, limit)
    return {"q": text, "movies": movies, "series": shows}


@router.get("/categories", response=answers({200: CategoriesOut}))
def list_categories(request: HttpRequest) -> Any:
    """The categories you can filter the library by (pinned first; hidden ones left out)."""
    user = caller(request)
    return {
        "movies": preferences.browse_choices(user, Kind.MOVIE)[0],
        "series": preferences.browse_choices(user, Kind.SERIES)[0],
    }


@router.get("/movies", response=answers({200: Page[Card]}), by_alias=True)
def list_movies(
    request: HttpRequest,
    category: int | None = Query(None, ge=1, le=MAX_ID, description="A category's id."),
    sort: str = Sort,
    page: int = Query(1, ge=1, le=1_000_000),
    as_of: int | None = AsOf,
) -> Any:
    """The movie library, one card per title (its versions counted), 20 a page."""
    return _browse(request, "/api/v1/movies", Kind.MOVIE, category, sort, page, as_of)


@router.get("/series", response=answers({200: Page[Card]}), by_alias=True)
def list_series(
    request: HttpRequest,
    category: int | None = Query(None, ge=1, le=MAX_ID, description="A category's id."),
    sort: str = Sort,
    page: int = Query(1, ge=1, le=1_000_000),
    as_of: int | None = AsOf,
) -> Any:
    """The series library, one card per show, 20 a page."""
    return _browse(request, "/api/v1/series", Kind.SERIES, category, sort, page, as_of)


@router.get("/movies/{stream_id}", response=answers({200: MovieOut}, 404, 503))
def get_movie(request: HttpRequest, stream_id: int = Id) -> Any:
    """A movie as its page shows it: details, your download, its other versions."""
    try:
        return details.movie_page(caller(request), stream_id)
    except details.TitleUnavailable as problem:
        raise ApiProblem(problem.status, problem.message) from None


@router.get("/series/{series_id}", response=answers({200: SeriesOut}, 404, 503))
def get_series(request: HttpRequest, series_id: int = Id) -> Any:
    """A series with its seasons and episodes (each with your download), and your monitor."""
    try:
        return details.series_page(caller(request), series_id)
    except details.TitleUnavailable as problem:
        raise ApiProblem(problem.status, problem.message) from None


def _browse(
    request: HttpRequest,
    path: str,
    kind: str,
    category: int | None,
    sort: str,
    page: int,
    as_of: int | None,
) -> dict[str, Any]:
    # A hidden or unknown category is ignored, as on the page: the whole library then.
    return listings.browse_listing(
        caller(request), kind, path, category=category, sort=sort, page=page, as_of=as_of
    ).page
