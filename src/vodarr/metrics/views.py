"""``GET /metrics``: Prometheus' text format, off unless ``METRICS_TOKEN`` is set.

Off, the address answers 404 like any unknown page (nothing tells a scanner it exists).
On, only ``Authorization: Bearer <METRICS_TOKEN>`` gets the figures; the comparison takes
the same time whatever the guess.
"""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from vodarr.metrics.collector import VodarrCollector
from vodarr.web.access import public


@public
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    token: str = getattr(settings, "METRICS_TOKEN", "") or ""
    if not token:
        raise Http404("There is nothing here.")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8", "replace"), token.encode("utf-8")
    ):
        response = HttpResponse(
            "Send Authorization: Bearer <METRICS_TOKEN>.\n", status=401, content_type="text/plain"
        )
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    registry = CollectorRegistry(auto_describe=False)
    registry.register(VodarrCollector())
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
