"""The local copy of the provider's catalogue, and the provider settings singleton.

Titles keep the provider's own ids as primary keys (``stream_id``, ``series_id``): media
URLs, downloads and detail pages all speak in those ids, and a sync can upsert by them.
``search_name`` is a folded copy of the name (lower case, accents removed) so searching is a
plain ``LIKE`` on one column, narrowed on SQLite by a trigram index (migration 0002).
"""

from __future__ import annotations

import unicodedata
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q

from vodarr.crypto import SecretBox

NAME_MAX = 300
# The provider password's subkey info is unchanged since it was first stored (tokens stay valid).
PROVIDER_PASSWORD = SecretBox(
    b"vodarr provider-password v1",
    "The stored provider password cannot be decrypted (was SECRET_KEY changed?); "
    "enter it again in Settings.",
)


def fold(text: str) -> str:
    """Lower case without accents, for search: "Amélie" and "amelie" match each other."""
    if text.isascii():  # most titles: nothing to decompose (a sync folds 240,000 names)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Kind(models.TextChoices):
    MOVIE = "movie", "Movie"
    SERIES = "series", "Series"


class Category(models.Model):
    """A movie or series category; providers number the two kinds independently."""

    kind = models.CharField(max_length=10, choices=Kind.choices)
    provider_id = models.CharField(max_length=64)
    name = models.CharField(max_length=NAME_MAX)
    synced_at = models.DateTimeField(null=True, blank=True)
    # An admin hid it from everyone: its titles leave browse, search and Discover.
    hidden_for_everyone = models.BooleanField(default=False)

    class Meta:
        ordering: ClassVar[list[str]] = ["kind", "name", "id"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(
                fields=["kind", "provider_id"], name="category_kind_provider_id"
            )
        ]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"


