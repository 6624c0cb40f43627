"""When a monitor runs next: every hour, day or week, at a local time, on chosen weekdays.

Times are wall-clock times in the person's own time zone (``zoneinfo``), so "every day at
20:00 in Europe/Paris" stays at 20:00 across daylight-saving changes. A time that does not
exist on a spring-forward day runs just after the gap; one that happens twice on a
fall-back day runs at its first occurrence. The next run is computed from the ``now`` the
caller passes (the worker's clock, or a test's), never from the machine's uptime.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ALL_DAYS = tuple(range(7))


@lru_cache(maxsize=1)
def known_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


@dataclass(frozen=True)
class ScheduleSpec:
    every: str  # "hourly" | "daily" | "weekly"
    at: time  # hourly: only the minute counts
    days: tuple[int, ...]  # weekdays it may run on, 0 = Monday
    timezone: str

    def next_run_after(self, now: datetime) -> datetime:
        """The first slot strictly after ``now`` (an aware datetime), in UTC."""
        zone = ZoneInfo(self.timezone)
        today = now.astimezone(zone).date()
        hours = range(24) if self.every == "hourly" else (self.at.hour,)
        # Eight days always hold the next slot: a weekly schedule's own weekday comes again.
        for offset in range(8):
            day = today + timedelta(days=offset)
            if day.weekday() not in self.days:
                continue
            for hour in hours:
                wall = datetime.combine(day, time(hour, self.at.minute), tzinfo=zone)
                slot = wall.astimezone(UTC)
                if slot > now:
                    return slot
        raise ValueError("A schedule needs at least one weekday.")

    def describe(self) -> str:
        """ "Every day at 20:00", "Every hour at :15 on Mon-Fri", "Every week on Sun at 09:30"."""
        days = _days_text(self.days)
        if self.every == "hourly":
            text = f"Every hour at :{self.at.minute:02d}"
            return text if days == "" else f"{text} on {days}"
        clock = self.at.strftime("%H:%M")
        if self.every == "weekly":
            return f"Every week on {days or 'every day'} at {clock}"
        return f"Every day at {clock}" if days == "" else f"On {days} at {clock}"


def _days_text(days: tuple[int, ...]) -> str:
    """ "" for every day; "Mon-Fri"; "Sat, Sun"."""
    chosen = sorted(set(days))
    if chosen == list(ALL_DAYS):
        return ""
    if len(chosen) >= 3 and chosen == list(range(chosen[0], chosen[-1] + 1)):
        return f"{WEEKDAYS[chosen[0]]}-{WEEKDAYS[chosen[-1]]}"
    return ", ".join(WEEKDAYS[day] for day in chosen)
