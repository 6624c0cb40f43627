"""The Categories page: a person hides, pins and orders the provider's categories; admins
also hide categories for everyone.

``GET /categories?kind=movie|series``; ``PUT /categories/{kind}`` saves the person's whole
snapshot ``{"order": [ids], "hidden": [ids], "pinned": [ids]}``; ``DELETE /categories/{kind}``
resets it; ``PUT /categories/{kind}/everyone`` ``{"hidden": [ids]}`` (admins) sets which
categories nobody sees.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_http_methods
from inertia import render

from vodarr.accounts.models import User
from vodarr.catalog import preferences
from vodarr.catalog.models import Kind
from vodarr.web.access import admin_required
from vodarr.web.http import flash, read_body, redirect_back, validation_failed, wants_json
from vodarr.web.validation import unknown_fields

MAX_IDS = 5000


@require_GET
def categories_page(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    kind = request.GET.get("kind", Kind.MOVIE)
    if kind not in Kind.values:
        kind = Kind.MOVIE
    return render(
        request,
        "categories",
        {
            "kind": kind,
            "categories": preferences.category_rows(user, kind),
            "canHideForEveryone": user.is_admin,
            "maxPinned": preferences.MAX_PINNED,
        },
    )


@require_http_methods(["PUT", "PATCH", "DELETE"])
def save_categories(request: HttpRequest, kind: str) -> HttpResponse:
    kind = _kind(kind)
    user: User = request.user  # type: ignore[assignment]
    back = f"/categories?kind={kind}"
    if request.method == "DELETE":
        preferences.reset_choices(user, kind)
        return _done(request, "Your categories are back to the provider's, all shown.", back)
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    errors = unknown_fields(data, ("order", "hidden", "pinned"))
    order, hidden, pinned = (_ids(data, name, errors) for name in ("order", "hidden", "pinned"))
    if errors:
        return validation_failed(request, errors, back)
    try:
        preferences.save_choices(user, kind, preferences.Choices(order, set(hidden), pinned))
    except preferences.PreferenceError as problem:
        return validation_failed(request, {problem.field: problem.message}, back)
    return _done(request, "Categories saved.", back)


@admin_required
@require_http_methods(["PUT", "PATCH"])
def hide_for_everyone(request: HttpRequest, kind: str) -> HttpResponse:
    kind = _kind(kind)
    back = f"/categories?kind={kind}"
    data = read_body(request)
    errors = unknown_fields(data, ("hidden",))
    hidden = _ids(data, "hidden", errors)
    if errors:
        return validation_failed(request, errors, back)
    preferences.hide_for_everyone(kind, set(hidden))
    count = len(set(hidden))
    noun = "category is" if count == 1 else "categories are"
    return _done(request, f"Saved: {count} {noun} hidden for everyone.", back)


def _kind(raw: str) -> str:
    if raw not in Kind.values:
        raise Http404("There are movie and series categories only.")
    return raw


def _ids(data: dict[str, Any], name: str, errors: dict[str, str]) -> list[int]:
    value = data.get(name, [])
    if not isinstance(value, list) or len(value) > MAX_IDS:
        errors[name] = f"“{name}” must be a list of category ids."
        return []
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 < v < 2**62 for v in value):
        errors[name] = f"“{name}” must hold category ids (whole numbers)."
        return []
    return list(value)


def _done(request: HttpRequest, message: str, back: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"message": message})
    flash(request, "success", message)
    return redirect_back(request, back)
