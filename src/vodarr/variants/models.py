"""A person's preferred versions of a title."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class VersionPreference(models.Model):
    """Languages best first, then qualities best first (``picking.Preferences``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="version_preference"
    )
    languages = models.JSONField(default=list, blank=True)  # ["EN", "VO"]
    qualities = models.JSONField(default=list, blank=True)  # ["FHD", "4K", "HD", "SD"]
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Versions preferred by user {self.user_id}"
