"""The one row of server-wide settings an admin saved on the Settings page.

Every value is optional: NULL means "not set here", and the environment or the built-in
default decides (``values.py`` says which, and why). The row is read fresh on each use, so
every web process and the worker see a change at once without being told.
"""

from __future__ import annotations

from django.db import models


class SiteSettings(models.Model):
    SINGLETON_PK = 1

    # aria2's max-overall-download-limit in bytes per second; 0 means no limit.
    speed_limit = models.BigIntegerField(null=True, blank=True)
    # aria2's max-concurrent-downloads (never above the provider account's connections).
    concurrent_downloads = models.PositiveIntegerField(null=True, blank=True)
    # Hours between scheduled catalogue syncs; 0 means only when an admin asks.
    sync_interval_hours = models.PositiveIntegerField(null=True, blank=True)
    # How long a link to a person's own device works.
    link_lifetime_hours = models.PositiveIntegerField(null=True, blank=True)
    # Whether people who register from now on may start downloads to the server.
    new_members_may_download = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return "Site settings"

    @classmethod
    def load(cls) -> SiteSettings:
        """The row (unsaved defaults when no admin has saved anything yet)."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls(pk=cls.SINGLETON_PK)
