"""The ``notifications`` prop every page shares: the unread count behind the header's badge.

Refreshed on every navigation; a per-person live channel can push the same count later.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vodarr.notifications.services import targets_of, unread_count


def notification_props(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    return {"unread": unread_count(request.user)}


def notification_targets(request: HttpRequest) -> list[dict[str, Any]]:
    """The profile page's card of outside targets (named in ``settings.VODARR_PROFILE_PROPS``)."""
    if not request.user.is_authenticated:
        return []
    return targets_of(request.user)
