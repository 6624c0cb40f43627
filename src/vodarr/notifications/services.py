"""Telling people things: in-app notifications, and queuing them for their outside targets.

``notify`` is the one way in: it writes the notifications and, in the same transaction, a
pending delivery per enabled target of each person, which the worker then sends. Nothing
here talks to the network, so callers in the worker's hot paths (transfer events, monitor
runs) never wait on a slow target.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.paginator import Paginator
from django.db import transaction
from django.utils import timezone

from vodarr.accounts.models import User
from vodarr.live.publish import bump
from vodarr.notifications.models import (
    Delivery,
    Notification,
    NotificationTarget,
)
from vodarr.web.pagination import paginator_props

PER_PAGE = 20
MAX_TARGETS = 10
TOPIC = "notifications"  # the live channel's topic (live.py): the bell's count


def notify(
    user_ids: Iterable[int], kind: str, title: str, body: str = "", link: str = ""
) -> list[Notification]:
    """One notification per (existing) person, and a pending delivery per enabled target."""
    wanted = set(user_ids)
    people = list(User.objects.filter(pk__in=wanted, is_active=True).values_list("pk", flat=True))
    if not people:
        return []
    now = timezone.now()
    with transaction.atomic():
        created = Notification.objects.bulk_create(
            [
                Notification(
                    user_id=pk, kind=kind, title=title[:600], body=body, link=link, created_at=now
                )
                for pk in sorted(people)
            ]
        )
        by_user = {n.user_id: n for n in created}
        targets = NotificationTarget.objects.filter(user_id__in=people, enabled=True)
        Delivery.objects.bulk_create(
            [
                Delivery(notification=by_user[t.user_id], target=t, next_attempt_at=now)
                for t in targets
            ]
        )
        bump(TOPIC, people)  # last in the transaction: the live channel's rule
    return created


def unread_count(user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notifications_page(user: User, number: int) -> dict[str, Any]:
    paginator = Paginator(
        Notification.objects.filter(user=user).order_by("-created_at", "-id"), PER_PAGE
    )
    page = paginator.page(min(number, paginator.num_pages))
    data = [serialize_notification(n) for n in page.object_list]
    return paginator_props(page, data, lambda n: f"/notifications?page={n}")


def serialize_notification(notification: Notification) -> dict[str, Any]:
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "title": notification.title,
        "body": notification.body,
        "link": notification.link or None,
        "createdAt": notification.created_at.isoformat(),
        "read": notification.read_at is not None,
    }


def mark_read(user: User, notification_id: int | None = None) -> int:
    """Mark one (or, with no id, every) unread notification of the person as read."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    with transaction.atomic():
        marked = unread.update(read_at=timezone.now())
        if marked:
            bump(TOPIC, [user.pk])  # the person's other tabs dim the bell too
    return marked


def serialize_target(target: NotificationTarget) -> dict[str, Any]:
    """A target as pages see it: never the URL, only its redacted preview."""
    return {
        "id": target.pk,
        "name": target.name,
        "preview": target.url_preview,
        "enabled": target.enabled,
        "createdAt": target.created_at.isoformat(),
        "lastSentAt": target.last_sent_at.isoformat() if target.last_sent_at else None,
        "lastError": target.last_error or None,
        "lastErrorAt": target.last_error_at.isoformat() if target.last_error_at else None,
    }


def targets_of(user: User) -> list[dict[str, Any]]:
    return [serialize_target(t) for t in NotificationTarget.objects.filter(user=user)]
