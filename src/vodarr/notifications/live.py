"""The ``notifications`` topic of the live channel: the header bell's unread count.

``notify`` and ``mark_read`` bump the topic in their transactions (``services``), so a
notification made by the worker — a download finished, a monitor queued an episode — lights
the bell in every open tab at once instead of on the next page visit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from vodarr.accounts.models import User
from vodarr.notifications.services import unread_count


class NotificationsTopic:
    def payload(
        self, user: User, since: datetime | None, memo: dict[str, Any]
    ) -> dict[str, Any] | None:
        unread = unread_count(user)
        if memo.get("unread") == unread:
            return None  # the channel's windows overlap: the same count is not sent twice
        memo["unread"] = unread
        return {"unread": unread}
