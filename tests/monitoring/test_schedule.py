"""When a monitor runs next: local wall-clock times across time zones and DST changes.

Every case passes its own "now": nothing here depends on the machine's clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from vodarr.monitoring.schedule import ALL_DAYS, ScheduleSpec

PARIS = "Europe/Paris"


def spec(every: str, at: str, days: tuple[int, ...] = ALL_DAYS, zone: str = PARIS) -> ScheduleSpec:
    hour, minute = map(int, at.split(":"))
    return ScheduleSpec(every, time(hour, minute), days, zone)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_daily_runs_at_the_local_time_today_or_tomorrow() -> None:
    daily = spec("daily", "20:00")
    # 10:00 UTC on a winter day is 11:00 in Paris: tonight at 20:00 Paris is 19:00 UTC.
    assert daily.next_run_after(utc(2025, 1, 15, 10, 0)) == utc(2025, 1, 15, 19, 0)
    # Exactly at the slot: the next one, not the same one again.
    assert daily.next_run_after(utc(2025, 1, 15, 19, 0)) == utc(2025, 1, 16, 19, 0)


def test_summer_time_keeps_the_wall_clock_time() -> None:
    daily = spec("daily", "20:00")
    assert daily.next_run_after(utc(2025, 7, 1, 10, 0)) == utc(2025, 7, 1, 18, 0)


def test_a_time_skipped_by_spring_forward_runs_just_after_the_gap() -> None:
    # 30 March 2025: Paris jumps from 02:00 to 03:00; 02:30 does not exist that night.
    nightly = spec("daily", "02:30")
    assert nightly.next_run_after(utc(2025, 3, 29, 23, 0)) == utc(2025, 3, 30, 1, 30)  # 03:30
    assert nightly.next_run_after(utc(2025, 3, 30, 1, 30)) == utc(2025, 3, 31, 0, 30)


def test_a_time_that_happens_twice_on_fall_back_runs_once() -> None:
    # 26 October 2025: Paris goes from 03:00 back to 02:00; 02:30 happens twice.
    nightly = spec("daily", "02:30")
    first = nightly.next_run_after(utc(2025, 10, 25, 22, 0))
    assert first == utc(2025, 10, 26, 0, 30)  # the first 02:30 (summer time)
    assert nightly.next_run_after(first) == utc(2025, 10, 27, 1, 30)  # then tomorrow's


def test_hourly_runs_at_the_chosen_minute_on_the_chosen_days() -> None:
    weekdays = spec("hourly", "00:15", days=(0, 1, 2, 3, 4), zone="UTC")
    assert weekdays.next_run_after(utc(2025, 1, 15, 10, 20)) == utc(2025, 1, 15, 11, 15)
    # Friday 23:20 → Monday 00:15 (2025-01-17 is a Friday).
    assert weekdays.next_run_after(utc(2025, 1, 17, 23, 20)) == utc(2025, 1, 20, 0, 15)


def test_hourly_in_a_half_hour_time_zone_counts_local_minutes() -> None:
    kolkata = spec("hourly", "00:00", zone="Asia/Kolkata")  # UTC+05:30
    assert kolkata.next_run_after(utc(2025, 1, 15, 10, 0)) == utc(2025, 1, 15, 10, 30)


def test_weekly_runs_on_its_days_only() -> None:
    sundays = spec("weekly", "09:30", days=(6,), zone="UTC")
    # Wednesday 15 January 2025 → Sunday 19 January.
    assert sundays.next_run_after(utc(2025, 1, 15, 12, 0)) == utc(2025, 1, 19, 9, 30)
    assert sundays.next_run_after(utc(2025, 1, 19, 9, 30)) == utc(2025, 1, 26, 9, 30)


def test_no_day_at_all_is_refused() -> None:
    with pytest.raises(ValueError, match="weekday"):
        spec("daily", "10:00", days=()).next_run_after(utc(2025, 1, 1))


@pytest.mark.parametrize(
    ("schedule", "text"),
    [
        (spec("daily", "20:00"), "Every day at 20:00"),
        (spec("daily", "07:05", days=(0, 1, 2, 3, 4)), "On Mon-Fri at 07:05"),
        (spec("hourly", "10:15"), "Every hour at :15"),
        (spec("hourly", "10:15", days=(5, 6)), "Every hour at :15 on Sat, Sun"),
        (spec("weekly", "09:30", days=(6,)), "Every week on Sun at 09:30"),
    ],
)
def test_each_schedule_reads_as_a_sentence(schedule: ScheduleSpec, text: str) -> None:
    assert schedule.describe() == text
