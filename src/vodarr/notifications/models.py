"""Notifications: what a person is told (in the app), and where else it is sent (Apprise).

``Notification`` is the in-app message (the header's unread badge and the list page).
``NotificationTarget`` is one Apprise URL a person added in their profile — ntfy, Discord,
Telegram, email, a webhook… — stored encrypted because such URLs carry tokens; only a
redacted ``url_preview`` is ever shown. ``Delivery`` is one notification on its way to one
target: the worker sends it, retries a bounded number of times, and records the answer.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from vodarr.crypto import SecretBox

TARGET_URL = SecretBox(
    b"vodarr notification-url v1",
    "This notification URL cannot be decrypted (was SECRET_KEY changed?); add it again.",
)


class Kind(models.TextChoices):
    DOWNLOAD_COMPLETE = "download_complete", "Download complete"
    DOWNLOAD_FAILED = "download_failed", "Download failed"
    MONITOR_QUEUED = "monitor_queued", "New episodes queued"
    MONITOR_FAILED = "monitor_failed", "Monitor run failed"


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    title = models.CharField(max_length=600)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=300, blank=True)  # a path inside Vodarr
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["user", "-created_at", "-id"], name="notification_recent"),
            # The header's badge on every page: a count over this person's unread rows only.
            models.Index(
                fields=["user"],
                name="notification_unread",
                condition=models.Q(read_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (to {self.user_id})"


class NotificationTarget(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_targets"
    )
    name = models.CharField(max_length=100)
    url_encrypted = models.TextField()
    url_preview = models.CharField(max_length=300)  # scheme and host only, secrets masked
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.name}: {self.url_preview}"

    def __repr__(self) -> str:  # never the URL itself, even in a traceback
        return f"<NotificationTarget {self.pk} {self.url_preview!r}>"

    @property
    def url(self) -> str:
        """The decrypted Apprise URL; raises ``UndecryptableSecret`` after a key change."""
        return TARGET_URL.decrypt(self.url_encrypted)

    @url.setter
    def url(self, value: str) -> None:
        self.url_encrypted = TARGET_URL.encrypt(value)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Delivery(models.Model):
    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    target = models.ForeignKey(
        NotificationTarget, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    # When the worker may try (again); moved forward when a worker claims it.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["id"]
        verbose_name_plural = "deliveries"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due"),
        ]

    def __str__(self) -> str:
        return f"notification {self.notification_id} to target {self.target_id}: {self.status}"
