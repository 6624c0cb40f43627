"""A person's watchlist: movies and series they mean to watch (or download) later.

An entry names a title by the provider's id and keeps a snapshot of its name, poster and
year: a catalogue sync deletes titles the provider stops listing, and the list should still
say what was on it (marked as no longer available) rather than silently lose it. There is no
foreign key to the catalogue for the same reason — and so a sync deleting 10,000 titles does
not have to look for watchlist rows first.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class TitleKind(models.TextChoices):
    MOVIE = "movie", "Movie"
    SERIES = "series", "Series"


class WatchlistEntry(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watchlist"
    )
    kind = models.CharField(max_length=10, choices=TitleKind.choices)
    media_id = models.BigIntegerField()
    name = models.CharField(max_length=300)
    poster = models.TextField(blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["-added_at", "-id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["user", "kind", "media_id"], name="watchlist_one_entry_per_title"
            )
        ]
        indexes: ClassVar[list[models.Index]] = [
            # The list page: one person's movies (or series), newest first.
            models.Index(fields=["user", "kind", "-added_at", "-id"], name="watchlist_recent"),
        ]
        verbose_name_plural = "watchlist entries"

    def __str__(self) -> str:
        return f"{self.name} ({self.kind}) on {self.user_id}'s watchlist"
