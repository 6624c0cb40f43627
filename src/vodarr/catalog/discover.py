"""The signed-in home page: the newest titles, the person's pinned categories, and their own
downloads in progress. Categories the person hid (or an admin hid for everyone) stay out."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from inertia import render

from vodarr.accounts.models import User
from vodarr.catalog import preferences
from vodarr.catalog.badges import with_badges
from vodarr.catalog.browse import newest_in_category, recent_movies, recent_series
from vodarr.catalog.models import Kind, Series, VodStream
from vodarr.downloads.listing import active_downloads

RECENT_TITLES = 12
ACTIVE_DOWNLOADS = 5


@require_GET
def discover(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    hidden = preferences.hidden_category_ids(user)
    movies = recent_movies(RECENT_TITLES, hidden=hidden)
    shows = recent_series(RECENT_TITLES, hidden=hidden)
    pinned = pinned_rows(user)
    # Every card on the page in one badge query: what the server has of each title.
    with_badges(user, movies, shows, *(row["items"] for row in pinned))
    return render(
        request,
        "discover",
        {
            "recentMovies": movies,
            "recentSeries": shows,
            "pinnedRows": pinned,
            "activeDownloads": active_downloads(user, ACTIVE_DOWNLOADS),
            "catalogueEmpty": not VodStream.objects.exists() and not Series.objects.exists(),
        },
    )


def pinned_rows(user: User) -> list[dict[str, Any]]:
    """One row per pinned category (movies first), each its newest titles."""
    rows = []
    for kind in (Kind.MOVIE, Kind.SERIES):
        for category in preferences.pinned_categories(user, kind):
            items = newest_in_category(kind, category["id"], RECENT_TITLES)
            if items:
                rows.append(
                    {
                        "category": {
                            "id": category["id"],
                            "name": category["name"],
                            "kind": kind.value,
                        },
                        "items": items,
                    }
                )
    return rows
