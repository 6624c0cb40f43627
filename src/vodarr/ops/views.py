"""``/healthz``: each part's health as JSON, 503 when any is down."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from vodarr.ops.health import health
from vodarr.web.access import public


@public
@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    parts = health()
    ok = all(part.ok for part in parts.values())
    body = {"status": "ok" if ok else "down", "parts": {k: p.as_json() for k, p in parts.items()}}
    return JsonResponse(body, status=200 if ok else 503)
