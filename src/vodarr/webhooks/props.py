"""The profile page's "Webhooks" card (named in ``settings.VODARR_PROFILE_PROPS``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vodarr.webhooks.models import Webhook, WebhookDelivery
from vodarr.webhooks.views import NEW_SECRET_SESSION

LOG_SHOWN = 5


def webhooks(request: HttpRequest) -> dict[str, Any]:
    """The person's hooks with their last deliveries; a new hook's secret, this once."""
    if not request.user.is_authenticated:
        return {"hooks": [], "newSecret": None}
    hooks = list(Webhook.objects.filter(user=request.user))
    return {
        "hooks": [
            {
                "id": hook.pk,
                "name": hook.name,
                "preview": hook.url_preview,
                "enabled": hook.enabled,
                "createdAt": hook.created_at.isoformat(),
                "deliveries": [
                    _delivery(d) for d in WebhookDelivery.objects.filter(hook=hook)[:LOG_SHOWN]
                ],
            }
            for hook in hooks
        ],
        "newSecret": request.session.pop(NEW_SECRET_SESSION, None),
    }


def _delivery(delivery: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": delivery.pk,
        "event": delivery.event,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "statusCode": delivery.last_status_code,
        "answer": delivery.last_answer or None,
        "at": (delivery.last_attempt_at or delivery.created_at).isoformat(),
        "nextAttemptAt": delivery.next_attempt_at.isoformat()
        if delivery.next_attempt_at and delivery.status == "pending"
        else None,
    }
