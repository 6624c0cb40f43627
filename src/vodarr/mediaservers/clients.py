"""Talking to Jellyfin, Emby and Plex: who are you (the Test button), and rescan.

Jellyfin and Emby rescan their whole library with one call (``POST /Library/Refresh``);
Plex rescans per section, so a finished movie refreshes its movie sections and an episode
its TV sections (``GET /library/sections``, then ``…/{key}/refresh``). Mapping sections by
type, not by path, works even when the media server sees DOWNLOAD_ROOT under another path
(a container). Every call goes through ``integrations/outbound.py``, and every refusal is
its ``OutboundError`` (a sentence, host only).
"""

from __future__ import annotations

from dataclasses import dataclass

from vodarr.integrations.outbound import OutboundError, Reply, call

TIMEOUT_SECONDS = 10.0
ALL = "all"


@dataclass(frozen=True)
class Server:
    kind: str
    url: str
    token: str

    def endpoint(self, path: str) -> str:
        return self.url.rstrip("/") + path

    def headers(self) -> dict[str, str]:
        if self.kind == "plex":
            return {"X-Plex-Token": self.token, "Accept": "application/json"}
        if self.kind == "jellyfin":
            return {
                "Authorization": f'MediaBrowser Client="Vodarr", Token="{self.token}"',
                "Accept": "application/json",
            }
        return {"X-Emby-Token": self.token, "Accept": "application/json"}


def _request(server: Server, method: str, path: str, timeout: float) -> Reply:
    reply = call(method, server.endpoint(path), headers=server.headers(), timeout=timeout)
    if reply.status in (401, 403):
        raise OutboundError("The server refused the token: check it (and that it is an admin's).")
    if not reply.ok:
        raise OutboundError(f"The server answered HTTP {reply.status}: {reply.excerpt()}")
    return reply


def identify(server: Server, timeout: float = TIMEOUT_SECONDS) -> str:
    """A sentence naming the server (its name and version); raises ``OutboundError``."""
    path = "/identity" if server.kind == "plex" else "/System/Info"
    reply = _request(server, "GET", path, timeout)
    try:
        data = reply.json()
    except ValueError:
        raise OutboundError("The server's answer is not JSON: is this the right address?") from None
    if server.kind == "plex":
        container = data.get("MediaContainer", {}) if isinstance(data, dict) else {}
        return f"Plex Media Server {container.get('version', '')}".strip() + " answered."
    name = data.get("ServerName", "") if isinstance(data, dict) else ""
    version = data.get("Version", "") if isinstance(data, dict) else ""
    return f"{name or 'The server'} ({version or 'version unknown'}) answered."


def libraries(server: Server, media: str, timeout: float = TIMEOUT_SECONDS) -> list[str]:
    """The libraries a new file of ``media`` ("movie" or "show") lands in."""
    if server.kind != "plex":
        return [ALL]
    try:
        data = _request(server, "GET", "/library/sections", timeout).json()
    except ValueError:
        raise OutboundError("Plex's list of libraries is not JSON.") from None
    sections = data.get("MediaContainer", {}).get("Directory", []) if isinstance(data, dict) else []
    return [str(s["key"]) for s in sections if isinstance(s, dict) and s.get("type") == media]


def rescan(server: Server, library: str, timeout: float = TIMEOUT_SECONDS) -> None:
    if server.kind == "plex":
        _request(server, "GET", f"/library/sections/{library}/refresh", timeout)
    else:
        _request(server, "POST", "/Library/Refresh", timeout)
