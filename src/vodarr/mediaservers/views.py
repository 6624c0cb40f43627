"""Admin routes for media servers: add, change, remove, and Test (asked from the request).

Test runs in the request with a short timeout, so the admin sees the server's answer at
once; rescans after downloads are the worker's (``scans.py``).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from vodarr.crypto import UndecryptableSecret
from vodarr.integrations.outbound import OutboundError
from vodarr.mediaservers.clients import identify
from vodarr.mediaservers.forms import FIELDS, MediaServerForm
from vodarr.mediaservers.models import Kind, MediaServer
from vodarr.mediaservers.scans import client_of
from vodarr.web.access import admin_required
from vodarr.web.http import flash, read_body, redirect_back, validation_failed, wants_json
from vodarr.web.validation import form_errors, path_id, unknown_fields

SETTINGS_URL = "/settings"
TEST_TIMEOUT_SECONDS = 5.0
MAX_SERVERS = 10


def _get_server(pk: str) -> MediaServer:
    server = MediaServer.objects.filter(pk=path_id(pk, "Media server")).first()
    if server is None:
        raise Http404("Media server not found.")
    return server


@admin_required
@require_http_methods(["POST"])
def add_server(request: HttpRequest) -> HttpResponse:
    data = read_body(request)
    form = MediaServerForm(data)
    errors = unknown_fields(data, FIELDS) | (form_errors(form) if not form.is_valid() else {})
    if not errors and MediaServer.objects.count() >= MAX_SERVERS:
        errors["url"] = f"At most {MAX_SERVERS} media servers: remove one first."
    if errors:
        return validation_failed(request, errors, SETTINGS_URL)
    values = form.cleaned_data
    server = MediaServer(
        kind=values["kind"],
        name=values["name"] or Kind(values["kind"]).label,
        url=values["url"],
        enabled="enabled" not in data or values["enabled"],
    )
    server.token = values["token"]
    server.save()
    return _done(request, f"{server.name} added: Vodarr asks it to rescan when files land.", 201)


@admin_required
@require_http_methods(["PATCH", "DELETE"])
def server_detail(request: HttpRequest, pk: str) -> HttpResponse:
    server = _get_server(pk)
    if request.method == "DELETE":
        server.delete()
        return _done(request, f"{server.name} removed.")
    data = read_body(request)
    form = MediaServerForm({"kind": server.kind, **data}, partial=True)
    errors = unknown_fields(data, FIELDS) | (form_errors(form) if not form.is_valid() else {})
    if errors:
        return validation_failed(request, errors, SETTINGS_URL)
    values = form.cleaned_data
    for field in ("kind", "name", "url"):
        if field in data and values[field]:
            setattr(server, field, values[field])
    if values.get("token"):
        server.token = values["token"]
    if "enabled" in data:
        server.enabled = values["enabled"]
    server.save()
    state = "on" if server.enabled else "off: no rescans are sent"
    return _done(request, f"{server.name} saved ({state}).")


@admin_required
@require_http_methods(["POST"])
def test_server(request: HttpRequest, pk: str) -> HttpResponse:
    server = _get_server(pk)
    try:
        answer = identify(client_of(server), timeout=TEST_TIMEOUT_SECONDS)
    except (OutboundError, UndecryptableSecret) as error:
        message = getattr(error, "message", str(error))
        MediaServer.objects.filter(pk=server.pk).update(
            last_error=message, last_error_at=timezone.now()
        )
        return validation_failed(
            request, {"mediaServer": f"{server.name}: {message}"}, SETTINGS_URL
        )
    MediaServer.objects.filter(pk=server.pk).update(last_error="", last_error_at=None)
    return _done(request, f"{server.name}: {answer}")


def _done(request: HttpRequest, message: str, status: int = 200) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"message": message}, status=status)
    flash(request, "success", message)
    return redirect_back(request, SETTINGS_URL)
