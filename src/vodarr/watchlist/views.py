"""Watchlist routes: the list page, adding a title, removing one."""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_http_methods
from inertia import render

from vodarr.accounts.models import User
from vodarr.watchlist import services
from vodarr.watchlist.forms import WatchlistEntryForm, title_id
from vodarr.watchlist.models import TitleKind
from vodarr.web.http import flash, read_body, redirect_back, validation_failed, wants_json
from vodarr.web.pagination import page_number
from vodarr.web.props import Plain
from vodarr.web.validation import form_errors, unknown_fields

WATCHLIST_URL = "/watchlist"


@require_http_methods(["GET", "POST"])
def watchlist(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if request.method == "POST":
        return _add(request, user)
    tab = request.GET.get("tab", "movies")
    tab = tab if tab in services.TABS else "movies"
    return render(
        request,
        "watchlist",
        {
            "tab": tab,
            "items": lambda: Plain(
                services.watchlist_page(user, tab, page_number(request.GET.get("page")))
            ),
            "counts": services.tab_counts(user),
        },
    )


def _add(request: HttpRequest, user: User) -> HttpResponse:
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    form = WatchlistEntryForm(data)
    errors = unknown_fields(data, form.fields) or (form_errors(form) if not form.is_valid() else {})
    if errors:
        return validation_failed(request, errors, WATCHLIST_URL)
    try:
        change = services.add(user, form.cleaned_data["type"], form.cleaned_data["id"])
    except services.UnknownTitle as unknown:
        if wants_json(request):
            return JsonResponse({"message": unknown.message}, status=404)
        flash(request, "error", unknown.message)
        return redirect_back(request, WATCHLIST_URL)
    return _done(request, change.added_message(), status=201 if change.changed else 200)


@require_http_methods(["DELETE"])
def watchlist_entry(request: HttpRequest, kind: str, media_id: str) -> HttpResponse:
    if kind not in TitleKind.values:
        raise Http404("There is no such watchlist.")
    try:
        ident = title_id(media_id)
    except forms.ValidationError:
        raise Http404("There is no such title.") from None
    user: User = request.user  # type: ignore[assignment]
    change = services.remove(user, kind, ident)
    return _done(request, change.removed_message())


def _done(request: HttpRequest, message: str, status: int = 200) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"message": message}, status=status)
    flash(request, "success", message)
    return redirect_back(request, WATCHLIST_URL)
