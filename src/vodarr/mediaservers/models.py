"""Media servers an administrator connected (Jellyfin, Emby, Plex) and their pending rescans.

The token is a credential for the whole media server: stored encrypted, shown only as its
last characters. ``LibraryScan`` is one library of one server that should rescan: files
landing mark it wanted, and the worker sends at most one scan per library per minute,
however many episodes land in that minute.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone

from vodarr.crypto import SecretBox

SERVER_TOKEN = SecretBox(
    b"vodarr media-server-token v1",
    "This media server's token cannot be decrypted (was SECRET_KEY changed?); enter it again.",
)


class Kind(models.TextChoices):
    JELLYFIN = "jellyfin", "Jellyfin"
    EMBY = "emby", "Emby"
    PLEX = "plex", "Plex"


class MediaServer(models.Model):
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=100)
    url = models.CharField(max_length=500)  # the server's address: no secret in it
    token_encrypted = models.TextField()
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_scan_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def __repr__(self) -> str:  # never the token, even in a traceback
        return f"<MediaServer {self.pk} {self.kind} {self.url!r}>"

    @property
    def token(self) -> str:
        return SERVER_TOKEN.decrypt(self.token_encrypted)

    @token.setter
    def token(self, value: str) -> None:
        self.token_encrypted = SERVER_TOKEN.encrypt(value)

    @property
    def token_preview(self) -> str:
        try:
            token = self.token
        except Exception:  # UndecryptableSecret: the card says so through last_error
            return "••••"
        return f"••••{token[-4:]}" if len(token) > 8 else "••••"


class LibraryScan(models.Model):
    """One library of a server: when it last scanned, and since when a scan is wanted."""

    server = models.ForeignKey(MediaServer, on_delete=models.CASCADE, related_name="scans")
    library = models.CharField(max_length=100)  # "all" (Jellyfin, Emby) or a Plex section key
    wanted_since = models.DateTimeField(null=True, blank=True)
    last_scan_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["server", "library"], name="one_scan_row_per_library")
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["wanted_since"], name="scan_wanted"),
        ]

    def __str__(self) -> str:
        return f"{self.server_id}/{self.library}"
