"""Building Xtream Codes URLs: the API endpoint and the media URLs aria2 downloads.

Provider URLs are typed by admins, so ``normalize_base_url`` refuses anything that is not a
plain http(s) URL with a host. Media URLs carry the credentials as path segments; every
segment is percent-quoted so a ``/`` or ``?`` in a password cannot change the path. These
URLs are secrets: hand them to aria2, never to a log line (see ``vodarr.integrations.redact``).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

from vodarr.integrations.redact import redact_url
from vodarr.integrations.xtream.errors import XtreamInvalidURL

_EXTENSION = re.compile(r"^[a-z0-9]{1,8}$")
_API_SUFFIX = "/player_api.php"


def normalize_base_url(url: str) -> str:
    """Return ``scheme://host[:port][/prefix]`` without a trailing slash, or raise.

    People often paste the API URL itself (``…/player_api.php?username=…``); the endpoint is
    stripped, but a query string is refused because it usually carries the credentials.
    """
    if not isinstance(url, str) or not url.strip():
        raise XtreamInvalidURL("The provider URL is empty.")
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise XtreamInvalidURL(f"The provider URL {redact_url(text)} is not a valid URL.") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise XtreamInvalidURL(
            f"The provider URL {redact_url(text)} must start with http:// or https:// "
            "and name a host."
        )
    if "@" in parts.netloc:
        raise XtreamInvalidURL(
            "The provider URL must not contain a username or password; "
            "enter them in their own fields."
        )
    if parts.query or parts.fragment:
        raise XtreamInvalidURL(
            "The provider URL must not contain a query string (?…) or fragment (#…)."
        )
    path = parts.path.rstrip("/")
    if path.lower().endswith(_API_SUFFIX):
        path = path[: -len(_API_SUFFIX)]
    host = parts.hostname
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), netloc, path, "", ""))


def player_api_url(base: str) -> str:
    """The ``player_api.php`` endpoint under a normalized base URL."""
    return f"{base.rstrip('/')}{_API_SUFFIX}"


def clean_extension(ext: object) -> str | None:
    """Return a safe, lower-case file extension (``"mkv"``) or None when unusable."""
    if not isinstance(ext, str):
        return None
    candidate = ext.strip().lstrip(".").lower()
    return candidate if _EXTENSION.match(candidate) else None


def movie_url(base: str, username: str, password: str, stream_id: int | str, ext: str) -> str:
    """``{base}/movie/{username}/{password}/{stream_id}.{ext}`` with every segment quoted."""
    return _media_url(base, "movie", username, password, stream_id, ext)


def episode_url(base: str, username: str, password: str, episode_id: int | str, ext: str) -> str:
    """``{base}/series/{username}/{password}/{episode_id}.{ext}`` with every segment quoted."""
    return _media_url(base, "series", username, password, episode_id, ext)


def _media_url(
    base: str, kind: str, username: str, password: str, media_id: int | str, ext: str
) -> str:
    clean_ext = clean_extension(ext)
    if clean_ext is None:
        raise XtreamInvalidURL(f"{ext!r} is not a usable file extension.")
    ident = str(media_id).strip()
    if not ident or ident in (".", ".."):
        raise XtreamInvalidURL(f"{media_id!r} is not a usable {kind} id.")
    segments = [_segment(username), _segment(password), f"{_segment(ident)}.{clean_ext}"]
    return f"{base.rstrip('/')}/{kind}/" + "/".join(segments)


def _segment(value: str) -> str:
    # safe="" so "/", "?", "#" and "%" in credentials are encoded instead of shaping the URL.
    return quote(value, safe="")
