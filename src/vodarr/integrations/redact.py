"""Redaction of provider credentials from URLs and free text.

Every media URL carries the provider's username and password (``/movie/USER/PASS/1.mp4``),
and ``player_api.php`` takes them as query parameters. Anything that may reach a log line,
an exception message or a page goes through here first.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

REDACTED = "***"

_SECRET_QUERY_KEYS = {"username", "password", "token", "secret", "pass", "user"}
# /movie/USER/PASS/…, /series/USER/PASS/…, /live/USER/PASS/… and the bare /USER/PASS/ID form.
_MEDIA_PATH = re.compile(r"^/(?P<kind>movie|series|live|timeshift)/[^/]+/[^/]+/", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]+")


def redact_url(url: str) -> str:
    """Return ``url`` with user info, credential path segments and secret query values hidden."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return REDACTED
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    path = _MEDIA_PATH.sub(lambda m: f"/{m.group('kind')}/{REDACTED}/{REDACTED}/", parts.path)
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(k, REDACTED if k.lower() in _SECRET_QUERY_KEYS else v) for k, v in pairs],
            safe="*",
        )
    return urlunsplit((parts.scheme, netloc, path, query, ""))


_remembered: set[str] = set()


def remember_secret(secret: str) -> None:
    """Hide ``secret`` in every later ``redact_text`` too: a password saved in Settings is
    known only once the provider configuration is read, not to the code that logs."""
    if secret and len(secret) >= 3:
        _remembered.add(secret)


def redact_text(text: str, secrets: tuple[str, ...] | list[str] = ()) -> str:
    """Redact every URL inside ``text`` and any literal occurrence of the given secrets."""
    result = _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)
    # tuple() copies the set in one step, so a secret remembered meanwhile cannot break this.
    for secret in (*secrets, *tuple(_remembered)):
        if secret and len(secret) >= 3:
            result = result.replace(secret, REDACTED)
    return result
