"""The profile page's "API keys" card (named in ``settings.VODARR_PROFILE_PROPS``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vodarr.api.keys import keys_of
from vodarr.api.views import NEW_KEY_SESSION


def api_keys(request: HttpRequest) -> dict[str, Any]:
    """The person's keys (names and dates), and a key just made — shown this once."""
    if not request.user.is_authenticated:
        return {"keys": [], "newKey": None}
    return {
        "keys": keys_of(request.user),
        "newKey": request.session.pop(NEW_KEY_SESSION, None),
    }