class CategoryPreference(models.Model):
    """What one person wants of one category: hidden, pinned (first in menus, rows on
    Discover), and where it goes in their own order. No row: shown, by name."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="category_preferences"
    )
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="preferences")
    hidden = models.BooleanField(default=False)
    pinned = models.BooleanField(default=False)
    position = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["user", "category"], name="one_preference_per_category")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.category_id}"


class VodStream(models.Model):
    """One movie. ``backdrop`` and ``duration_secs`` come from ``get_vod_info`` only, so a
    sync never overwrites them; the detail page fills them in."""

    stream_id = models.BigIntegerField(primary_key=True)
    name = models.CharField(max_length=NAME_MAX)
    search_name = models.CharField(max_length=NAME_MAX)
    poster = models.TextField(blank=True)
    backdrop = models.TextField(blank=True)
    rating = models.FloatField(null=True, blank=True)
    added = models.DateTimeField(null=True, blank=True)
    # No index of its own: the (category, date, id) index below starts with it.
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="movies",
        db_index=False,
    )
    container_extension = models.CharField(max_length=16, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    plot = models.TextField(blank=True)
    genre = models.CharField(max_length=NAME_MAX, blank=True)
    duration_secs = models.PositiveIntegerField(null=True, blank=True)
    tmdb_id = models.CharField(max_length=32, blank=True)
    # Every variant of one film (4K, FR, another category…) shares it; the other three are
    # kept by groups.refresh_groups after each sync, so listings need no grouping query.
    group_key = models.CharField(max_length=160, blank=True)
    # Database defaults: the sync's INSERT (upsert.py) names only the columns it fills.
    group_size = models.PositiveIntegerField(default=1, db_default=1)
    group_lead = models.BooleanField(default=True, db_default=True)  # its card in all titles
    category_lead = models.BooleanField(default=True, db_default=True)  # in its category
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["search_name", "stream_id"]
        # Each browse sort reads an index in order and stops after one page. The columns after
        # the sort key, whether the row is its group's card there and its category, let a
        # listing skip the other versions and a person's hidden categories (and count a
        # category's cards) from the index alone, never reading the rows.
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["group_key", "stream_id"], name="vod_group_idx"),
            # The few rows that are not their group's card: what a page count subtracts.
            models.Index(
                fields=["group_lead"], condition=Q(group_lead=False), name="vod_not_lead_idx"
            ),
            models.Index(
                fields=["-added", "-stream_id", "group_lead", "category"], name="vod_added_idx"
            ),
            models.Index(
                fields=["-rating", "-stream_id", "group_lead", "category"], name="vod_rating_idx"
            ),
            models.Index(
                fields=["search_name", "stream_id", "group_lead", "category"],
                name="vod_name_idx",
            ),
            models.Index(
                fields=["category", "-added", "-stream_id", "category_lead"],
                name="vod_category_added_idx",
            ),
            models.Index(
                fields=["category", "-rating", "-stream_id", "category_lead"],
                name="vod_category_rating_idx",
            ),
            # Ends with the title-wide lead flag too: counting the cards of a person's hidden
            # categories (browse's total) then reads this index alone, never the rows.
            models.Index(
                fields=["category", "search_name", "stream_id", "category_lead", "group_lead"],
                name="vod_category_name_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Series(models.Model):
    """One show. Seasons and episodes are not stored: ``get_series_info`` is asked live."""

    series_id = models.BigIntegerField(primary_key=True)
    name = models.CharField(max_length=NAME_MAX)
    search_name = models.CharField(max_length=NAME_MAX)
    poster = models.TextField(blank=True)
    backdrop = models.TextField(blank=True)
    rating = models.FloatField(null=True, blank=True)
    plot = models.TextField(blank=True)
    genre = models.CharField(max_length=NAME_MAX, blank=True)
    cast = models.TextField(blank=True)
    director = models.CharField(max_length=NAME_MAX, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    last_modified = models.DateTimeField(null=True, blank=True)
    # No index of its own: the (category, date, id) index below starts with it.
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="series",
        db_index=False,
    )
    group_key = models.CharField(max_length=160, blank=True)  # shared by a show's variants
    group_size = models.PositiveIntegerField(default=1, db_default=1)
    group_lead = models.BooleanField(default=True, db_default=True)
    category_lead = models.BooleanField(default=True, db_default=True)
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["search_name", "series_id"]
        verbose_name_plural = "series"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["group_key", "series_id"], name="series_group_idx"),
            models.Index(
                fields=["group_lead"], condition=Q(group_lead=False), name="series_not_lead_idx"
            ),
            models.Index(
                fields=["-last_modified", "-series_id", "group_lead", "category"],
                name="series_modified_idx",
            ),
            models.Index(
                fields=["-rating", "-series_id", "group_lead", "category"],
                name="series_rating_idx",
            ),
            models.Index(
                fields=["search_name", "series_id", "group_lead", "category"],
                name="series_name_idx",
            ),
            models.Index(
                fields=["category", "-last_modified", "-series_id", "category_lead"],
                name="series_category_mod_idx",
            ),
            models.Index(
                fields=["category", "-rating", "-series_id", "category_lead"],
                name="series_category_rating_idx",
            ),
            # Ends with the title-wide lead flag too: counting the cards of a person's hidden
            # categories (browse's total) then reads this index alone, never the rows.
            models.Index(
                fields=["category", "search_name", "series_id", "category_lead", "group_lead"],
                name="series_category_name_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProviderSettings(models.Model):
    """The one row of provider settings and last-sync bookkeeping (primary key 1).

    Empty ``base_url`` means "not set here": the environment (or the demo) decides.
    """

    SINGLETON_PK = 1

    base_url = models.CharField(max_length=2000, blank=True)
    username = models.CharField(max_length=255, blank=True)
    password_encrypted = models.TextField(blank=True)
    user_agent = models.CharField(max_length=200, blank=True)
    # True while the values are the copy of XTREAM_* made when the row was created.
    seeded_from_environment = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)
    last_sync_started_at = models.DateTimeField(null=True, blank=True)
    last_sync_finished_at = models.DateTimeField(null=True, blank=True)
    last_sync_at = models.DateTimeField(null=True, blank=True)
    last_sync_counts = models.JSONField(default=dict, blank=True)
    last_sync_error = models.TextField(blank=True)
    # Moves in the transaction of every sync that changed titles: what is kept about the
    # catalogue (a listing's count of cards, ``browse``) is kept under it.
    catalogue_version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name_plural = "provider settings"

    def __str__(self) -> str:
        return f"Provider settings ({self.base_url or 'not set'})"

    def __repr__(self) -> str:
        return f"<ProviderSettings base_url={self.base_url!r} username={self.username!r}>"

    @classmethod
    def load(cls) -> ProviderSettings:
        """The row, created on first use with the XTREAM_* environment values as seed.

        The demo provider is never seeded: its port changes on every start.
        """
        row = cls.objects.filter(pk=cls.SINGLETON_PK).first()
        if row is not None:
            return row
        defaults: dict[str, Any] = {}
        if settings.XTREAM_BASE_URL and not settings.VODARR_DEMO_MODE:
            defaults = {
                "base_url": settings.XTREAM_BASE_URL,
                "username": settings.XTREAM_USERNAME,
                "password_encrypted": PROVIDER_PASSWORD.encrypt(settings.XTREAM_PASSWORD),
                "seeded_from_environment": True,
            }
        row, _ = cls.objects.get_or_create(pk=cls.SINGLETON_PK, defaults=defaults)
        return row

    @property
    def password(self) -> str:
        """The decrypted password; raises ``UndecryptableSecret`` after a key change."""
        return PROVIDER_PASSWORD.decrypt(self.password_encrypted)

    @password.setter
    def password(self, value: str) -> None:
        self.password_encrypted = PROVIDER_PASSWORD.encrypt(value)

    @property
    def has_password(self) -> bool:
        return bool(self.password_encrypted)
