"""What a link hands out: its URLs, the batch's ``.txt`` (one link per line) and ``.m3u``.

URLs are absolute, on ``BASE_URL`` when it is set: they are meant for another device, a TV
or a player. A batch's item URLs end in the file's name, so ``wget -i links.txt`` and
players that show the URL's last part name each file well.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.http import HttpRequest

from vodarr.links.models import DownloadLink, LinkItem
from vodarr.links.services import NewLink
from vodarr.web.links import absolute_link


def link_url(request: HttpRequest, token: str) -> str:
    return absolute_link(request, f"/dl/{token}")


def item_url(request: HttpRequest, token: str, item: LinkItem) -> str:
    return absolute_link(request, f"/dl/{token}/{item.position}/{quote(item.file_name, safe='')}")


def playlist_url(request: HttpRequest, token: str) -> str:
    return absolute_link(request, f"/dl/{token}/playlist.m3u")


def text_url(request: HttpRequest, token: str) -> str:
    return absolute_link(request, f"/dl/{token}/links.txt")


def new_link_payload(request: HttpRequest, new: NewLink) -> dict[str, Any]:
    """The answer to "get a link" (JSON API and the page's dialog alike)."""
    token = new.token
    payload: dict[str, Any] = {
        "id": new.link.pk,
        "title": new.link.title,
        "url": playlist_url(request, token) if new.is_batch else link_url(request, token),
        "expires_at": new.link.expires_at.isoformat(),
        "kind": "batch" if new.is_batch else "file",
    }
    if new.is_batch:
        payload["playlist_url"] = playlist_url(request, token)
        payload["text_url"] = text_url(request, token)
        payload["items"] = [
            {"title": item.title, "url": item_url(request, token, item)} for item in new.items
        ]
    return payload


def as_text(request: HttpRequest, token: str, items: list[LinkItem]) -> str:
    return "".join(f"{item_url(request, token, item)}\n" for item in items)


def as_m3u(request: HttpRequest, token: str, link: DownloadLink, items: list[LinkItem]) -> str:
    lines = ["#EXTM3U", f"#PLAYLIST:{_one_line(link.title)}"]
    for item in items:
        lines.append(f"#EXTINF:{item.duration_secs or -1},{_one_line(item.title)}")
        lines.append(item_url(request, token, item))
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
