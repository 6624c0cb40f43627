"""What the Schedules page and a series page show: monitors and recent runs, visible to whom.

Members see their own; admins see everyone's (with the owner named).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet

from vodarr.accounts.models import User
from vodarr.monitoring.models import (
    MonitoringSettings,
    MonitorRun,
    MonitorRunEpisode,
    SeriesMonitor,
)
from vodarr.monitoring.scan import episodes_per_run
from vodarr.monitoring.serialize import EPISODES_SHOWN, serialize_monitor, serialize_run
from vodarr.monitoring.services import paused_all
from vodarr.web.pagination import paginator_props

PER_PAGE = 20
RECENT_RUNS = 20


def visible_monitors(user: User) -> QuerySet[SeriesMonitor]:
    monitors = SeriesMonitor.objects.select_related("user").order_by("series_name", "id")
    return monitors if user.is_admin else monitors.filter(user=user)


def monitors_page(user: User, number: int, now: datetime) -> dict[str, Any]:
    paginator = Paginator(visible_monitors(user), PER_PAGE)
    page = paginator.page(min(number, paginator.num_pages))
    stopped = paused_all()
    data = [
        serialize_monitor(m, paused_all=stopped, now=now, for_admin=user.is_admin)
        for m in page.object_list
    ]
    return paginator_props(page, data, lambda n: f"/schedules?page={n}")


def recent_runs(user: User) -> list[dict[str, Any]]:
    runs = MonitorRun.objects.select_related("user").order_by("-started_at", "-id")
    if not user.is_admin:
        runs = runs.filter(user=user)
    shown = MonitorRunEpisode.objects.order_by("season", "episode", "id")[:EPISODES_SHOWN]
    # A sliced prefetch must land in its own attribute (Django cannot filter a slice again).
    runs = runs.prefetch_related(Prefetch("episodes", queryset=shown, to_attr="shown_episodes"))
    return [serialize_run(run, for_admin=user.is_admin) for run in runs[:RECENT_RUNS]]


def monitoring_status() -> dict[str, Any]:
    row = (
        MonitoringSettings.objects.select_related("paused_by")
        .filter(pk=MonitoringSettings.SINGLETON_PK)
        .first()
    )
    return {
        "paused": bool(row and row.paused),
        "pausedAt": row.paused_at.isoformat() if row and row.paused_at else None,
        "pausedBy": row.paused_by.name if row and row.paused and row.paused_by else None,
        "episodesPerRun": episodes_per_run(),
    }


def series_monitor(user: User, series_id: int, now: datetime) -> dict[str, Any] | None:
    """The person's own monitor of a series, for the series page (None: not monitored)."""
    monitor = (
        SeriesMonitor.objects.select_related("user").filter(user=user, series_id=series_id).first()
    )
    if monitor is None:
        return None
    return serialize_monitor(monitor, paused_all=paused_all(), now=now)
