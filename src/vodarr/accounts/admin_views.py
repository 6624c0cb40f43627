"""The admin's Users page: everyone with their download count, changing roles and who may
download to the server, deleting users.

There is always at least one administrator: demoting or deleting the last one is refused
by a conditional write (one statement), so two admins acting at once cannot both succeed.
Deleting a user deletes their downloads; aria2 is then told, best effort, to drop the ones
still in progress.
"""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.http import require_GET, require_http_methods
from inertia import render

from vodarr.accounts.models import Role, User
from vodarr.accounts.services import change_role, delete_user, set_may_download
from vodarr.web.access import admin_required
from vodarr.web.http import (
    flash,
    read_body,
    redirect_back,
    validation_failed,
)
from vodarr.web.middleware import HOME_URL
from vodarr.web.validation import form_errors, unknown_fields

logger = logging.getLogger("vodarr.accounts")

USERS_URL = "/users"
LAST_ADMIN = "You cannot remove the last administrator."
DELETE_SELF = "Use your profile page to delete your own account."
CHOOSE_ROLE = "Choose a role: admin or member."


@admin_required
@require_GET
def users_index(request: HttpRequest) -> HttpResponse:
    viewer: User = request.user  # type: ignore[assignment]
    users = User.objects.annotate(download_count=Count("downloads")).order_by("name", "id")
    return render(request, "users/index", {"users": [_user_props(u, viewer.pk) for u in users]})


@admin_required
@require_http_methods(["PATCH", "DELETE"])
def user_detail(request: HttpRequest, pk: str) -> HttpResponse:
    target = _get_user(pk)
    if request.method == "DELETE":
        return _delete(request, target)
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    form = UserChangeForm(data)
    errors = unknown_fields(data, UserChangeForm.base_fields) or (
        form_errors(form) if not form.is_valid() else {}
    )
    if errors:
        return validation_failed(request, errors, USERS_URL)
    role, may_download = form.cleaned_data["role"], form.cleaned_data["may_download"]
    if may_download is not None:
        set_may_download(target, may_download)
    if role:
        if not change_role(target, role):
            return validation_failed(request, {"user": LAST_ADMIN}, USERS_URL)
        flash(request, "success", "Role updated.")
        if target.pk == request.user.pk and role != Role.ADMIN:
            return _see_other(HOME_URL)  # the Users page is no longer theirs to see
    else:
        flash(
            request,
            "success",
            f"{target.name} may {'now' if may_download else 'no longer'} download to the server.",
        )
    return redirect_back(request, USERS_URL)


class UserChangeForm(forms.Form):
    """``{"role": "admin"|"member"}`` and/or ``{"may_download": true|false}``."""

    role = forms.ChoiceField(
        choices=Role.choices, required=False, error_messages={"invalid_choice": CHOOSE_ROLE}
    )
    may_download = forms.Field(required=False)

    def clean_may_download(self) -> bool | None:
        value = self.cleaned_data.get("may_download")
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise forms.ValidationError("Say true or false: may they download to the server?")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("role") and cleaned.get("may_download") is None and not self.errors:
            self.add_error("role", CHOOSE_ROLE)
        return cleaned


def _delete(request: HttpRequest, target: User) -> HttpResponse:
    if target.pk == request.user.pk:
        return validation_failed(request, {"user": DELETE_SELF}, USERS_URL)
    if not delete_user(target):
        return validation_failed(request, {"user": LAST_ADMIN}, USERS_URL)
    flash(request, "success", "User deleted.")
    return redirect_back(request, USERS_URL)


def _get_user(pk: str) -> User:
    if not pk.isascii() or not pk.isdigit() or len(pk) > 18:
        raise Http404("User not found.")
    user = User.objects.filter(pk=int(pk)).first()
    if user is None:
        raise Http404("User not found.")
    return user


def _user_props(user: Any, viewer_id: int) -> dict[str, Any]:
    """One row of the list; ``user`` carries the ``download_count`` annotation."""
    return {
        "id": user.pk,
        "name": user.name,
        "email": user.email,
        "role": user.role,
        "verified": user.is_verified,
        "joinedAt": user.date_joined.isoformat(),
        "downloadCount": user.download_count,
        "mayDownload": user.may_download_to_server,
        "isSelf": user.pk == viewer_id,
    }


def _see_other(url: str) -> HttpResponse:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
