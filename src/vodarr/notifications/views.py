"""Notification routes: the list, marking read, and the person's outside targets (profile)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from inertia import render

from vodarr.accounts.models import User
from vodarr.crypto import UndecryptableSecret
from vodarr.notifications import services
from vodarr.notifications.delivery import send_timeout
from vodarr.notifications.forms import TargetForm
from vodarr.notifications.models import NotificationTarget
from vodarr.notifications.sending import preview, send
from vodarr.web.http import (
    bool_field,
    flash,
    read_body,
    redirect_back,
    string_field,
    validation_failed,
    wants_json,
)
from vodarr.web.pagination import page_number
from vodarr.web.props import Plain
from vodarr.web.validation import form_errors, path_id, unknown_fields

NOTIFICATIONS_URL = "/notifications"
PROFILE_URL = "/profile"
# A test runs in the request (the person waits for the target's answer), so it gets less
# time than the worker's sends.
TEST_TIMEOUT_SECONDS = 5.0


def _get_target_for_user(request: HttpRequest, pk: str) -> NotificationTarget:
    """One of the person's own targets; anyone else's answers like a missing one (404)."""
    target = NotificationTarget.objects.filter(
        pk=path_id(pk, "Notification target"),
        user=request.user,  # type: ignore[misc]
    ).first()
    if target is None:
        raise Http404("Notification target not found.")
    return target


@require_http_methods(["GET"])
def notifications_index(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    return render(
        request,
        "notifications",
        {
            "items": lambda: Plain(
                services.notifications_page(user, page_number(request.GET.get("page")))
            ),
            "hasTargets": NotificationTarget.objects.filter(user=user).exists(),
        },
    )


@require_http_methods(["POST"])
def mark_all_read(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    count = services.mark_read(user)
    return _done(request, "Everything is marked as read." if count else "Nothing was unread.")


@require_http_methods(["PATCH"])
def notification_detail(request: HttpRequest, pk: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    ident = path_id(pk, "Notification")
    if not user.notifications.filter(pk=ident).exists():
        raise Http404("Notification not found.")
    data = read_body(request)
    errors = unknown_fields(data, ["read"])
    if bool_field(data, "read", errors, "read") is not True and not errors:
        errors["read"] = 'Only marking as read is supported: send {"read": true}.'
    if errors:
        return validation_failed(request, errors, NOTIFICATIONS_URL)
    services.mark_read(user, ident)
    return _done(request, "Marked as read.")


# --- targets (shown on the profile page) ----------------------------------------------------


@require_http_methods(["POST"])
def targets(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    data = read_body(request)
    form = TargetForm(data)
    errors = unknown_fields(data, form.fields) | (form_errors(form) if not form.is_valid() else {})
    if not errors and user.notification_targets.count() >= services.MAX_TARGETS:
        errors["url"] = f"You can add at most {services.MAX_TARGETS} notification targets."
    if errors:
        return validation_failed(request, errors, PROFILE_URL)
    url = form.cleaned_data["url"]
    target = NotificationTarget(user=user, url_preview=preview(url))
    target.url = url
    target.name = form.cleaned_data["name"].strip() or target.url_preview
    target.save()
    return _done(request, f"Notifications will also go to {target.name}.", back=PROFILE_URL)


@require_http_methods(["PATCH", "DELETE"])
def target_detail(request: HttpRequest, pk: str) -> HttpResponse:
    target = _get_target_for_user(request, pk)
    if request.method == "DELETE":
        target.delete()
        return _done(request, f"Removed {target.name}.", back=PROFILE_URL)
    data = read_body(request)
    errors = unknown_fields(data, ["enabled", "name"])
    if "enabled" in data:
        target.enabled = bool_field(data, "enabled", errors, "enabled")
    if "name" in data:
        name = string_field(data, "name", errors, "name")
        if not name or len(name) > 100:
            errors.setdefault("name", "Give the target a name of at most 100 characters.")
        target.name = name
    if errors:
        return validation_failed(request, errors, PROFILE_URL)
    target.save(update_fields=["enabled", "name"])
    state = "on" if target.enabled else "off"
    return _done(request, f"{target.name} saved; sending is {state}.", back=PROFILE_URL)


@require_http_methods(["POST"])
def test_target(request: HttpRequest, pk: str) -> HttpResponse:
    """Send a test message now and show what the target answered."""
    target = _get_target_for_user(request, pk)
    try:
        answer = send(
            target.url,
            "Vodarr test",
            "If you can read this, Vodarr can reach you here.",
            timeout=min(TEST_TIMEOUT_SECONDS, send_timeout()),
        )
    except UndecryptableSecret as error:
        return _failed(request, str(error))
    now = timezone.now()
    if answer.ok:
        NotificationTarget.objects.filter(pk=target.pk).update(last_sent_at=now)
        return _done(request, f"Test sent to {target.name}: {answer.detail}", back=PROFILE_URL)
    NotificationTarget.objects.filter(pk=target.pk).update(
        last_error=answer.detail, last_error_at=now
    )
    return _failed(request, f"The test to {target.name} failed: {answer.detail}")


def _failed(request: HttpRequest, message: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"message": message, "ok": False}, status=502)
    flash(request, "error", message)
    return redirect_back(request, PROFILE_URL)


def _done(request: HttpRequest, message: str, back: str = NOTIFICATIONS_URL) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"message": message, "ok": True})
    flash(request, "success", message)
    return redirect_back(request, back)
