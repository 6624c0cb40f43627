"""Absolute links for emails: on ``BASE_URL`` when it is set, else on the request's own host.

The request's host is only trusted because ``ALLOWED_HOSTS`` has already refused any other
(a 400 before a view runs); ``BASE_URL`` removes even that dependence on the Host header.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def absolute_link(request: HttpRequest, path: str) -> str:
    """``path`` (starting with "/") as a full URL people can open from their mailbox."""
    if settings.BASE_URL:
        return f"{settings.BASE_URL}{path}"
    return request.build_absolute_uri(path)
