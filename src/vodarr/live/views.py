"""``GET /live``: the signed-in person's live channel, one Server-Sent Events stream per tab.

Every page of a tab listens to the same stream (the Downloads page, Discover's panel, title
pages, the header badge): one event per topic whose data changed for the person (see
``topics.py``), a ``refresh`` event when the page should reload its data instead, and a
keep-alive comment every 15 s so proxies keep an idle stream open.

Each event's ``id`` is when its data was read (epoch ms). A browser reconnecting on its own
sends it back as ``Last-Event-ID`` and gets what changed since; a page opening the stream
passes ``?since=`` (its own render time, from the shared ``live`` prop) the same way, so
nothing that happened between the page load and the stream opening is missed.

The view is async and the stream holds no thread: it waits on a queue that the process's
watcher fills (``watcher.py``).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from vodarr.live.watcher import Subscription, Watcher

KEEPALIVE_SECONDS = 15.0
MAX_LIFETIME_SECONDS = 600.0  # then the browser reconnects (and the session is checked again)
RECONNECT_MILLISECONDS = 3000


def parse_since(raw: str | None) -> datetime | None:
    """Epoch milliseconds → datetime; anything else (or a time in the future) is ignored."""
    if not raw or not raw.isascii() or not raw.isdigit() or len(raw) > 15:
        return None
    try:
        moment = datetime.fromtimestamp(int(raw) / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment if moment <= datetime.now(UTC) else None


def _dumps(data: Any) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, separators=(",", ":"))


async def live_events(
    watcher: Watcher,
    user: Any,
    since: datetime | None,
    *,
    keepalive: float = KEEPALIVE_SECONDS,
    lifetime: float = MAX_LIFETIME_SECONDS,
) -> AsyncIterator[str]:
    """The stream's text, until its lifetime runs out or the client goes away."""
    subscription = Subscription(user)
    watcher.add(subscription)
    try:
        yield f"retry: {RECONNECT_MILLISECONDS}\n\n"
        await watcher.start(subscription, since)
        loop = asyncio.get_running_loop()
        ends = loop.time() + lifetime
        while (left := ends - loop.time()) > 0:
            try:
                event = await asyncio.wait_for(subscription.queue.get(), min(keepalive, left))
            except TimeoutError:
                if ends - loop.time() > 0:
                    yield ": keepalive\n\n"
                continue
            yield event.encode(_dumps)
    finally:
        watcher.remove(subscription)


@require_GET
async def live_stream(request: HttpRequest) -> HttpResponseBase:
    user = await request.auser()
    # AccessMiddleware already sent anyone else to sign in; this keeps the view safe alone.
    if not user.is_authenticated or not getattr(user, "is_verified", False):
        return HttpResponse(status=403)
    since = parse_since(request.headers.get("Last-Event-ID") or request.GET.get("since"))
    watcher: Watcher = apps.get_app_config("live").hub.watcher()  # type: ignore[attr-defined]
    response = StreamingHttpResponse(
        live_events(watcher, user, since), content_type="text/event-stream; charset=utf-8"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # nginx would otherwise hold events back
    return response
