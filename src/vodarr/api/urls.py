"""``/api/v1/…``: the ninja API's routes, each open to the access middleware; and the
profile's routes that make and revoke keys (signed-in pages, CSRF-protected as usual).

The API authenticates by key itself (``auth.py``); the pages' session-based access rules
(sign-in redirects, email verification) must not touch it, so every route is marked public.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

from vodarr.api import views
from vodarr.api.api import api
from vodarr.web.access import public


def _open(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            public(pattern.callback)
        else:
            _open(pattern.url_patterns)
    return patterns


_patterns, _app_name, _namespace = api.urls
urlpatterns = [
    path("api/v1/", include((_open(_patterns), _app_name), namespace=_namespace)),
    path("profile/api-keys", views.create_key, name="profile.api_keys"),
    path("profile/api-keys/<str:pk>", views.revoke_key, name="profile.api_keys.revoke"),
]
