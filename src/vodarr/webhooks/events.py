"""What a webhook is told: download started, completed or failed, and monitor results.

Three sources, each read once by the worker from its own cursor:

- **started** — a person's new request (``MediaDownloadRef``). A transfer has one "started"
  per attempt, but a request is per person: a second person joining someone's transfer made
  a request of their own, so they get their own "started" (and the first person no second).
- **completed / failed** — the worker's ``TransferEvent`` s (``downloads.events.consume``),
  to every person who had asked for the file, each with their own download id.
- **monitor.queued / monitor.failed** — the monitor notifications people get in the app.

Each event becomes one pending ``WebhookDelivery`` per enabled hook of the person; sending
is ``delivery.py``'s. Nothing here talks to the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max, Model, QuerySet
from django.utils import timezone

from vodarr.downloads import events as transfer_events
from vodarr.downloads.models import EventCursor, EventKind, MediaDownloadRef, TransferEvent
from vodarr.downloads.serialize import describe_failure
from vodarr.integrations.redact import redact_text
from vodarr.notifications.models import Kind, Notification
from vodarr.webhooks.models import Webhook, WebhookDelivery

CONSUMER = "webhooks"
BATCH = 200
MONITOR_EVENTS = {Kind.MONITOR_QUEUED: "monitor.queued", Kind.MONITOR_FAILED: "monitor.failed"}


def collect() -> int:
    """Turn every new event into deliveries; returns how many events were read."""
    read = 0
    while count := transfer_events.consume(CONSUMER, _from_transfer_events):
        read += count
    read += _drain(
        "webhooks:started", MediaDownloadRef.objects.select_related("transfer"), _started
    )
    read += _drain(
        "webhooks:monitor-notifications",
        Notification.objects.filter(kind__in=list(MONITOR_EVENTS)),
        _monitor,
    )
    return read


def queue(user_id: int, event: str, body: dict[str, Any]) -> int:
    """A pending delivery of ``event`` to each enabled hook of the person; how many."""
    hooks = list(Webhook.objects.filter(user_id=user_id, enabled=True))
    now = timezone.now()
    payload = {"event": event, "occurredAt": now.isoformat(), **body}
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(hook=h, event=event, payload=payload, next_attempt_at=now) for h in hooks]
    )
    return len(hooks)


def download_body(ref: MediaDownloadRef) -> dict[str, Any]:
    return {
        "download": {
            "id": ref.pk,
            "title": ref.title,
            "type": ref.downloadable_type,
            "mediaId": ref.downloadable_id,
            "season": ref.season,
            "episode": ref.episode,
            "episodeTitle": ref.episode_title if ref.is_episode else None,
            "path": ref.transfer.output_path,
            "link": "/downloads",
        }
    }


# --- sources ------------------------------------------------------------------------------------


def _hooked(user_ids: Iterable[int]) -> set[int]:
    return set(
        Webhook.objects.filter(user_id__in=set(user_ids), enabled=True).values_list(
            "user_id", flat=True
        )
    )


def _from_transfer_events(batch: list[TransferEvent]) -> None:
    for event in batch:
        name = "download.completed" if event.kind == EventKind.COMPLETED else "download.failed"
        for user_id in _hooked(event.user_ids):
            ref = (
                MediaDownloadRef.objects.select_related("transfer")
                .filter(transfer_id=event.transfer_id, user_id=user_id)
                .order_by("-id")
                .first()
                if event.transfer_id is not None
                else None
            )
            body: dict[str, Any] = download_body(ref) if ref is not None else {"download": None}
            body["title"] = event.title
            if event.kind == EventKind.FAILED:
                body["message"] = _why(event)
            queue(user_id, name, body)


def _why(event: TransferEvent) -> str:
    """The Downloads page's sentence for the failure, else the event's own message."""
    if event.transfer is not None:
        return str(describe_failure(event.transfer, for_admin=False)["reason"])
    # aria2's messages may quote the media URL, which holds the provider's password.
    return redact_text(str(event.data.get("message") or ""))


def _started(batch: list[MediaDownloadRef]) -> None:
    hooked = _hooked(ref.user_id for ref in batch)
    for ref in batch:
        if ref.user_id in hooked:
            queue(ref.user_id, "download.started", {"title": ref.title, **download_body(ref)})


def _monitor(batch: list[Notification]) -> None:
    hooked = _hooked(n.user_id for n in batch)
    for note in batch:
        if note.user_id in hooked:
            queue(
                note.user_id,
                MONITOR_EVENTS[Kind(note.kind)],
                {"title": note.title, "message": note.body, "link": note.link or None},
            )


def _drain(source: str, rows: QuerySet[Any], handle: Any) -> int:
    read = 0
    while batch := _claim(source, rows):
        handle(batch)
        read += len(batch)
    return read


def _claim(source: str, rows: QuerySet[Any]) -> list[Model]:
    """The next rows after ``source``'s cursor, claimed (the cursor moved) for this worker.

    The cursors are the transfer events' own table (``EventCursor``), one per source: the same
    claim by conditional UPDATE, over rows that are not transfer events.
    """
    cursor = EventCursor.objects.filter(consumer=source).first()
    if cursor is None:
        with transaction.atomic():  # a new source starts now, not at the dawn of history
            newest = rows.aggregate(newest=Max("id"))["newest"] or 0
            cursor, _ = EventCursor.objects.get_or_create(
                consumer=source, defaults={"position": newest}
            )
    batch = list(rows.filter(pk__gt=cursor.position).order_by("id")[:BATCH])
    if not batch:
        return []
    moved = EventCursor.objects.filter(pk=cursor.pk, position=cursor.position).update(
        position=batch[-1].pk
    )
    return batch if moved == 1 else []
