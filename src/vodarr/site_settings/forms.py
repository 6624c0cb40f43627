"""What the Settings page's server card accepts, and the props it shows.

``PATCH /settings/server`` with any of ``{"speed_limit": bytes per second (0: none) | null,
"concurrent_downloads": n | null, "sync_interval_hours": n (0: only by hand) | null,
"link_lifetime_hours": n | null, "new_members_may_download": bool}``; null clears a value
(the default applies again). A setting the environment fixes cannot be changed here: the
answer says which variable to change instead.
"""

from __future__ import annotations

from typing import Any

from django import forms

from vodarr.site_settings import values as v
from vodarr.site_settings.models import SiteSettings

ENVIRONMENT_NAMES = {
    "speed_limit": "ARIA2_MAX_DOWNLOAD_SPEED",
    "concurrent_downloads": "ARIA2_MAX_CONCURRENT_DOWNLOADS",
    "sync_interval_hours": "SYNC_INTERVAL_HOURS",
    "link_lifetime_hours": "LINK_LIFETIME_HOURS",
}
BOUNDS = {
    "speed_limit": (
        0,
        v.MAX_SPEED_LIMIT,
        "The speed limit must be 0 (none) or a speed up to 10 GiB/s.",
    ),
    "concurrent_downloads": (
        1,
        v.MAX_CONCURRENT_DOWNLOADS,
        f"Choose between 1 and {v.MAX_CONCURRENT_DOWNLOADS} downloads at once.",
    ),
    "sync_interval_hours": (
        0,
        v.MAX_SYNC_INTERVAL_HOURS,
        f"Choose 0 (only when you sync by hand) to {v.MAX_SYNC_INTERVAL_HOURS} hours.",
    ),
    "link_lifetime_hours": (
        1,
        v.MAX_LINK_LIFETIME_HOURS,
        f"Links may last from 1 to {v.MAX_LINK_LIFETIME_HOURS} hours (30 days).",
    ),
}
FIELDS = (*BOUNDS, "new_members_may_download")


class ServerSettingsForm(forms.Form):
    """Validates the keys given; ``changes()`` after ``is_valid()`` are the fields to save."""

    def __init__(self, data: dict[str, Any], current: v.SiteValues, account_limit: int | None):
        super().__init__(data)
        self.given = set(data) & set(FIELDS)
        self.current = current
        self.account_limit = account_limit
        for name in FIELDS:
            self.fields[name] = forms.Field(required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in self.given:
            if name in BOUNDS:
                self._clean_number(name, cleaned.get(name))
            elif not isinstance(cleaned.get(name), bool):
                self.add_error(name, "Say true or false: may new members download to the server?")
        return cleaned

    def _clean_number(self, name: str, value: object) -> None:
        setting: v.Setting[Any] = getattr(
            self.current, "sync_interval_seconds" if name == "sync_interval_hours" else name
        )
        if setting.from_environment:
            self.add_error(
                name,
                f"{ENVIRONMENT_NAMES[name]} sets this in the environment; change it there.",
            )
            return
        if value is None:
            return
        low, high, sentence = BOUNDS[name]
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.add_error(name, sentence)
            return
        limit = self.account_limit
        if name == "concurrent_downloads" and limit is not None and value > limit:
            word = "connection" if limit == 1 else "connections"
            self.add_error(
                name,
                f"The provider account allows {limit} {word} at once: choose {limit} or fewer.",
            )

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.given}


def save(changes: dict[str, Any]) -> SiteSettings:
    row = SiteSettings.load()
    for name, value in changes.items():
        setattr(row, name, value)
    row.save()
    return row


def server_props(account_limit: int | None) -> dict[str, Any]:
    """The server card: each value with where it comes from (and the variable that fixes it)."""
    current = v.site_values()

    def entry(name: str, setting: v.Setting[Any], value: Any) -> dict[str, Any]:
        return {"value": value, "source": setting.source, "variable": ENVIRONMENT_NAMES[name]}

    sync = current.sync_interval_seconds
    return {
        "speedLimit": entry("speed_limit", current.speed_limit, current.speed_limit.value),
        "concurrentDownloads": entry(
            "concurrent_downloads",
            current.concurrent_downloads,
            current.concurrent_downloads.value,
        ),
        "syncIntervalHours": entry("sync_interval_hours", sync, sync.value / 3600),
        "linkLifetimeHours": entry(
            "link_lifetime_hours", current.link_lifetime_hours, current.link_lifetime_hours.value
        ),
        "newMembersMayDownload": current.new_members_may_download,
        "accountLimit": account_limit,
    }
