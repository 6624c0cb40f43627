"""Live progress for the Downloads page: ``GET /downloads/stream?ids=1,2,3``, Server-Sent Events.

Why SSE rather than the page polling partial Inertia reloads: one long-lived request per
visible tab instead of a full props round trip every second; about one second of latency;
each tick costs one indexed query and ONE aria2 multicall for the on-screen ids only (at most
50), so the cost never grows with finished history. The page closes the stream when its tab
is hidden, so idle background tabs cost nothing, and the browser's EventSource reconnects
by itself after the stream's maximum lifetime or a network blip.

Events:

- ``downloads``: ``{"downloads": [DownloadItem, ...]}`` with only the items that changed
  since the previous event (all of them in the first one), in the page's own item shape
  (``serialize.serialize_download``). With aria2 down, items carry their last known state.
- ``refresh``: an id was removed, re-added under a new GID (retried), or finished; the page
  reloads its ``downloads`` prop.
- ``: keepalive`` comments every 15 s, so proxies do not close an idle stream.

Ids the user may not see are dropped silently, exactly like ids that do not exist; with
none left the answer is 204, which tells an EventSource not to reconnect.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from asgiref.sync import sync_to_async
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from vodarr.accounts.models import User
from vodarr.downloads.listing import live_statuses, visible_downloads
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.downloads.serialize import serialize_download
from vodarr.integrations.aria2.types import DownloadStatus

MAX_IDS = 50
TICK_SECONDS = 1.0
KEEPALIVE_SECONDS = 15.0
MAX_LIFETIME_SECONDS = 600.0
RECONNECT_MILLISECONDS = 3000


def parse_ids(raw: str | None) -> list[int]:
    """`1,2,3` → [1, 2, 3]: positive integers only, no repeats, at most ``MAX_IDS``."""
    ids: list[int] = []
    for part in (raw or "").split(","):
        part = part.strip()
        if part.isdigit() and len(part) <= 18 and int(part) > 0 and int(part) not in ids:
            ids.append(int(part))
            if len(ids) == MAX_IDS:
                break
    return ids


def _load(user: User, ids: list[int]) -> tuple[list[MediaDownloadRef], dict[str, DownloadStatus]]:
    """The refs (one query, access-checked) and their live aria2 status (one multicall)."""
    refs = list(visible_downloads(user, []).filter(pk__in=ids))
    return refs, live_statuses(refs)


def _visible_ids(user: User, ids: list[int]) -> list[int]:
    found = set(visible_downloads(user, []).filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk in found]


def _event(name: str, data: Any) -> str:
    return f"event: {name}\ndata: {json.dumps(data, cls=DjangoJSONEncoder)}\n\n"


async def download_events(
    user: User, ids: list[int], *, clock: Any = time.monotonic
) -> AsyncIterator[str]:
    """The event stream for ``ids`` (already access-checked) until its lifetime runs out."""
    started = last_sent = clock()
    sent: dict[int, str] = {}  # id → the item as last sent, to send changes only
    seen: dict[int, tuple[str, str]] = {}  # id → (gid, status) at the previous tick
    yield f"retry: {RECONNECT_MILLISECONDS}\n\n"
    while ids:
        refs, live = await sync_to_async(_load)(user, ids)
        changed: list[dict[str, Any]] = []
        refresh = False
        for ref in refs:
            item = serialize_download(ref, live.get(ref.transfer.gid), for_admin=user.is_admin)
            encoded = json.dumps(item, cls=DjangoJSONEncoder, sort_keys=True)
            if sent.get(ref.pk) != encoded:
                sent[ref.pk] = encoded
                changed.append(item)
            now_seen = (ref.transfer.gid, item["downloadStatus"]["status"])
            before = seen.get(ref.pk)
            if before is not None and (
                before[0] != now_seen[0]  # retried or re-added: a new aria2 download
                or (before[1] != Status.COMPLETE and now_seen[1] == Status.COMPLETE)
            ):
                refresh = True
            seen[ref.pk] = now_seen
        found = {ref.pk for ref in refs}
        gone = [pk for pk in ids if pk not in found]
        if gone:
            refresh = True
            ids = [pk for pk in ids if pk in found]
        if changed:
            yield _event("downloads", {"downloads": changed})
            last_sent = clock()
        if refresh:
            yield _event("refresh", {"removed": gone})
            last_sent = clock()
        now = clock()
        if now - started >= MAX_LIFETIME_SECONDS:
            return
        if now - last_sent >= KEEPALIVE_SECONDS:
            yield ": keepalive\n\n"
            last_sent = now
        await asyncio.sleep(TICK_SECONDS)


@require_GET
async def download_stream(request: HttpRequest) -> HttpResponseBase:
    user = await request.auser()
    # AccessMiddleware already sent anyone else to sign in; this keeps the view safe alone.
    if not user.is_authenticated or not getattr(user, "is_verified", False):
        return HttpResponse(status=403)
    ids = await sync_to_async(_visible_ids)(user, parse_ids(request.GET.get("ids")))
    if not ids:
        return HttpResponse(status=204)
    response = StreamingHttpResponse(
        download_events(user, ids), content_type="text/event-stream; charset=utf-8"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # nginx would otherwise hold events back
    return response
