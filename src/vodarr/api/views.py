"""Profile routes for API keys: make one (shown once), revoke one.

A new key travels to the page once, through the session (like a flash message), so it is
on screen after the redirect and gone from the server on the next page view.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_http_methods

from vodarr.accounts.models import User
from vodarr.api import keys
from vodarr.web.http import (
    flash,
    read_body,
    redirect_back,
    string_field,
    validation_failed,
    wants_json,
)
from vodarr.web.validation import path_id, unknown_fields

PROFILE_URL = "/profile"
NEW_KEY_SESSION = "_vodarr_new_api_key"


@require_http_methods(["POST"])
def create_key(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    errors = unknown_fields(data, ["name"])
    name = string_field(data, "name", errors, "name")
    if not errors:
        try:
            new = keys.create_key(user, name)
        except keys.ApiKeyRefused as refused:
            errors["name"] = refused.message
    if errors:
        return validation_failed(request, errors, PROFILE_URL)
    message = f"API key “{new.key.name}” created. Copy it now: it will not be shown again."
    if wants_json(request):
        return JsonResponse({"message": message, "key": new.plain, "id": new.key.pk}, status=201)
    request.session[NEW_KEY_SESSION] = {"id": new.key.pk, "name": new.key.name, "key": new.plain}
    flash(request, "success", message)
    return redirect_back(request, PROFILE_URL)


@require_http_methods(["DELETE"])
def revoke_key(request: HttpRequest, pk: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    key = keys.revoke(user, path_id(pk, "API key"))
    if key is None:
        raise Http404("API key not found.")
    message = f"API key “{key.name}” revoked: scripts using it are refused from now on."
    if wants_json(request):
        return JsonResponse({"message": message})
    flash(request, "success", message)
    return redirect_back(request, PROFILE_URL)
