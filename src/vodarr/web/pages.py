"""The signed-in home page: the newest titles and the user's own downloads in progress."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from inertia import render

from vodarr.accounts.models import User
from vodarr.catalog.browse import recent_movies, recent_series
from vodarr.catalog.models import Series, VodStream
from vodarr.downloads.models import UNFINISHED_STATUSES, MediaDownloadRef

RECENT_TITLES = 12
ACTIVE_DOWNLOADS = 5


@require_GET
def discover(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    return render(
        request,
        "discover",
        {
            "recentMovies": recent_movies(RECENT_TITLES),
            "recentSeries": recent_series(RECENT_TITLES),
            "activeDownloads": active_downloads(user),
            "catalogueEmpty": not VodStream.objects.exists() and not Series.objects.exists(),
        },
    )


def active_downloads(user: User, limit: int = ACTIVE_DOWNLOADS) -> list[dict[str, Any]]:
    """The user's own unfinished, non-canceled downloads, newest first, as last recorded."""
    refs = MediaDownloadRef.objects.filter(
        user=user, status__in=UNFINISHED_STATUSES, canceled_at=None
    ).order_by("-created_at", "-id")[:limit]
    return [
        {
            "id": ref.pk,
            "name": ref.display_title,
            "status": ref.status,
            "totalLength": ref.total_length,
            "completedLength": ref.completed_length,
            "downloadSpeed": ref.download_speed,
        }
        for ref in refs
    ]
