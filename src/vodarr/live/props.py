"""The shared ``live`` prop: where a page opens its live channel, and since when.

``since`` is the page's render time (epoch ms): the channel sends what changed after it, and
a page ignores events read before it (its props are newer). Named in
``settings.VODARR_SHARED_PROPS``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from vodarr.live.watcher import epoch_ms

LIVE_URL = "/live"


def live_props(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user.is_authenticated or not getattr(user, "is_verified", False):
        return None  # the channel answers 403 to them: no page should try it
    return {"url": LIVE_URL, "since": epoch_ms(timezone.now())}
