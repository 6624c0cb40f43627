"""Values kept per person until their change counter for a topic moves; counters read once.

Every page shares props that each cost a query (the bell's unread count, the watchlist's
ids) and the Downloads page reads its counts' version: each is a small query, but building
one in Django's ORM costs more CPU than the database spends answering it (profiled,
benchmarks/README.md). The writes that change what a person sees already bump their
counter for the topic in the same transaction (``publish.bump``), so a value computed after
reading version *v* stays true until the counter moves past *v*: ``RequestVersions`` reads
ALL of the person's counters in ONE query the first time a request asks, and ``kept`` gives
the value stored under the version, computing it only when the counter moved.

The versions are read once per request and never kept beyond it: a later request reads
them again, so another process's change is seen on the next page load. The version is read
before the value, so a stored value is never older than its key (it may be newer; the next
key then recomputes it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.http import HttpRequest

from vodarr.live.publish import versions, watch

T = TypeVar("T")

# A value not read for this long is dropped (a person who leaves stops costing memory).
KEPT_SECONDS = 300
_MISSING = object()
_REQUEST_ATTRIBUTE = "vodarr_live_versions"


class RequestVersions:
    """One person's change counters, read in one query on first use, for one request."""

    def __init__(self, user_id: int) -> None:
        self.user_id = user_id
        self._seen: dict[str, int] | None = None

    def __getitem__(self, topic: str) -> int:
        if self._seen is None:
            self._seen = {t: v for (_, t), v in versions([self.user_id]).items()}
        if topic not in self._seen:  # the person's first page since the topic existed
            self._seen.update(watch(self.user_id, [topic]))
        return self._seen[topic]

    def kept(self, topic: str, name: str, compute: Callable[[], T]) -> T:
        """``compute()``'s value for this person, stored under their ``topic`` version.

        ``name`` tells apart values kept under one topic (with whatever narrows them).
        """
        key = f"kept:{self.user_id}:{topic}:{self[topic]}:{name}"
        value: Any = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(key, value, KEPT_SECONDS)
        return value


def request_versions(request: HttpRequest) -> RequestVersions:
    """The signed-in person's counters for this request, shared by every prop that asks."""
    user_id = request.user.pk
    if user_id is None:
        raise ValueError("Only a signed-in person has change counters.")
    found = getattr(request, _REQUEST_ATTRIBUTE, None)
    if found is None or found.user_id != user_id:
        found = RequestVersions(user_id)
        setattr(request, _REQUEST_ATTRIBUTE, found)
    return found
