"""The shared ``downloadCounts`` prop: the header badge's numbers on every page.

Counts per state of the downloads the person's Downloads page lists (their own; everyone's
for an admin), from one query; the live channel keeps them current afterwards. Named in
``settings.VODARR_SHARED_PROPS``.
"""

from __future__ import annotations

from django.http import HttpRequest

from vodarr.downloads.filters import state_counts, visible_downloads


def download_counts(request: HttpRequest) -> dict[str, int] | None:
    user = request.user
    if not user.is_authenticated or not getattr(user, "is_verified", False):
        return None
    return state_counts(visible_downloads(user))
