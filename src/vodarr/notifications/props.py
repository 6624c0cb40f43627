"""The ``notifications`` prop every page shares: the unread count behind the header's badge.

Refreshed on every navigation; a per-person live channel can push the same count later.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vodarr.notifications.services import unread_count


def notification_props(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    return {"unread": unread_count(request.user)}
