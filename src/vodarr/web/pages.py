"""The signed-in home page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from inertia import render


@require_GET
def discover(request: HttpRequest) -> HttpResponse:
    return render(
        request, "discover", {"recentMovies": [], "recentSeries": [], "activeDownloads": []}
    )
