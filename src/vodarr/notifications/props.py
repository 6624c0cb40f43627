"""The ``notifications`` prop every page shares: the unread count behind the header's badge.

Refreshed on every navigation; a per-person live channel can push the same count later.
Counted again only after the person's notifications changed (every change bumps their
``notifications`` counter): a page load otherwise costs no query of its own (``live.kept``).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vodarr.accounts.models import User
from vodarr.live.kept import request_versions
from vodarr.notifications.services import TOPIC, targets_of, unread_count


def notification_props(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    user: User = request.user
    return {"unread": request_versions(request).kept(TOPIC, "unread", lambda: unread_count(user))}


def notification_targets(request: HttpRequest) -> list[dict[str, Any]]:
    """The profile page's card of outside targets (named in ``settings.VODARR_PROFILE_PROPS``)."""
    if not request.user.is_authenticated:
        return []
    return targets_of(request.user)
