"""The one door for fetching files from the internet that are not the provider's API: artwork.

Posters and backdrops come as URLs the provider chose (its own host, TMDB's image server, a
CDN). Every such fetch goes through ``fetch_image``: http(s) only, a timeout, a User-Agent,
at most ``MAX_REDIRECTS`` redirects, a size cap enforced while reading (a server that lies
about, or omits, Content-Length cannot fill the disk), and the bytes must be a raster image
(JPEG, PNG or WebP) by their signature, whatever the server claims. Failures are one
``FetchError`` whose message names the host only: image URLs may carry tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from vodarr.turns import waiting_on_network

MAX_IMAGE_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 3
_IMAGE_SIGNATURES = (
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
)


class FetchError(Exception):
    """A fetch failed; ``message`` is safe to log (host only, no path or query)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Image:
    content: bytes
    extension: str  # "jpg", "png" or "webp", from the bytes themselves


def image_extension(content: bytes) -> str | None:
    """ "jpg", "png" or "webp" when ``content`` starts like one; None otherwise (SVG, HTML…)."""
    for signature, extension in _IMAGE_SIGNATURES:
        if content.startswith(signature):
            return extension
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "webp"
    return None


def fetch_image(
    url: str,
    *,
    user_agent: str,
    max_bytes: int = MAX_IMAGE_BYTES,
    timeout: float = TIMEOUT_SECONDS,
    transport: httpx.BaseTransport | None = None,
) -> Image:
    """Download one image; raises ``FetchError``."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"Not a web address: {parts.scheme or 'no scheme'}://{host}")
    try:
        with (
            waiting_on_network(),  # a page thread's turn goes to another page meanwhile
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": user_agent, "Accept": "image/*"},
                transport=transport,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise FetchError(f"{host} answered HTTP {response.status_code}")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"The image at {host} is larger than {max_bytes} bytes")
            content = bytearray()
            for chunk in response.iter_bytes():
                content += chunk
                if len(content) > max_bytes:
                    raise FetchError(f"The image at {host} is larger than {max_bytes} bytes")
    except httpx.TooManyRedirects:
        raise FetchError(f"{host} redirected too many times") from None
    except httpx.TimeoutException:
        raise FetchError(f"{host} did not answer in time") from None
    except httpx.HTTPError as error:
        raise FetchError(f"{host} could not be reached ({type(error).__name__})") from None
    extension = image_extension(bytes(content[:16]))
    if extension is None:
        raise FetchError(f"What {host} sent is not a JPEG, PNG or WebP image")
    return Image(bytes(content), extension)
