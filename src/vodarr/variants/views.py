"""Saving a person's preferred versions: ``PUT /profile/versions``."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from vodarr.accounts.models import User
from vodarr.variants.forms import VersionPreferenceForm
from vodarr.variants.models import VersionPreference
from vodarr.web.http import flash, read_body, redirect_back, validation_failed

PROFILE_URL = "/profile"
SAVED = "Preferred versions saved."


@require_http_methods(["PUT"])
def update_preferences(request: HttpRequest) -> HttpResponse:
    form = VersionPreferenceForm(read_body(request))  # bad bodies: BadInputMiddleware answers
    if not form.is_valid():
        errors = {field: str(messages[0]) for field, messages in form.errors.items()}
        return validation_failed(request, errors, PROFILE_URL)
    user: User = request.user  # type: ignore[assignment]
    VersionPreference.objects.update_or_create(
        user=user,
        defaults={
            "languages": form.cleaned_data["languages"],
            "qualities": form.cleaned_data["qualities"],
        },
    )
    flash(request, "success", SAVED)
    return redirect_back(request, PROFILE_URL)
