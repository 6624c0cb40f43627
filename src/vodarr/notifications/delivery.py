"""The worker's side of outside notifications: send what is due, retry a bounded number of times.

Each pending delivery is claimed with a conditional UPDATE (its ``next_attempt_at`` moves a
lease ahead and its attempt count goes up), so several workers never send the same message
twice. A failed send is retried with a growing delay; after ``NOTIFY_MAX_ATTEMPTS`` it is
marked failed and logged. Sending runs in its own worker thread: a target that hangs until
its timeout holds up other notifications at worst, never downloads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import F, QuerySet
from django.utils import timezone

from vodarr.crypto import UndecryptableSecret
from vodarr.notifications.models import Delivery, DeliveryStatus, NotificationTarget
from vodarr.notifications.sending import Answer, send

logger = logging.getLogger("vodarr.notifications")

DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_RETRY_BASE_SECONDS = 30.0
DEFAULT_TIMEOUT_SECONDS = 10.0
BATCH = 20


def max_attempts() -> int:
    return int(getattr(settings, "NOTIFY_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS))


def send_timeout() -> float:
    return float(getattr(settings, "NOTIFY_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))


def retry_delay(attempt: int) -> timedelta:
    """30 s, 2 min, 8 min, 32 min… after the 1st, 2nd, 3rd, 4th failed attempt."""
    base = float(getattr(settings, "VODARR_NOTIFY_RETRY_BASE_SECONDS", DEFAULT_RETRY_BASE_SECONDS))
    return timedelta(seconds=base * 4 ** (attempt - 1))


def claim_due(pending: QuerySet[Any], now: datetime, *, lease_seconds: float) -> Iterator[Any]:
    """Rows of ``pending`` that are due, each claimed for this worker before it is yielded.

    A row is claimed with a conditional UPDATE (its ``next_attempt_at`` moves a lease ahead
    and ``attempts`` goes up), so several workers never take the same one; the lease
    outlasts one attempt, so a crashed worker's claim is simply tried again later. Shared by
    every table of outgoing messages with ``status``/``next_attempt_at``/``attempts`` (the
    notification deliveries here, the webhooks' deliveries).
    """
    due = list(
        pending.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now).order_by(
            "next_attempt_at", "id"
        )[:BATCH]
    )
    for row in due:
        taken = pending.filter(
            pk=row.pk, status=DeliveryStatus.PENDING, next_attempt_at=row.next_attempt_at
        ).update(next_attempt_at=now + timedelta(seconds=lease_seconds), attempts=F("attempts") + 1)
        if taken == 1:
            row.attempts += 1
            yield row


def deliver_due(now: datetime | None = None) -> int:
    """Send up to a batch of due deliveries; returns how many this worker claimed."""
    now = now or timezone.now()
    pending = Delivery.objects.select_related("notification", "target")
    claimed = 0
    for delivery in claim_due(pending, now, lease_seconds=2 * send_timeout() + 30):
        claimed += 1
        _attempt(delivery, attempt=delivery.attempts)
    return claimed


def _attempt(delivery: Delivery, *, attempt: int) -> None:
    target = delivery.target
    notification = delivery.notification
    try:
        answer = send(target.url, notification.title, notification.body, timeout=send_timeout())
    except UndecryptableSecret as error:
        answer = Answer(False, str(error))
    finished = timezone.now()
    if answer.ok:
        Delivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.SENT, sent_at=finished, last_error="", next_attempt_at=None
        )
        NotificationTarget.objects.filter(pk=target.pk).update(last_sent_at=finished)
        return
    final = attempt >= max_attempts()
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.FAILED if final else DeliveryStatus.PENDING,
        next_attempt_at=None if final else finished + retry_delay(attempt),
        last_error=answer.detail,
    )
    NotificationTarget.objects.filter(pk=target.pk).update(
        last_error=answer.detail, last_error_at=finished
    )
    logger.warning(
        "Notification %s to %s failed (attempt %s of %s%s): %s",
        notification.pk,
        target.url_preview,
        attempt,
        max_attempts(),
        ", giving up" if final else "",
        answer.detail,
    )
