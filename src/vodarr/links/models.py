"""A link to one file (a movie, an episode) or to a batch of episodes, and what it serves.

The token in the URL is a secret of 256 random bits; only its SHA-256 is stored, so the
database (a backup, a stolen copy) holds nothing that opens a link. A link names its media,
not a URL: the provider's URL (and its credentials) is built on the server at each request,
or the file is read from disk once a download of it is complete there.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from vodarr.downloads.models import MediaType, media_identity


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class LinkQuerySet(models.QuerySet["DownloadLink"]):
    def usable(self, now: Any = None) -> LinkQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class DownloadLink(models.Model):
    """Opens without signing in, for anyone holding it, until it expires or is revoked."""

    token_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="download_links"
    )
    title = models.CharField(max_length=600)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    use_count = models.PositiveIntegerField(default=0)

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["user", "-created_at"], name="link_owner_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (link {self.pk})"

    def state(self, now: Any = None) -> str:
        """ "active", "expired" or "revoked"."""
        if self.revoked_at is not None:
            return "revoked"
        return "active" if self.expires_at > (now or timezone.now()) else "expired"


class LinkItem(models.Model):
    """One file a link serves: a movie, or one episode of a series (a batch has several)."""

    link = models.ForeignKey(DownloadLink, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()  # 1, 2, … in the batch's order
    downloadable_type = models.CharField(max_length=16, choices=MediaType.choices)
    downloadable_id = models.BigIntegerField()
    episode_id = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    season = models.PositiveIntegerField(null=True, blank=True)
    episode = models.PositiveIntegerField(null=True, blank=True)
    container_extension = models.CharField(max_length=16, default="mp4")
    # Where a server download of it lands (relative to DOWNLOAD_ROOT); its last part is the
    # name the file is given on the person's device.
    output_path = models.CharField(max_length=1024)
    title = models.CharField(max_length=600)
    duration_secs = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["position"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["link", "position"], name="one_item_per_position")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def file_name(self) -> str:
        return self.output_path.rsplit("/", 1)[-1]

    @property
    def identity(self) -> str:
        return media_identity(self.downloadable_type, self.downloadable_id, self.episode_id)
