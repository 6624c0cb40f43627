"""Sending one message to one Apprise URL, with a timeout, and reading the target's answer.

Apprise speaks every service's syntax (ntfy, Discord, Telegram, email, Gotify, Pushover,
JSON/form webhooks…), so Vodarr writes no per-service sender. Apprise reports how a send
went through its log; that text is captured as the target's answer, with the URL's secrets
(tokens, passwords, path and query values) masked before anyone sees it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

import apprise

from vodarr.integrations.redact import redact_text

NOT_UNDERSTOOD = (
    "Apprise does not understand this URL: check the service's URL syntax "
    "(for example ntfy://ntfy.sh/your-topic or json://example.com/hook)."
)
# Apprise's capture lines start with "2026-11-30 06:23:16,611 - WARNING - ".
_LOG_PREFIX = re.compile(r"^\S+ \S+ - [A-Z]+ - ", re.MULTILINE)


@dataclass(frozen=True)
class Answer:
    ok: bool
    detail: str


def understood(url: str) -> bool:
    return apprise.Apprise.instantiate(url) is not None


def preview(url: str) -> str:
    """What a page may show of the URL: the service and host, with Apprise's own masking.

    Paths and queries often are the secret (an ntfy topic, a webhook id): they become "/…".
    """
    plugin = apprise.Apprise.instantiate(url)
    shown = plugin.url(privacy=True) if plugin is not None else url
    parts = urlsplit(shown)
    netloc = parts.netloc.rsplit("@", 1)[-1] if "@" in parts.netloc else parts.netloc
    tail = "/…" if parts.path.strip("/") or parts.query else ""
    return f"{parts.scheme}://{netloc}{tail}"[:300]


def send(url: str, title: str, body: str, *, timeout: float) -> Answer:
    """Send once; never raises. ``timeout`` bounds each network wait (connect, then read)."""
    plugin = apprise.Apprise.instantiate(url)
    if plugin is None:
        return Answer(False, NOT_UNDERSTOOD)
    plugin.socket_connect_timeout = min(timeout, 5.0)
    plugin.socket_read_timeout = timeout
    with apprise.LogCapture(level=logging.INFO) as captured:
        try:
            ok = bool(plugin.notify(body=body or title, title=title))
            problem = ""
        except Exception as error:  # a plugin bug must not take the worker down
            ok, problem = False, f"{type(error).__name__}: {error}"
    text = _LOG_PREFIX.sub("", captured.getvalue()).strip() + (f"\n{problem}" if problem else "")
    detail = redact_text(text.strip(), secrets=_secrets_of(url))[:1000]
    if not detail:
        detail = "Delivered." if ok else "The target did not accept the notification."
    return Answer(ok, detail)


def _secrets_of(url: str) -> list[str]:
    """Every part of the URL that may be a token: user info, path segments, query values."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return [url]
    found = [parts.username or "", parts.password or ""]
    found += [segment for segment in parts.path.split("/") if segment]
    found += [value for _, value in parse_qsl(parts.query)]
    # Longest first, so a token is masked whole before a shorter piece of it.
    return sorted((s for s in found if len(s) >= 4), key=len, reverse=True)
