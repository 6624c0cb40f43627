"""The ``newLink`` prop every page shares: the link a person just got, shown once in a dialog.

A "Get a link" click is an Inertia visit that comes back to the page it was made on (a title,
Downloads); the link rides in the session until that page renders, then it is gone: the token
is never stored, so it cannot be shown again.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

SESSION_KEY = "_vodarr_new_link"


def remember_new_link(request: HttpRequest, payload: dict[str, Any]) -> None:
    request.session[SESSION_KEY] = payload


def new_link(request: HttpRequest) -> dict[str, Any] | None:
    if not hasattr(request, "session") or not request.user.is_authenticated:
        return None
    payload: dict[str, Any] | None = request.session.pop(SESSION_KEY, None)
    return payload
