"""Serving a link's file: from disk once a download of it is whole there, else through Vodarr.

Both ways answer like a file server players and download managers trust: ``Range`` (206
with the slice, 416 past the end), ``HEAD``, ``Content-Length``, ``Accept-Ranges`` and the
file's name (RFC 6266 ``Content-Disposition``, ``filename*`` for names beyond ASCII).

A transfer under way checks every half minute that its link still works, so revoking a link
(or its end) stops it too. Nothing blocks the web server for the length of a film: bodies
are async iterators the ASGI server drains at the client's pace (its flow control pauses a
slow client's stream), disk reads go to a worker thread one chunk at a time, and the
provider is read with async httpx.
A stream through Vodarr holds one of the provider account's connections while it flows
(``downloads.connections``); the provider's URL, which carries the account's password, never
leaves the server: no redirect, no header of the provider's, nothing in a body or a log line.
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from asgiref.sync import sync_to_async
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header, http_date

from vodarr.catalog.provider import provider_user_agent
from vodarr.downloads.connections import (
    RENEW_EVERY,
    NoConnectionLeft,
    close_stream,
    open_stream,
    renew,
)
from vodarr.downloads.gateway import gateway
from vodarr.downloads.models import ProviderStream, Status, Transfer
from vodarr.downloads.paths import UnsafePath, absolute_path
from vodarr.downloads.starting import file_is_whole
from vodarr.integrations.xtream.errors import XtreamError, XtreamNotFound
from vodarr.integrations.xtream.media import MediaAnswer, open_media
from vodarr.links.models import LinkItem
from vodarr.links.services import still_usable
from vodarr.web.ranges import ByteRange, RangeNotSatisfiable, parse_range

logger = logging.getLogger("vodarr.links")

DISK_CHUNK = 256 * 1024
RECHECK_SECONDS = RENEW_EVERY.total_seconds()


@dataclass(frozen=True)
class OnDisk:
    path: Path
    size: int
    mtime: float


@dataclass(frozen=True)
class FromProvider:
    url: str  # holds the provider's password: it stays in this process
    user_agent: str

    def __repr__(self) -> str:
        return "FromProvider(url=***)"


def source_of(item: LinkItem) -> OnDisk | FromProvider:
    """Where the item's bytes come from now; raises ``XtreamError`` when nowhere.

    The transfer that holds the media (everyone's shared download) is read from disk once
    it is complete and still whole; anything else is asked from the provider.
    """
    transfer = Transfer.objects.filter(media_key=item.identity, status=Status.COMPLETE).first()
    if transfer is not None and file_is_whole(transfer):
        try:
            path = absolute_path(transfer.output_path)
            stat = path.stat()
        except (UnsafePath, OSError):
            pass  # gone since: the provider still has it
        else:
            return OnDisk(path, stat.st_size, stat.st_mtime)
    media = Transfer(
        downloadable_type=item.downloadable_type,
        downloadable_id=item.downloadable_id,
        episode_id=item.episode_id,
        container_extension=item.container_extension,
    )
    return FromProvider(gateway().media_url(media), provider_user_agent())


def file_headers(name: str) -> dict[str, str]:
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return {
        "Content-Type": content_type,
        "Content-Disposition": content_disposition_header(True, name) or "attachment",
        "Accept-Ranges": "bytes",
        # A link is a secret: no shared cache may keep what it served.
        "Cache-Control": "private, no-store",
    }


def plain(status: int, message: str, **headers: str) -> HttpResponse:
    """A sentence for whoever opened the link: a player, a browser, a download manager."""
    response = HttpResponse(f"{message}\n", status=status, content_type="text/plain; charset=utf-8")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


# --- from disk --------------------------------------------------------------------------------


def disk_response(
    request: HttpRequest, source: OnDisk, name: str, link_id: int
) -> HttpResponse | StreamingHttpResponse:
    headers = file_headers(name)
    etag = f'"{source.size:x}-{int(source.mtime * 1000):x}"'
    headers["ETag"] = etag
    headers["Last-Modified"] = http_date(source.mtime)
    try:
        wanted = _range(request, source.size, etag, headers["Last-Modified"])
    except RangeNotSatisfiable:
        return plain(
            416,
            "The requested range lies past the end of the file.",
            Content_Range=f"bytes */{source.size}",
        )
    part = wanted or ByteRange(0, source.size)
    headers["Content-Length"] = str(part.length)
    if wanted is not None:
        headers["Content-Range"] = f"bytes {part.start}-{part.end - 1}/{source.size}"
    status = 206 if wanted is not None else 200
    if request.method == "HEAD":
        response: HttpResponse | StreamingHttpResponse = HttpResponse(status=status)
    else:
        response = StreamingHttpResponse(_file_chunks(source.path, part, link_id), status=status)
    for header, value in headers.items():
        response[header] = value
    return response


def _range(request: HttpRequest, size: int, etag: str, modified: str) -> ByteRange | None:
    """The range to serve; ``If-Range`` naming another version of the file means all of it."""
    if_range = request.headers.get("If-Range")
    if if_range and if_range.strip() not in (etag, modified):
        return None
    return parse_range(request.headers.get("Range"), size)


async def _file_chunks(path: Path, part: ByteRange, link_id: int) -> AsyncIterator[bytes]:
    handle: BinaryIO = await asyncio.to_thread(path.open, "rb")
    check = LinkCheck(link_id)
    try:
        await asyncio.to_thread(handle.seek, part.start)
        remaining = part.length
        while remaining > 0:
            chunk = await asyncio.to_thread(handle.read, min(DISK_CHUNK, remaining))
            if not chunk:  # the file shrank meanwhile: the client sees a short body
                return
            remaining -= len(chunk)
            yield chunk
            if not await check.still_usable():
                return
    finally:
        await asyncio.to_thread(handle.close)


class LinkCheck:
    """Asks every ``RECHECK`` seconds whether the link still works (revoked, expired)."""

    def __init__(self, link_id: int) -> None:
        self.link_id = link_id
        self.due = time.monotonic() + RECHECK_SECONDS

    async def still_usable(self) -> bool:
        if time.monotonic() < self.due:
            return True
        self.due = time.monotonic() + RECHECK_SECONDS
        usable: bool = await sync_to_async(still_usable)(self.link_id)
        return usable


# --- through Vodarr, from the provider --------------------------------------------------------


async def proxy_response(
    request: HttpRequest, source: FromProvider, name: str, label: str, link_id: int
) -> HttpResponse | StreamingHttpResponse:
    """The provider's answer relayed, holding a provider connection while it flows."""
    try:
        stream = await sync_to_async(open_stream)(label)
    except NoConnectionLeft as refused:
        return plain(503, refused.message, Retry_After="30")
    body = ProxyBody(stream, link_id)
    try:
        answer = await body.open(source, request.headers.get("Range"))
    except XtreamError as error:
        await body.finish()
        if isinstance(error, XtreamNotFound):
            return plain(404, error.message)
        logger.info("A link could not be served from the provider: %s", error.detail)
        return plain(502, error.message)
    except BaseException:
        await body.finish()
        raise
    headers = file_headers(name)
    if answer.status == 416:
        await body.finish()
        total = answer.total
        return plain(
            416,
            "The requested range lies past the end of the file.",
            **({"Content_Range": f"bytes */{total}"} if total is not None else {}),
        )
    if answer.length is not None:
        headers["Content-Length"] = str(answer.length)
    if answer.status == 206 and answer.content_range:
        headers["Content-Range"] = answer.content_range
    if request.method == "HEAD":
        await body.finish()
        response: HttpResponse | StreamingHttpResponse = HttpResponse(status=answer.status)
    else:
        response = StreamingHttpResponse(body, status=answer.status)
    for header, value in headers.items():
        response[header] = value
    return response


class ProxyBody:
    """The provider's bytes for one response, and the connection they hold.

    However the response ends — read to the end, the client gone midway, never started —
    the provider's answer is closed and the connection given back: by the body's own
    ``finally``, or by ``close()``, which Django calls on every response it is done with.
    """

    def __init__(self, stream: ProviderStream, link_id: int) -> None:
        self._stream = stream
        self._check = LinkCheck(link_id)
        self._stack = AsyncExitStack()
        self._answer: MediaAnswer | None = None
        self._released = False
        self._loop = asyncio.get_running_loop()

    async def open(self, source: FromProvider, range_header: str | None) -> MediaAnswer:
        self._answer = await self._stack.enter_async_context(
            open_media(source.url, range_header=range_header, user_agent=source.user_agent)
        )
        return self._answer

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._relay()

    async def _relay(self) -> AsyncIterator[bytes]:
        assert self._answer is not None
        try:
            async for chunk in self._answer.chunks():
                yield chunk
                if self._check.due <= time.monotonic():
                    if not await self._check.still_usable():
                        return
                    # On the same beat: the connection stays counted while the bytes flow.
                    await sync_to_async(renew)(self._stream)
        except XtreamError as error:
            # Too late for a status: the player sees a short body and asks again with Range.
            logger.info("A link's stream from the provider ended early: %s", error.detail)
        finally:
            await self.finish()

    async def finish(self) -> None:
        """Close the provider's answer and give the connection back (idempotent)."""
        await self._stack.aclose()
        if not self._released:
            self._released = True
            await sync_to_async(close_stream)(self._stream)

    def close(self) -> None:
        """Django's end of the response (in a worker thread): release what is still held."""
        if not self._released:
            self._released = True
            close_stream(self._stream)
        if not self._loop.is_closed():  # a server shutting down closes its connections itself
            self._loop.call_soon_threadsafe(lambda: self._loop.create_task(self._stack.aclose()))
