"""What a monitor accepts (``POST``/``PATCH /series/{id}/monitoring``), field by field.

``{"seasons": [1, 2] | "all", "from": "future" | "all", "schedule": "hourly" | "daily" |
"weekly", "time": "HH:MM", "days": [0..6], "timezone": "Europe/Paris", "enabled": bool}``.
Creating fills in what is left out (every season, new episodes only, daily at 06:00, every
day, the server's time zone); changing touches only the keys given. Unknown keys are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any

from django import forms
from django.conf import settings

from vodarr.monitoring.models import Schedule, StartFrom
from vodarr.monitoring.schedule import ALL_DAYS, known_timezones

FIELDS = ("seasons", "from", "schedule", "time", "days", "timezone", "enabled")
MAX_SEASON = 9999
MAX_SEASONS = 200
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


@dataclass
class MonitorValues:
    """The cleaned values; ``None`` means "not given" (a change keeps the current value)."""

    seasons: list[int] | str | None = None  # "all" stays a string until applied
    start_from: str | None = None
    schedule: str | None = None
    run_time: time | None = None
    days: list[int] | None = None
    time_zone: str | None = None
    enabled: bool | None = None

    @classmethod
    def defaults(cls) -> MonitorValues:
        return cls(
            seasons="all",
            start_from=StartFrom.FUTURE,
            schedule=Schedule.DAILY,
            run_time=time(6, 0),
            days=list(ALL_DAYS),
            time_zone=settings.TIME_ZONE,
            enabled=True,
        )


class MonitorForm(forms.Form):
    """Validates the given keys; ``values()`` after ``is_valid()``."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.given = set(data)
        for name in FIELDS:
            self.fields[name] = forms.Field(required=False)

    def _raw(self, name: str) -> Any:
        return self.data.get(name) if name in self.given else None

    def clean_seasons(self) -> list[int] | str | None:
        raw = self._raw("seasons")
        if "seasons" not in self.given:
            return None
        if raw == "all":
            return "all"
        if not isinstance(raw, list) or not raw or len(raw) > MAX_SEASONS:
            raise forms.ValidationError('Choose "all" or a list of season numbers, like [1, 2].')
        if not all(_whole(n) and 0 <= n <= MAX_SEASON for n in raw):
            raise forms.ValidationError(
                f"Season numbers must be whole numbers from 0 (specials) to {MAX_SEASON}."
            )
        return sorted(set(raw))

    def clean_from(self) -> str | None:
        raw = self._raw("from")
        if "from" in self.given and raw not in StartFrom.values:
            raise forms.ValidationError(
                'Choose "future" (only episodes that appear from now on) or "all" '
                "(also the episodes there now)."
            )
        return raw

    def clean_schedule(self) -> str | None:
        raw = self._raw("schedule")
        if "schedule" in self.given and raw not in Schedule.values:
            raise forms.ValidationError('Choose "hourly", "daily" or "weekly".')
        return raw

    def clean_time(self) -> time | None:
        if "time" not in self.given:
            return None
        raw = self._raw("time")
        match = _CLOCK.match(raw) if isinstance(raw, str) else None
        if match is None or int(match[1]) > 23 or int(match[2]) > 59:
            raise forms.ValidationError('Give the time as HH:MM on a 24-hour clock, like "20:00".')
        return time(int(match[1]), int(match[2]))

    def clean_days(self) -> list[int] | None:
        if "days" not in self.given:
            return None
        raw = self._raw("days")
        if not isinstance(raw, list) or not all(_whole(n) and 0 <= n <= 6 for n in raw):
            raise forms.ValidationError(
                "Give the days as a list of weekday numbers, 0 (Monday) to 6 (Sunday)."
            )
        if not raw:
            raise forms.ValidationError("Choose at least one day.")
        return sorted(set(raw))

    def clean_timezone(self) -> str | None:
        if "timezone" not in self.given:
            return None
        raw = self._raw("timezone")
        if not isinstance(raw, str) or raw not in known_timezones():
            shown = str(raw)[:60] if raw is not None else "none"
            raise forms.ValidationError(
                f'Unknown time zone "{shown}": use a name like "Europe/Paris" or "UTC".'
            )
        return raw

    def clean_enabled(self) -> bool | None:
        raw = self._raw("enabled")
        if "enabled" in self.given and not isinstance(raw, bool):
            raise forms.ValidationError("Enabled must be true or false.")
        return raw

    def values(self) -> MonitorValues:
        data = self.cleaned_data
        return MonitorValues(
            seasons=data["seasons"],
            start_from=data["from"],
            schedule=data["schedule"],
            run_time=data["time"],
            days=data["days"],
            time_zone=data["timezone"],
            enabled=data["enabled"],
        )


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
