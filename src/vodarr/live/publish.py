"""Publishing a change: bump the counters of the people who see it, in the change's transaction.

Call ``bump`` inside the transaction that makes the change, as its LAST statement: the
counter then moves exactly when the change becomes visible (committed together), and
transactions that bump the same people queue on the counter rows briefly instead of
deadlocking against each other's earlier writes. Only people who have a channel open (or
had one) have a counter row, so a bump for people nobody watches costs one UPDATE that
matches nothing.

``audience`` is a queryset of user ids (it becomes a subquery of that single UPDATE) or a
list of ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db.models import F
from django.utils import timezone

from vodarr.live.models import ChangeCounter, Removal

# How long removed ids are kept for streams that reconnect; an older reconnect reloads.
REMOVALS_KEPT = timedelta(hours=1)


def bump(topic: str, audience: Any, *, removed: Iterable[int] = ()) -> None:
    """Tell everyone in ``audience`` watching ``topic`` that it changed (``removed``: ids gone)."""
    gone = list(dict.fromkeys(removed))
    if gone:
        now = timezone.now()
        watchers = list(
            ChangeCounter.objects.filter(topic=topic, user__in=audience).values_list(
                "user_id", flat=True
            )
        )
        Removal.objects.bulk_create(
            [Removal(user_id=u, topic=topic, object_id=i, at=now) for u in watchers for i in gone]
        )
        Removal.objects.filter(at__lt=now - REMOVALS_KEPT).delete()
    ChangeCounter.objects.filter(topic=topic, user__in=audience).update(version=F("version") + 1)


def removed_since(user_id: int, topic: str, since: datetime) -> list[int]:
    """Ids of ``topic`` that went away for the person at or after ``since``, oldest first."""
    rows = Removal.objects.filter(user_id=user_id, topic=topic, at__gte=since).order_by("at", "id")
    return list(dict.fromkeys(rows.values_list("object_id", flat=True)))


def watch(user_id: int, topics: Iterable[str]) -> dict[str, int]:
    """Make sure the person has a counter per topic; returns their versions now."""
    topics = list(topics)
    existing = dict(
        ChangeCounter.objects.filter(user_id=user_id, topic__in=topics).values_list(
            "topic", "version"
        )
    )
    missing = [t for t in topics if t not in existing]
    if missing:
        ChangeCounter.objects.bulk_create(
            [ChangeCounter(user_id=user_id, topic=t) for t in missing], ignore_conflicts=True
        )
        existing.update(
            ChangeCounter.objects.filter(user_id=user_id, topic__in=missing).values_list(
                "topic", "version"
            )
        )
    return existing


def versions(user_ids: Iterable[int]) -> dict[tuple[int, str], int]:
    """Every counter of these people, in ONE query: (user id, topic) → version."""
    rows = ChangeCounter.objects.filter(user_id__in=list(user_ids)).values_list(
        "user_id", "topic", "version"
    )
    return {(user_id, topic): version for user_id, topic, version in rows}
