"""The signed-in home page: the newest titles and the person's own downloads in progress."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from inertia import render

from vodarr.accounts.models import User
from vodarr.catalog.badges import with_badges
from vodarr.catalog.browse import recent_movies, recent_series
from vodarr.catalog.models import Series, VodStream
from vodarr.downloads.listing import active_downloads

RECENT_TITLES = 12
ACTIVE_DOWNLOADS = 5


@require_GET
def discover(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    movies, shows = recent_movies(RECENT_TITLES), recent_series(RECENT_TITLES)
    with_badges(user, movies, shows)
    return render(
        request,
        "discover",
        {
            "recentMovies": movies,
            "recentSeries": shows,
            "activeDownloads": active_downloads(user, ACTIVE_DOWNLOADS),
            "catalogueEmpty": not VodStream.objects.exists() and not Series.objects.exists(),
        },
    )
