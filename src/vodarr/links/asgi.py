"""Opening links (``/dl/…``) beside Django's request handler, so a stream holds no thread.

Django's ASGI handler gives every request its own thread for the request's synchronous parts
(the middlewares, run through ``sync_to_async``), and keeps it until the response is sent:
for a link, the length of a film. Measured with 20 slow viewers: 27 server threads instead
of 3 (``make bench``, bench_links). So link requests are routed here first: the same views
(``open_views``), resolved by Django's URL map, called without the middleware chain, their
bodies sent at the client's pace. What the middlewares would have done that matters for a
file is done here: the Host is checked against ``ALLOWED_HOSTS``, plain HTTP is redirected
when ``SECURE_SSL_REDIRECT`` says so, and the usual safety headers are set. Database calls
inside the views run in asgiref's one shared thread, briefly.

Everything else goes to Django as before.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from contextlib import suppress
from io import BytesIO
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.asgi import ASGIRequest
from django.db import close_old_connections
from django.http import HttpResponse, HttpResponseBase, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from vodarr.links import open_views

logger = logging.getLogger("vodarr.links")

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[Mapping[str, Any]]]
Send = Callable[[Mapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PREFIX = "/dl/"
VIEWS = {open_views.open_link, open_views.open_item}
SAFETY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class LinkServer:
    """An ASGI app: ``/dl/…`` served here, everything else by ``app`` (Django)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        await serve(scope, receive, send)


async def serve(scope: Scope, receive: Receive, send: Send) -> None:
    """Answer one link request, stopping the body as soon as the client hangs up."""
    if not await _read_request_body(receive):
        return  # gone before it asked anything
    response = await _respond(ASGIRequest(scope, BytesIO()))
    for name, value in SAFETY_HEADERS.items():
        response.headers.setdefault(name, value)
    sending = asyncio.ensure_future(_send(response, send))
    hanging_up = asyncio.ensure_future(_disconnected(receive))
    try:
        await asyncio.wait({sending, hanging_up}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (sending, hanging_up):
            task.cancel()
            with suppress(asyncio.CancelledError, Exception):
                await task
        # A response gives back what it holds here (a provider connection) however it ended.
        await sync_to_async(_close)(response)
    failure = None if sending.cancelled() else sending.exception()
    if failure is not None:
        # A body cut short (a revoked link): the server must drop the connection so the
        # client knows, which it does when the app raises.
        raise failure


async def _respond(request: ASGIRequest) -> HttpResponseBase:
    try:
        request.get_host()
    except DisallowedHost:
        return HttpResponse("Bad request: unknown host.\n", status=400, content_type="text/plain")
    if "\x00" in request.path:
        return HttpResponse("Bad request.\n", status=400, content_type="text/plain")
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return HttpResponsePermanentRedirect(
            f"https://{request.get_host()}{request.get_full_path()}"
        )
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match is None or match.func not in VIEWS:
        return open_views.plain(404, open_views.MISSING)
    try:
        await sync_to_async(close_old_connections)()  # no request cycle here does it
        response: HttpResponseBase = await match.func(request, *match.args, **match.kwargs)
    except Exception:
        logger.exception("A link could not be served")
        return open_views.plain(500, "The server hit an unexpected error; please try again.")
    return response


async def _send(response: HttpResponseBase, send: Send) -> None:
    headers = [
        (name.encode("latin-1"), str(value).encode("latin-1")) for name, value in response.items()
    ]
    await send({"type": "http.response.start", "status": response.status_code, "headers": headers})
    if response.streaming:
        async for chunk in response:  # type: ignore[attr-defined]
            await send({"type": "http.response.body", "body": bytes(chunk), "more_body": True})
        await send({"type": "http.response.body", "body": b""})
    else:
        body: bytes = response.content  # type: ignore[attr-defined]
        await send({"type": "http.response.body", "body": body})


async def _read_request_body(receive: Receive) -> bool:
    """Drain the request's body (links take none); False when the client left meanwhile."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return False
        if not message.get("more_body", False):
            return True


async def _disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


def _close(response: HttpResponseBase) -> None:
    try:
        response.close()
    finally:
        close_old_connections()
