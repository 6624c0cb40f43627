"""The Links page's rows (and the API's): a person's links, or everyone's for an admin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.utils import timezone

from vodarr.accounts.models import User
from vodarr.links.models import DownloadLink
from vodarr.web.pagination import paginator_props

PER_PAGE = 20


def link_of(user: User, pk: int) -> DownloadLink | None:
    """The link if ``user`` owns it or is an admin; None otherwise (it answers as missing)."""
    link = DownloadLink.objects.filter(pk=pk).first()
    if link is None or not (user.is_admin or link.user_id == user.pk):
        return None
    return link


def links_page(user: User, number: int, url: Callable[[int], str]) -> dict[str, Any]:
    links = DownloadLink.objects.select_related("user").prefetch_related("items")
    if not user.is_admin:
        links = links.filter(user=user)
    paginator = Paginator(links, PER_PAGE)
    page = paginator.page(min(number, paginator.num_pages))
    now = timezone.now()
    rows = [link_row(link, now, for_admin=user.is_admin) for link in page.object_list]
    return paginator_props(page, rows, url)


def link_row(link: DownloadLink, now: Any, *, for_admin: bool) -> dict[str, Any]:
    items = list(link.items.all())
    row: dict[str, Any] = {
        "id": link.pk,
        "title": link.title,
        "state": link.state(now),
        "files": [{"title": item.title, "name": item.file_name} for item in items[:50]],
        "fileCount": len(items),
        "createdAt": link.created_at.isoformat(),
        "expiresAt": link.expires_at.isoformat(),
        "revokedAt": link.revoked_at.isoformat() if link.revoked_at else None,
        "lastUsedAt": link.last_used_at.isoformat() if link.last_used_at else None,
        "useCount": link.use_count,
    }
    if for_admin:
        row["owner"] = {"id": link.user.pk, "name": link.user.name, "email": link.user.email}
    return row
