"""The server-wide settings in force, and where each comes from.

Precedence, per setting: the environment (an operator's ``.env`` or unit file says so, and
the Settings page shows it read-only), else what an admin saved on the Settings page, else
the built-in default. Read from the database on every call: one small query, so each web
process and the worker follow a change at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings

from vodarr.site_settings.models import SiteSettings

T = TypeVar("T")

ENVIRONMENT = "environment"
SAVED = "saved"
DEFAULT = "default"

DEFAULT_SPEED_LIMIT = 0  # no limit
DEFAULT_SYNC_INTERVAL_HOURS = 6
DEFAULT_LINK_LIFETIME_HOURS = 4

# What the page accepts (and what the environment is checked against).
MAX_CONCURRENT_DOWNLOADS = 50
MAX_SYNC_INTERVAL_HOURS = 24 * 7
MAX_LINK_LIFETIME_HOURS = 24 * 30
MAX_SPEED_LIMIT = 10 * 1024**3  # 10 GiB/s: more is a typo, not a limit


@dataclass(frozen=True)
class Setting(Generic[T]):
    value: T
    source: str  # ENVIRONMENT, SAVED or DEFAULT

    @property
    def from_environment(self) -> bool:
        return self.source == ENVIRONMENT


@dataclass(frozen=True)
class SiteValues:
    speed_limit: Setting[int]  # bytes per second, 0: none
    concurrent_downloads: Setting[int | None]  # None: as many as the account allows
    sync_interval_seconds: Setting[float]  # 0: only when an admin asks
    link_lifetime_hours: Setting[int]
    new_members_may_download: bool


def _pick(env: T | None, saved: T | None, default: T) -> Setting[T]:
    if env is not None:
        return Setting(env, ENVIRONMENT)
    if saved is not None:
        return Setting(saved, SAVED)
    return Setting(default, DEFAULT)


def site_values(row: SiteSettings | None = None) -> SiteValues:
    """The settings in force now (``row``: an already loaded row, to spare a query)."""
    row = row or SiteSettings.load()
    saved_sync = row.sync_interval_hours * 3600.0 if row.sync_interval_hours is not None else None
    return SiteValues(
        speed_limit=_pick(settings.ARIA2_MAX_DOWNLOAD_SPEED, row.speed_limit, DEFAULT_SPEED_LIMIT),
        concurrent_downloads=_pick(
            settings.ARIA2_MAX_CONCURRENT_DOWNLOADS, row.concurrent_downloads, None
        ),
        sync_interval_seconds=_pick(
            settings.VODARR_SYNC_INTERVAL_SECONDS,
            saved_sync,
            DEFAULT_SYNC_INTERVAL_HOURS * 3600.0,
        ),
        link_lifetime_hours=_pick(
            settings.LINK_LIFETIME_HOURS, row.link_lifetime_hours, DEFAULT_LINK_LIFETIME_HOURS
        ),
        new_members_may_download=row.new_members_may_download,
    )
