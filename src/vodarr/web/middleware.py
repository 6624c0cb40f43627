"""Middlewares: the access rules every view obeys, bad input, and the props every page shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.module_loading import import_string
from inertia import share

from vodarr.web import access
from vodarr.web.http import (
    NUL_MESSAGE,
    BadRequestBody,
    bad_body_response,
    pop_errors,
    pop_flash,
)

HOME_URL = "/discover"
VERIFY_NOTICE_URL = "/email/verify"


class AccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        level = getattr(view, "vodarr_access", None)
        if level is None and view.__module__.startswith("django."):
            return None  # Django's own views (static files in DEBUG) decide for themselves
        user = request.user
        if level == access.PUBLIC:
            return None
        if level == access.GUEST_ONLY:
            return HttpResponseRedirect(HOME_URL) if user.is_authenticated else None
        if not user.is_authenticated:
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{settings.LOGIN_URL}?{query}")
        if level == access.UNVERIFIED:
            return None
        if not getattr(user, "is_verified", False):
            return HttpResponseRedirect(VERIFY_NOTICE_URL)
        return None


class BadInputMiddleware:
    """A body that cannot be read as fields is the client's mistake: 4xx with a sentence.

    Paths with NUL characters are refused here too, before any view can pass one to the
    database (PostgreSQL rejects them with an error, not a miss). Query strings are left to
    the views, which treat an unusable value as absent (a search just drops the NUL).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            return bad_body_response(request, BadRequestBody(NUL_MESSAGE))
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, BadRequestBody):
            return bad_body_response(request, exception)
        return None


class SharedPropsMiddleware:
    """Props on every Inertia page; lazy so the session is only read when a page renders.

    ``flash`` and ``errors`` are the web layer's own. The others come from the feature apps,
    named in ``settings.VODARR_SHARED_PROPS`` (prop name → dotted path of a function taking
    the request): the web layer serves them without importing feature code.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.providers: dict[str, Callable[[HttpRequest], Any]] = {
            name: import_string(path) for name, path in settings.VODARR_SHARED_PROPS.items()
        }

    def __call__(self, request: HttpRequest) -> HttpResponse:
        shared: dict[str, Callable[[], Any]] = {
            name: _bound(provider, request) for name, provider in self.providers.items()
        }
        share(
            request,
            flash=lambda: pop_flash(request),
            errors=lambda: pop_errors(request),
            **shared,
        )
        return self.get_response(request)


def _bound(provider: Callable[[HttpRequest], Any], request: HttpRequest) -> Callable[[], Any]:
    return lambda: provider(request)
