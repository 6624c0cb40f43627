"""``/api/v1/monitors``: series monitors, validated by the Schedules page's own form.

Creating and changing go through ``MonitorForm`` (its sentences) and ``monitoring.services``;
a monitor that is not the caller's answers 404. Pausing all monitoring is for
administrators (403 for a member's key).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router, Status

from vodarr.accounts.models import User
from vodarr.api.auth import admin_only, caller
from vodarr.api.problems import ApiProblem, answers
from vodarr.api.schemas import Message, Page
from vodarr.api.schemas.household import MonitorIn, MonitorItem, MonitorOut, PauseAllIn
from vodarr.monitoring import listing, services
from vodarr.monitoring.forms import MonitorForm, MonitorValues
from vodarr.monitoring.models import RunStatus, SeriesMonitor
from vodarr.monitoring.serialize import serialize_monitor
from vodarr.web.validation import form_errors

router = Router(tags=["monitors"])
Id = Path(..., ge=1, le=2**63 - 1)
NOT_FOUND = "Monitor not found."


def _monitor(user: User, monitor_id: int) -> SeriesMonitor:
    monitor = listing.visible_monitors(user).filter(pk=monitor_id).first()
    if monitor is None:
        raise ApiProblem(404, NOT_FOUND)
    return monitor


def _item(user: User, monitor: SeriesMonitor) -> dict[str, Any]:
    return serialize_monitor(
        monitor, paused_all=services.paused_all(), now=timezone.now(), for_admin=user.is_admin
    )


def _values(payload: MonitorIn) -> MonitorValues:
    form = MonitorForm(payload.model_dump(by_alias=True, exclude_unset=True))
    if not form.is_valid():
        errors = form_errors(form)
        raise ApiProblem(422, next(iter(errors.values())), errors=errors)
    return form.values()


def _saved(user: User, act: Any, message: Any, status: int = 200) -> Any:
    try:
        monitor = act()
    except services.MonitorError as error:
        errors = {error.field: error.message} if error.status == 422 else None
        raise ApiProblem(error.status, error.message, errors=errors) from None
    return Status(status, {"detail": message(monitor), "monitor": _item(user, monitor)})


@router.put("/paused", response=answers({200: Message}, 403))
def pause_all_monitoring(request: HttpRequest, payload: PauseAllIn) -> Any:
    """Administrators: pause (or resume) every monitor at once."""
    admin = admin_only(request)
    services.set_paused_all(admin, payload.paused, timezone.now())
    if payload.paused:
        return {"detail": "All monitoring is paused: no series is scanned until you resume it."}
    return {"detail": "Monitoring resumed: due series are scanned at the worker's next look."}


@router.get("", response=answers({200: Page[MonitorItem]}), by_alias=True)
def list_monitors(request: HttpRequest, page: int = Query(1, ge=1, le=1_000_000)) -> Any:
    """Your series monitors (administrators: everyone's), by series name."""
    user = caller(request)
    result = listing.monitors_page(user, page, timezone.now())
    for link in ("next_page_url", "prev_page_url"):
        if result[link]:
            result[link] = result[link].replace("/schedules", "/api/v1/monitors")
    return result


@router.post(
    "/series/{series_id}", response=answers({201: MonitorOut}, 404, 409, 503), by_alias=True
)
def create_monitor(request: HttpRequest, payload: MonitorIn, series_id: int = Id) -> Any:
    """Monitor a series: new episodes download by themselves on the schedule."""
    user = caller(request)
    values = _values(payload)
    return _saved(
        user,
        lambda: services.create_monitor(user, series_id, values, timezone.now()),
        lambda m: f"Monitoring {m.series_name}. {services.next_run_text(m)}".strip(),
        status=201,
    )


@router.get("/{monitor_id}", response=answers({200: MonitorItem}, 404), by_alias=True)
def get_monitor(request: HttpRequest, monitor_id: int = Id) -> Any:
    user = caller(request)
    return _item(user, _monitor(user, monitor_id))


@router.patch("/{monitor_id}", response=answers({200: MonitorOut}, 404, 409), by_alias=True)
def change_monitor(request: HttpRequest, payload: MonitorIn, monitor_id: int = Id) -> Any:
    """Change only the fields given."""
    user = caller(request)
    monitor = _monitor(user, monitor_id)
    values = _values(payload)
    return _saved(
        user,
        lambda: services.update_monitor(monitor, values, timezone.now()),
        lambda m: f"Monitor of {m.series_name} saved. {services.next_run_text(m)}".strip(),
    )


@router.delete("/{monitor_id}", response=answers({200: Message}, 404))
def stop_monitor(request: HttpRequest, monitor_id: int = Id) -> Any:
    monitor = _monitor(caller(request), monitor_id)
    monitor.delete()
    return {"detail": f"Stopped monitoring {monitor.series_name}."}


@router.post("/{monitor_id}/run", response=answers({200: Message}, 404, 409, 502))
def run_monitor(request: HttpRequest, monitor_id: int = Id) -> Any:
    """Scan now instead of waiting for the schedule."""
    monitor = _monitor(caller(request), monitor_id)
    try:
        result = services.run_now(monitor, timezone.now())
    except services.MonitorError as error:
        raise ApiProblem(error.status, error.message) from None
    if result.status == RunStatus.FAILED:
        raise ApiProblem(502, f"The scan of {result.series_name} failed: {result.message}")
    return {"detail": f"{result.series_name}: {result.message}"}
