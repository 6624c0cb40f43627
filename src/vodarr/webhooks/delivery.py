"""Sending webhook deliveries: signed JSON POSTs, retried a bounded number of times.

The claim and the retry schedule are the notifications' (``notifications/delivery.py``):
one lease per attempt, 30 s, 2 min, 8 min… apart, ``NOTIFY_MAX_ATTEMPTS`` tries. Each attempt
records the answer's status and first characters, which the profile page shows as the
hook's delivery log.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import datetime
from typing import Any

from django.utils import timezone

from vodarr.crypto import UndecryptableSecret
from vodarr.integrations.outbound import OutboundError, Reply, call
from vodarr.notifications.delivery import claim_due, max_attempts, retry_delay, send_timeout
from vodarr.notifications.models import DeliveryStatus
from vodarr.webhooks.models import Webhook, WebhookDelivery
from vodarr.webhooks.signing import HEADER, signature

logger = logging.getLogger("vodarr.webhooks")
LOG_KEPT = 20  # deliveries kept per hook, newest first


def post(
    hook: Webhook, delivery_id: int, event: str, payload: dict[str, Any], timeout: float
) -> Reply:
    """One signed POST; the ``Reply`` (any HTTP answer) or ``OutboundError``."""
    body = json.dumps({**payload, "deliveryId": delivery_id}, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Vodarr-Event": event,
        "X-Vodarr-Delivery": str(delivery_id),
        HEADER: signature(hook.secret, body, int(time.time())),
    }
    return call("POST", hook.url, headers=headers, content=body, timeout=timeout)


def deliver_due(now: datetime | None = None) -> int:
    now = now or timezone.now()
    pending = WebhookDelivery.objects.select_related("hook")
    claimed = 0
    for delivery in claim_due(pending, now, lease_seconds=2 * send_timeout() + 30):
        claimed += 1
        attempt(delivery, timeout=send_timeout())
    return claimed


def attempt(delivery: WebhookDelivery, *, timeout: float, retry: bool = True) -> bool:
    """Send ``delivery`` once and record the answer; True when the receiver took it (2xx).

    A failure is tried again later unless ``retry`` is off or the attempts ran out."""
    try:
        reply = post(delivery.hook, delivery.pk, delivery.event, delivery.payload, timeout)
        ok, code, answer = reply.ok, reply.status, reply.excerpt()
    except (OutboundError, UndecryptableSecret) as error:
        ok, code, answer = False, None, getattr(error, "message", str(error))
    finished = timezone.now()
    fields: dict[str, Any] = {
        "last_attempt_at": finished,
        "last_status_code": code,
        "last_answer": answer[:300],
    }
    if ok:
        fields.update(status=DeliveryStatus.SENT, sent_at=finished, next_attempt_at=None)
    else:
        final = not retry or delivery.attempts >= max_attempts()
        fields.update(
            status=DeliveryStatus.FAILED if final else DeliveryStatus.PENDING,
            next_attempt_at=None if final else finished + retry_delay(delivery.attempts),
        )
        logger.warning(
            "Webhook %s (%s) delivery %s failed (attempt %s of %s): %s",
            delivery.hook_id,
            delivery.hook.url_preview,
            delivery.pk,
            delivery.attempts,
            max_attempts(),
            f"HTTP {code}" if code else answer,
        )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(**fields)
    _trim_log(delivery.hook_id)
    return ok


def _trim_log(hook_id: int) -> None:
    keep = WebhookDelivery.objects.filter(hook_id=hook_id).values_list("id", flat=True)[:LOG_KEPT]
    WebhookDelivery.objects.filter(hook_id=hook_id).exclude(status=DeliveryStatus.PENDING).exclude(
        pk__in=list(keep)
    ).delete()
