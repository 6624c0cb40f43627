"""Reading a media file from the provider for a client of Vodarr's own: a link's proxy.

The media URL carries the provider's credentials, so it never leaves the server: Vodarr asks
for the bytes itself (asynchronously, so a slow viewer holds no thread), following the
provider's own redirects here, and hands on only the body, the status (200, 206 or 416) and
the lengths — none of the provider's headers. Failures become ``XtreamError``s whose
sentences name no URL, host or secret.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

from vodarr.integrations.redact import redact_text, redact_url
from vodarr.integrations.xtream.errors import (
    XtreamAuthError,
    XtreamError,
    XtreamNotFound,
    XtreamUnreachable,
)
from vodarr.integrations.xtream.transport import tls_context

CHUNK = 64 * 1024
# A single, well-formed byte range is passed on; anything else asks for the whole file.
_ONE_RANGE = re.compile(r"^bytes=(\d{1,18})?-(\d{1,18})?$")
_TOTAL = re.compile(r"/(\d{1,18})$")


@dataclass(frozen=True)
class MediaAnswer:
    """What the provider sent: 200 (whole file), 206 (the range asked for) or 416."""

    status: int
    length: int | None  # of this body; None when the provider did not say
    content_range: str | None  # "bytes 0-99/1000" with 206, "bytes */1000" with 416
    response: httpx.Response

    @property
    def total(self) -> int | None:
        """The whole file's size, when the provider said it."""
        if self.status == 200:
            return self.length
        match = _TOTAL.search(self.content_range or "")
        return int(match.group(1)) if match else None

    async def chunks(self) -> AsyncIterator[bytes]:
        """The body; a connection the provider drops midway raises ``XtreamUnreachable``."""
        try:
            async for chunk in self.response.aiter_raw(CHUNK):
                yield chunk
        except httpx.HTTPError as error:
            raise XtreamUnreachable(
                f"The provider stopped sending the file ({type(error).__name__})."
            ) from None


def forwardable_range(header: str | None) -> str | None:
    """``header`` when it asks for one byte range the provider can be asked for, else None."""
    text = (header or "").strip().replace(" ", "")
    match = _ONE_RANGE.match(text)
    if not match or (match.group(1) is None and match.group(2) is None):
        return None
    first, last = match.group(1), match.group(2)
    if first is not None and last is not None and int(last) < int(first):
        return None
    return text


@asynccontextmanager
async def open_media(
    url: str, *, range_header: str | None, user_agent: str, timeout: float = 20.0
) -> AsyncIterator[MediaAnswer]:
    """Ask the provider for ``url`` (one byte range, or all of it) and yield its answer.

    Raises ``XtreamNotFound`` (404), ``XtreamAuthError`` (401/403), ``XtreamUnreachable`` or
    ``XtreamError`` with a sentence that is safe to show anyone.
    """
    shown = redact_url(url.split("/movie/")[0].split("/series/")[0])
    headers = {"User-Agent": user_agent, "Accept-Encoding": "identity"}
    wanted = forwardable_range(range_header)
    if wanted:
        headers["Range"] = wanted
    async with httpx.AsyncClient(
        # Connecting is quick or never; a provider may pause for a while between chunks.
        timeout=httpx.Timeout(timeout, connect=10.0),
        verify=tls_context(),
        follow_redirects=True,
    ) as client:
        try:
            response = await client.send(
                client.build_request("GET", url, headers=headers), stream=True
            )
        except httpx.TimeoutException:
            raise XtreamUnreachable("The provider is not reachable (timed out).") from None
        except httpx.HTTPError as error:
            raise XtreamUnreachable(
                f"The provider is not reachable ({type(error).__name__}).",
                detail=redact_text(f"The provider at {shown} is not reachable: {error}"),
            ) from None
        try:
            _check(response.status_code)
            length = response.headers.get("Content-Length")
            yield MediaAnswer(
                status=response.status_code,
                length=int(length) if length and length.isdigit() else None,
                content_range=response.headers.get("Content-Range"),
                response=response,
            )
        finally:
            await response.aclose()


def _check(status: int) -> None:
    if status in (200, 206, 416):
        return
    if status == 404:
        raise XtreamNotFound("The provider no longer has this file.")
    if status in (401, 403):
        raise XtreamAuthError(f"The provider refused to send this file (HTTP {status}).")
    raise XtreamError(f"The provider answered HTTP {status}.", permanent=400 <= status < 500)
