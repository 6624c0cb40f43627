"""The one door for Vodarr's own calls to other services: media servers and webhooks.

Addresses here are typed by people (an admin's Jellyfin, a person's webhook), so every call
goes through ``call``: http(s) only, a connect and a read timeout, a User-Agent, no
redirects followed (a redirect is an answer to report, not an invitation to send the body
and its signature elsewhere), and at most ``MAX_READ`` bytes of the answer read. Failures
are one ``OutboundError`` whose message names the host only: such URLs often carry tokens.
No Django here: callers pass what they know.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from vodarr.turns import waiting_on_network

USER_AGENT = "Vodarr/0.1"
MAX_READ = 64 * 1024
EXCERPT = 300


class OutboundError(Exception):
    """The call did not get an answer; ``message`` is safe to show and log (host only)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def excerpt(self) -> str:
        """The start of the answer, as text, for a delivery log."""
        text = self.body[:EXCERPT].decode("utf-8", "replace").strip()
        return " ".join(text.split())

    def json(self) -> Any:
        return json.loads(self.body)


def host_of(url: str) -> str:
    return urlsplit(url).hostname or "?"


def check_url(url: str) -> str | None:
    """Why ``url`` cannot be called, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "The address must start with http:// or https:// and name a host."
    return None


def call(
    method: str,
    url: str,
    *,
    headers: dict[str, str] | None = None,
    content: bytes | None = None,
    timeout: float = 10.0,
    transport: httpx.BaseTransport | None = None,
) -> Reply:
    """One request; any HTTP answer is a ``Reply`` (check ``ok``), no answer an error."""
    problem = check_url(url)
    if problem:
        raise OutboundError(problem)
    host = host_of(url)
    try:
        with (
            waiting_on_network(),  # a page thread's turn goes to another page meanwhile
            httpx.Client(
                timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
                follow_redirects=False,
                headers={"User-Agent": USER_AGENT, **(headers or {})},
                transport=transport,
            ) as client,
            client.stream(method, url, content=content) as response,
        ):
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) >= MAX_READ:
                    break
            return Reply(
                response.status_code,
                bytes(body[:MAX_READ]),
                response.headers.get("Content-Type", ""),
            )
    except httpx.TimeoutException:
        raise OutboundError(f"{host} did not answer within {timeout:g} seconds.") from None
    except httpx.ConnectError:
        raise OutboundError(f"Could not connect to {host}.") from None
    except httpx.HTTPError as error:
        raise OutboundError(f"The call to {host} failed: {type(error).__name__}.") from None
