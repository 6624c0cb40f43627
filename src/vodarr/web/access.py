"""Who may open which view: decorators that mark views, read by AccessMiddleware.

Default deny: a view with no mark needs a signed-in, verified user. Marks widen access
(`public`, `guest_only`, `unverified_allowed`) or narrow it (`admin_required`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., Any])

PUBLIC = "public"  # anyone, signed in or not
GUEST_ONLY = "guest"  # only people who are not signed in (login, register…)
UNVERIFIED = "unverified"  # signed in, email not yet verified is fine


def _mark(level: str) -> Callable[[ViewFunc], ViewFunc]:
    def decorator(view: ViewFunc) -> ViewFunc:
        view.vodarr_access = level  # type: ignore[attr-defined]
        return view

    return decorator


public = _mark(PUBLIC)
guest_only = _mark(GUEST_ONLY)
unverified_allowed = _mark(UNVERIFIED)


def admin_required(view: ViewFunc) -> ViewFunc:
    """Members get the 403 page; the middleware has already made sure someone is signed in."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(request.user, "is_admin", False):
            from vodarr.web.views import render_error

            return render_error(request, 403, message="Only administrators can open this page.")
        result: HttpResponse = view(request, *args, **kwargs)
        return result

    return wrapper  # type: ignore[return-value]
