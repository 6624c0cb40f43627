"""Monitoring routes: a series' monitor (by series), any visible monitor (by id), Schedules.

``/series/{id}/monitoring`` is always the signed-in person's own monitor of that series.
``/monitors/{id}`` reaches a monitor by id: its owner or an admin; for anyone else it
answers exactly like a missing one (404), so ids cannot be probed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from inertia import render

from vodarr.accounts.models import User
from vodarr.monitoring import listing, services
from vodarr.monitoring.forms import FIELDS, MonitorForm, MonitorValues
from vodarr.monitoring.models import RunStatus, SeriesMonitor
from vodarr.monitoring.serialize import serialize_monitor
from vodarr.web.access import admin_required
from vodarr.web.http import (
    bool_field,
    flash,
    read_body,
    redirect_back,
    validation_failed,
    wants_json,
)
from vodarr.web.pagination import page_number
from vodarr.web.props import Plain
from vodarr.web.validation import form_errors, path_id, unknown_fields

SCHEDULES_URL = "/schedules"
NOT_MONITORED = "You do not monitor this series."


def _get_monitor_for_user(request: HttpRequest, pk: str) -> SeriesMonitor:
    """The monitor if this person may see and change it (owner or admin); else 404."""
    user: User = request.user  # type: ignore[assignment]
    monitor = SeriesMonitor.objects.select_related("user").filter(pk=path_id(pk, "Monitor")).first()
    if monitor is None or not (user.is_admin or monitor.user_id == user.pk):
        raise Http404("Monitor not found.")
    return monitor


def _own_monitor(request: HttpRequest, series_id: int) -> SeriesMonitor:
    monitor = (
        SeriesMonitor.objects.select_related("user")
        .filter(user=request.user, series_id=series_id)  # type: ignore[misc]
        .first()
    )
    if monitor is None:
        raise Http404(NOT_MONITORED)
    return monitor


# --- by series -------------------------------------------------------------------------------


@require_http_methods(["POST", "PATCH", "DELETE"])
def series_monitoring(request: HttpRequest, series_id: str) -> HttpResponse:
    sid = path_id(series_id, "Series")
    back = f"/series/{sid}"
    if request.method == "DELETE":
        return _stop(request, _own_monitor(request, sid), back)
    if request.method == "PATCH":
        return _change(request, _own_monitor(request, sid), back)
    values = _values(request, back)
    if isinstance(values, HttpResponse):
        return values
    user: User = request.user  # type: ignore[assignment]
    return _respond(
        request,
        back,
        lambda: services.create_monitor(user, sid, values, timezone.now()),
        lambda m: f"Monitoring {m.series_name}. {services.next_run_text(m)}",
        created=True,
    )


@require_http_methods(["POST"])
def series_run_now(request: HttpRequest, series_id: str) -> HttpResponse:
    sid = path_id(series_id, "Series")
    return _run_now(request, _own_monitor(request, sid), f"/series/{sid}")


# --- by id -----------------------------------------------------------------------------------


@require_http_methods(["GET", "PATCH", "DELETE"])
def monitor_detail(request: HttpRequest, pk: str) -> HttpResponse:
    monitor = _get_monitor_for_user(request, pk)
    if request.method == "DELETE":
        return _stop(request, monitor, SCHEDULES_URL)
    if request.method == "PATCH":
        return _change(request, monitor, SCHEDULES_URL)
    user: User = request.user  # type: ignore[assignment]
    item = serialize_monitor(
        monitor, paused_all=services.paused_all(), now=timezone.now(), for_admin=user.is_admin
    )
    return JsonResponse({"monitor": item})


@require_http_methods(["POST"])
def monitor_run_now(request: HttpRequest, pk: str) -> HttpResponse:
    return _run_now(request, _get_monitor_for_user(request, pk), SCHEDULES_URL)


# --- the Schedules page and the admin's switch ----------------------------------------------


@require_http_methods(["GET"])
def schedules(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    now = timezone.now()
    return render(
        request,
        "schedules",
        {
            "monitors": lambda: Plain(
                listing.monitors_page(user, page_number(request.GET.get("page")), now)
            ),
            "runs": lambda: Plain(listing.recent_runs(user)),
            "monitoring": listing.monitoring_status(),
            "canPauseAll": user.is_admin,
        },
    )


@admin_required
@require_http_methods(["PATCH"])
def monitoring_settings(request: HttpRequest) -> HttpResponse:
    data = read_body(request)
    errors = unknown_fields(data, ["paused"])
    if "paused" not in data:
        errors.setdefault("paused", "Say whether monitoring is paused (true or false).")
    paused = bool_field(data, "paused", errors, "paused")
    if errors:
        return validation_failed(request, errors, SCHEDULES_URL)
    user: User = request.user  # type: ignore[assignment]
    services.set_paused_all(user, paused, timezone.now())
    message = (
        "All monitoring is paused: no series is scanned until you resume it."
        if paused
        else "Monitoring resumed: due series are scanned at the worker's next look."
    )
    return _done(request, message, SCHEDULES_URL)


# --- helpers ---------------------------------------------------------------------------------


def _values(request: HttpRequest, back: str) -> MonitorValues | HttpResponse:
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    form = MonitorForm(data)
    errors = unknown_fields(data, FIELDS) | (form_errors(form) if not form.is_valid() else {})
    if errors:
        return validation_failed(request, errors, back)
    return form.values()


def _change(request: HttpRequest, monitor: SeriesMonitor, back: str) -> HttpResponse:
    values = _values(request, back)
    if isinstance(values, HttpResponse):
        return values
    return _respond(
        request,
        back,
        lambda: services.update_monitor(monitor, values, timezone.now()),
        lambda m: f"Monitor of {m.series_name} saved. {services.next_run_text(m)}",
    )


def _stop(request: HttpRequest, monitor: SeriesMonitor, back: str) -> HttpResponse:
    name = monitor.series_name
    monitor.delete()
    return _done(request, f"Stopped monitoring {name}.", back)


def _run_now(request: HttpRequest, monitor: SeriesMonitor, back: str) -> HttpResponse:
    try:
        result = services.run_now(monitor, timezone.now())
    except services.MonitorError as error:
        return _refused(request, error, back)
    if result.status == RunStatus.FAILED:
        message = f"The scan of {result.series_name} failed: {result.message}"
        if wants_json(request):
            return JsonResponse({"message": message, "run": result.pk}, status=502)
        flash(request, "error", message)
        return redirect_back(request, back)
    return _done(request, f"{result.series_name}: {result.message}", back)


def _respond(
    request: HttpRequest,
    back: str,
    act: Callable[[], SeriesMonitor],
    message: Callable[[SeriesMonitor], str],
    *,
    created: bool = False,
) -> HttpResponse:
    try:
        monitor = act()
    except services.MonitorError as error:
        return _refused(request, error, back)
    text = message(monitor)
    if wants_json(request):
        user: User = request.user  # type: ignore[assignment]
        item = serialize_monitor(
            monitor, paused_all=services.paused_all(), now=timezone.now(), for_admin=user.is_admin
        )
        return JsonResponse({"message": text, "monitor": item}, status=201 if created else 200)
    flash(request, "success", text)
    return redirect_back(request, back)


def _refused(request: HttpRequest, error: services.MonitorError, back: str) -> HttpResponse:
    if error.status == 422:
        return validation_failed(request, {error.field: error.message}, back)
    if wants_json(request):
        return JsonResponse({"message": error.message}, status=error.status)
    flash(request, "error", error.message)
    return redirect_back(request, back)


def _done(request: HttpRequest, message: str, back: str, **extra: Any) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"message": message, **extra})
    flash(request, "success", message)
    return redirect_back(request, back)
