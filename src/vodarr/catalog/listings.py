"""What the library pages and the API list: one page of a browse listing, search results.

Browse pages are paginators whose URLs carry ``as_of``: the epoch second (rounded up) of the
newest title the first page saw. Every page of one listing filters on it, so titles a sync
adds while someone pages through do not shift pages 2, 3… (undated titles count as old).
Both leave out the categories the person hides and badge every card with what the server
has of it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from vodarr.accounts.models import User
from vodarr.catalog import browse, preferences
from vodarr.catalog.badges import with_badges
from vodarr.catalog.models import Kind

PER_PAGE = 20


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


@dataclass(frozen=True)
class Listing:
    """A browse page: the paginator prop, the category menu, the cleaned query."""

    page: dict[str, Any]
    categories: list[dict[str, Any]]
    query: BrowseQuery


def browse_listing(
    user: User,
    kind: str,
    path: str,
    *,
    category: int | None,
    sort: str,
    page: int,
    as_of: int | None,
) -> Listing:
    """One page of movies or series for ``user``; a hidden or unknown category is ignored."""
    categories, hidden = preferences.browse_choices(user, kind)
    if category is not None and category not in {entry["id"] for entry in categories}:
        category = None
    query = BrowseQuery(
        category=category,
        sort=sort if sort in browse.SORTS else browse.DEFAULT_SORT,
        page=page,
        as_of=as_of,
        hidden=hidden,
    )
    if kind == Kind.MOVIE:
        listing = paginator(path, query, browse.browse_movies, browse.newest_movie_added)
    else:
        listing = paginator(path, query, browse.browse_series, browse.newest_series_modified)
    with_badges(user, listing["data"])
    return Listing(listing, categories, query)


def search_cards(
    user: User, q: str, limit: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Movies and series matching ``q`` (outside the person's hidden categories), badged."""
    hidden = preferences.hidden_category_ids(user) if q else []
    movies = browse.search_movies(q, limit, hidden=hidden)
    shows = browse.search_series(q, limit, hidden=hidden)
    with_badges(user, movies, shows)
    return movies, shows


def paginator(
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
