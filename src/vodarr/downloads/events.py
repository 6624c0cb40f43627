"""What happened to transfers, kept in order so that background consumers act on each once.

The worker records an event in the same transaction as the state change it describes: a
transfer's file passed verification (``completed``: aria2 finishing is not enough, see
``worker/verifying.py``), or it failed for good (a permanent error, a refused file, or its
automatic retries ran out). Consumers — in-app and outside notifications, webhooks,
media-server rescans, the ``.nfo`` writer — each read the events after their own cursor and
move the cursor on with a conditional UPDATE, so several workers never hand an event to a
consumer twice, and a consumer that was down or added later simply catches up from where its
cursor stands (a new consumer starts at the newest event, not at the dawn of history).

An event keeps who had asked for the file (``user_ids``) and its title at the time: the
transfer may be gone by the time a consumer reads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Max

from vodarr.downloads.models import EventCursor, EventKind, Transfer, TransferEvent

logger = logging.getLogger("vodarr.worker")


def emit(kind: EventKind, transfer: Transfer, **data: Any) -> bool:
    """Record ``kind`` for the transfer's current attempt; False if it was recorded already.

    Call it inside the state change's own transaction. Idempotent per (kind, GID), so every
    tick that sees the same finished attempt may call it.
    """
    if TransferEvent.objects.filter(kind=kind, gid=transfer.gid).exists():
        return False
    requests = list(
        transfer.requests.filter(canceled_at__isnull=True)
        .order_by("id")
        .values_list("user_id", "title", "season", "episode")
    )
    title = _title(requests[0][1:]) if requests else transfer.output_path.rsplit("/", 1)[-1]
    TransferEvent.objects.bulk_create(
        [
            TransferEvent(
                kind=kind,
                gid=transfer.gid,
                transfer=transfer,
                user_ids=sorted({user_id for user_id, *_ in requests}),
                title=title,
                data=data,
            )
        ],
        ignore_conflicts=True,  # another worker recorded it a moment ago
    )
    return True


def _title(fields: tuple[str, int | None, int | None]) -> str:
    title, season, episode = fields
    if season is None or episode is None:
        return title
    return f"{title} · S{season:02d}E{episode:02d}"


def consume(
    consumer: str, handle: Callable[[list[TransferEvent]], None], *, batch: int = 100
) -> int:
    """Hand ``consumer``'s next events (at most ``batch``) to ``handle``; returns how many.

    The cursor moves before ``handle`` runs (claimed, so no other worker gets the same
    events): a consumer that must not lose work records it durably itself (e.g. a delivery
    row that is retried), and a crash in ``handle`` is logged, not repeated for ever.
    """
    cursor = _cursor(consumer)
    events = list(TransferEvent.objects.filter(pk__gt=cursor.position).order_by("id")[:batch])
    if not events:
        return 0
    moved = EventCursor.objects.filter(pk=cursor.pk, position=cursor.position).update(
        position=events[-1].pk
    )
    if moved != 1:
        return 0  # another worker claimed these
    try:
        handle(events)
    except Exception:
        logger.exception(
            "Consumer %s failed on events %s..%s", consumer, events[0].pk, events[-1].pk
        )
    return len(events)


def _cursor(consumer: str) -> EventCursor:
    cursor = EventCursor.objects.filter(consumer=consumer).first()
    if cursor is not None:
        return cursor
    with transaction.atomic():
        newest = TransferEvent.objects.aggregate(newest=Max("id"))["newest"] or 0
        cursor, _ = EventCursor.objects.get_or_create(
            consumer=consumer, defaults={"position": newest}
        )
    return cursor


__all__ = ["EventKind", "TransferEvent", "consume", "emit"]
