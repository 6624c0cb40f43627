"""The profile page: name and email, password, and deleting one's own account."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import logout, update_session_auth_hash
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.module_loading import import_string
from django.views.decorators.http import require_http_methods
from inertia import render

from vodarr.accounts import limits, services
from vodarr.accounts.models import User
from vodarr.accounts.validation import check_email, check_name, check_new_password
from vodarr.web.access import unverified_allowed
from vodarr.web.http import (
    flash,
    read_body,
    redirect_back,
    string_field,
    validation_failed,
)
from vodarr.web.throttle import hit, too_many


@unverified_allowed
@require_http_methods(["GET", "PATCH", "DELETE"])
def profile_view(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if request.method == "GET":
        return render(request, "profile", _cards(request))
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    if request.method == "DELETE":
        return _delete_account(request, user, data)
    errors: dict[str, str] = {}
    name = string_field(data, "name", errors, "name")
    email = string_field(data, "email", errors, "email")
    check_name(name, errors)
    check_email(email, errors, exclude_pk=user.pk)
    if errors:
        return validation_failed(request, errors, "/profile")
    email_changed = email.lower() != user.email.lower()
    if email_changed:
        # Each change mails a verification link to the new address: not a way to mail anyone.
        refused = hit(limits.EMAIL_CHANGE, str(user.pk))
        if refused:
            return too_many(request, refused, "email", "/profile")
    user.name = name
    user.email = email.lower()
    if email_changed:
        user.email_verified_at = None
    user.save(update_fields=["name", "email", "email_verified_at"])
    if email_changed:
        services.send_verification_email(request, user)
        flash(request, "success", "Profile saved. Check your inbox to verify the new address.")
    else:
        flash(request, "success", "Profile saved.")
    return redirect_back(request, "/profile")


def _cards(request: HttpRequest) -> dict[str, Any]:
    """Props of the cards other apps add (``settings.VODARR_PROFILE_PROPS``): accounts
    imports none of them, as the web layer imports none of the shared props' apps."""
    providers = getattr(settings, "VODARR_PROFILE_PROPS", {})
    return {name: import_string(path)(request) for name, path in providers.items()}


@unverified_allowed
@require_http_methods(["PUT"])
def password_view(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    errors: dict[str, str] = {}
    current = string_field(data, "current_password", errors, "current password")
    password = string_field(data, "password", errors, "password")
    confirmation = string_field(data, "password_confirmation", errors, "password confirmation")
    if not errors and not user.check_password(current):
        errors["current_password"] = "The current password is not correct."
    if not errors:
        check_new_password(password, confirmation, errors, user)
    if errors:
        return validation_failed(request, errors, "/profile")
    user.set_password(password)
    user.save(update_fields=["password"])
    update_session_auth_hash(request, user)  # stay signed in on this device
    flash(request, "success", "Password changed.")
    return redirect_back(request, "/profile")


def _delete_account(request: HttpRequest, user: User, data: dict[str, object]) -> HttpResponse:
    errors: dict[str, str] = {}
    password = string_field(data, "password", errors, "password")
    if not errors and not user.check_password(password):
        errors["password"] = "The password is not correct."
    if errors:
        return validation_failed(request, errors, "/profile")
    if not services.delete_user(user):
        return validation_failed(
            request,
            {"password": "You are the last administrator: make someone else admin first."},
            "/profile",
        )
    logout(request)
    response = HttpResponseRedirect(settings.LOGIN_URL)
    response.status_code = 303
    return response
