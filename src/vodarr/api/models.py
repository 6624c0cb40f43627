"""API keys: a person's named keys for scripts, stored as keyed hashes, never in plain.

A key is shown once, when it is made; the database keeps only an HMAC of it (``digest``) and
its first characters (``prefix``) so a person can tell their keys apart in the list.
Revoking deletes the row: the next request with that key is refused at once.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class ApiKey(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16)  # "vdr_AbCd…": enough to recognise, not to use
    digest = models.CharField(max_length=64, unique=True)  # HMAC-SHA256 hex of the whole key
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…) of {self.user_id}"

    def __repr__(self) -> str:
        return f"<ApiKey {self.pk} {self.prefix}…>"
