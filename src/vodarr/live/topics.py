"""The topics a person's live channel carries, named in ``settings.VODARR_LIVE_TOPICS``.

A topic is an object with ``payload(user, since, memo) -> dict | None``: what the person
should hear about since ``since`` (a datetime; None on a fresh connection: only the summary,
such as counts, is due), or None when there is nothing new. ``memo`` is a dict the live
channel keeps per person and topic between calls, for the topic to remember what it sent
and skip repeats (windows overlap by a few seconds, see ``watcher.MARGIN``).

Each topic's payload is sent as an SSE event named after the topic. Adding one (issue #10's
notification badge, for instance) is: bump ``publish.bump("notifications", audience)`` in the
transactions that change what people see, write the topic class, and name it in the setting:
``VODARR_LIVE_TOPICS = {"downloads": "...", "notifications": "vodarr.notifications.live.Topic"}``.
The live app imports no feature code: it finds topics through the setting.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class Topic(Protocol):
    def payload(
        self, user: Any, since: datetime | None, memo: dict[str, Any]
    ) -> dict[str, Any] | None: ...


def configured_topics() -> dict[str, Topic]:
    """Topic name → topic object, from the setting."""
    named: dict[str, str] = getattr(settings, "VODARR_LIVE_TOPICS", {})
    return {name: import_string(path)() for name, path in named.items()}
