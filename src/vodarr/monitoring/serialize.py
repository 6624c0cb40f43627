"""Monitors and runs as pages see them (TypeScript ``MonitorItem`` and ``MonitorRunItem``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from vodarr.monitoring.models import MonitorRun, RunStatus, SeriesMonitor
from vodarr.monitoring.services import RUN_LEASE

EPISODES_SHOWN = 50


def serialize_monitor(
    monitor: SeriesMonitor, *, paused_all: bool, now: datetime, for_admin: bool = False
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": monitor.pk,
        "series": {
            "id": monitor.series_id,
            "name": monitor.series_name,
            "poster": monitor.poster or None,
        },
        "seasons": "all" if monitor.seasons is None else monitor.seasons,
        "from": monitor.start_from,
        "schedule": monitor.schedule,
        "time": monitor.run_time.strftime("%H:%M"),
        "days": monitor.days,
        "timezone": monitor.time_zone,
        "enabled": monitor.enabled,
        "description": monitor.spec.describe(),
        "state": _state(monitor, paused_all=paused_all, now=now),
        "nextRunAt": _iso(monitor.next_run_at),
        "lastRun": (
            {
                "at": _iso(monitor.last_run_at),
                "status": monitor.last_status,
                "message": monitor.last_message,
                "counts": monitor.last_counts or {},
            }
            if monitor.last_run_at is not None
            else None
        ),
        "createdAt": _iso(monitor.created_at),
    }
    if for_admin:
        item["owner"] = {
            "id": monitor.user.pk,
            "name": monitor.user.name,
            "email": monitor.user.email,
        }
    return item


def serialize_run(run: MonitorRun, *, for_admin: bool = False) -> dict[str, Any]:
    # Prefetched by the Schedules page (at most EPISODES_SHOWN), else read here.
    episodes = getattr(run, "shown_episodes", None) or list(run.episodes.all()[:EPISODES_SHOWN])
    item: dict[str, Any] = {
        "id": run.pk,
        "monitorId": run.monitor_id,
        "seriesName": run.series_name,
        "trigger": run.trigger,
        "status": run.status,
        "message": run.message,
        "counts": run.counts or {},
        "startedAt": _iso(run.started_at),
        "finishedAt": _iso(run.finished_at),
        "episodes": [
            {
                "season": e.season,
                "episode": e.episode,
                "title": e.title,
                "outcome": e.outcome,
                "reason": e.reason or None,
            }
            for e in episodes[:EPISODES_SHOWN]
        ],
        "episodesTotal": sum((run.counts or {}).values()) or len(episodes),
    }
    if for_admin:
        item["owner"] = {"id": run.user.pk, "name": run.user.name, "email": run.user.email}
    return item


def _state(monitor: SeriesMonitor, *, paused_all: bool, now: datetime) -> str:
    """running | paused_all | off | scheduled."""
    if monitor.running_since is not None and monitor.running_since > now - RUN_LEASE:
        return RunStatus.RUNNING.value
    if paused_all:
        return "paused_all"
    return "scheduled" if monitor.enabled else "off"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
