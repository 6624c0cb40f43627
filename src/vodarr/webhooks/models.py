"""A person's webhooks, each delivery to them, and how far the webhooks read each source.

``Webhook``: a URL (stored encrypted: such URLs often carry a token) and a signing secret
(encrypted too; shown once, when the hook is made). ``WebhookDelivery``: one event on its
way to one hook, retried a bounded number of times by the worker; its last answer stays as
the hook's delivery log.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from vodarr.crypto import SecretBox
from vodarr.notifications.models import DeliveryStatus

HOOK_URL = SecretBox(
    b"vodarr webhook-url v1",
    "This webhook's address cannot be decrypted (was SECRET_KEY changed?); add it again.",
)
HOOK_SECRET = SecretBox(
    b"vodarr webhook-secret v1",
    "This webhook's signing secret cannot be decrypted (was SECRET_KEY changed?); add it again.",
)


class Webhook(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhooks"
    )
    name = models.CharField(max_length=100)
    url_encrypted = models.TextField()
    url_preview = models.CharField(max_length=300)  # scheme and host only
    secret_encrypted = models.TextField()
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.name}: {self.url_preview}"

    def __repr__(self) -> str:  # never the URL or secret, even in a traceback
        return f"<Webhook {self.pk} {self.url_preview!r}>"

    @property
    def url(self) -> str:
        return HOOK_URL.decrypt(self.url_encrypted)

    @url.setter
    def url(self, value: str) -> None:
        self.url_encrypted = HOOK_URL.encrypt(value)

    @property
    def secret(self) -> str:
        return HOOK_SECRET.decrypt(self.secret_encrypted)

    @secret.setter
    def secret(self, value: str) -> None:
        self.secret_encrypted = HOOK_SECRET.encrypt(value)


class WebhookDelivery(models.Model):
    hook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40)
    payload = models.JSONField()
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_answer = models.CharField(max_length=300, blank=True)  # excerpt, or why no answer
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["-id"]
        verbose_name_plural = "webhook deliveries"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["status", "next_attempt_at"], name="webhook_delivery_due"),
            models.Index(fields=["hook", "-id"], name="webhook_delivery_log"),
        ]

    def __str__(self) -> str:
        return f"{self.event} to hook {self.hook_id}: {self.status}"
