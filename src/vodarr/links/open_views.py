"""``GET /dl/{token}…``: opening a link, without signing in (VLC, a TV, a download manager).

- ``/dl/{token}`` — the file (a batch: its ``.m3u`` playlist, which players open);
- ``/dl/{token}/{name}`` — the same file (the name is for the eye), or a batch's
  ``playlist.m3u`` / ``links.txt``;
- ``/dl/{token}/{n}/{name}`` — the n-th file of a batch.

An unknown, expired or revoked token is a 404 with a sentence. Tokens are 256 random bits,
so guessing is hopeless, and still each address may try only so many unknown ones (a
counter in the database, across web processes) before it gets 429s.
"""

from __future__ import annotations

from asgiref.sync import sync_to_async
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods

from vodarr.integrations.xtream.errors import XtreamError
from vodarr.links import playlists, services
from vodarr.links.models import DownloadLink, LinkItem
from vodarr.links.serving import OnDisk, disk_response, plain, proxy_response, source_of
from vodarr.web.access import public
from vodarr.web.throttle import Limit, client_address, hit

MISSING = (
    "This link does not work: it has expired, it was revoked, or it never existed. "
    "Ask for a new one in Vodarr."
)
NO_SUCH_FILE = "This link has no file by that number."
UNKNOWN_LINKS = Limit(
    "link-unknown-address", 30, 10 * 60, "Too many links that do not work were tried."
)
PLAYLIST = "playlist.m3u"
TEXT = "links.txt"

Found = tuple[DownloadLink, list[LinkItem]]


@public
@require_http_methods(["GET", "HEAD"])
async def open_link(
    request: HttpRequest, token: str, name: str = ""
) -> HttpResponse | StreamingHttpResponse:
    found = await sync_to_async(_find)(request, token)
    if isinstance(found, HttpResponse):
        return found
    link, items = found
    if len(items) == 1 and name not in (PLAYLIST, TEXT):
        return await _serve(request, link, items[0])
    if name in ("", PLAYLIST):
        body = playlists.as_m3u(request, token, link, items)
        return _listing(request, body, "audio/x-mpegurl", f"{link.title}.m3u")
    if name == TEXT:
        return _listing(
            request, playlists.as_text(request, token, items), "text/plain", f"{link.title}.txt"
        )
    return plain(404, NO_SUCH_FILE)


@public
@require_http_methods(["GET", "HEAD"])
async def open_item(
    request: HttpRequest, token: str, position: int, name: str
) -> HttpResponse | StreamingHttpResponse:
    found = await sync_to_async(_find)(request, token)
    if isinstance(found, HttpResponse):
        return found
    link, items = found
    item = next((item for item in items if item.position == position), None)
    if item is None:
        return plain(404, NO_SUCH_FILE)
    return await _serve(request, link, item)


def _find(request: HttpRequest, token: str) -> Found | HttpResponse:
    link = services.find_usable(token)
    if link is None:
        refused = hit(UNKNOWN_LINKS, client_address(request))
        if refused is not None:
            return plain(429, refused.message, Retry_After=str(refused.retry_after))
        return plain(404, MISSING)
    return link, list(link.items.all())


async def _serve(
    request: HttpRequest, link: DownloadLink, item: LinkItem
) -> HttpResponse | StreamingHttpResponse:
    try:
        source = await sync_to_async(source_of)(item)
    except XtreamError as error:
        return plain(503, error.message)
    if request.method == "GET":
        await sync_to_async(services.record_use)(link)
    if isinstance(source, OnDisk):
        return disk_response(request, source, item.file_name, link.pk)
    return await proxy_response(request, source, item.file_name, item.title, link.pk)


def _listing(request: HttpRequest, body: str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(
        b"" if request.method == "HEAD" else body.encode(),
        content_type=f"{content_type}; charset=utf-8",
    )
    response["Content-Length"] = str(len(body.encode()))
    response["Content-Disposition"] = content_disposition_header(False, name) or "inline"
    response["Cache-Control"] = "private, no-store"
    return response
