"""The Downloads page's data: one page of requests, merged with ONE aria2 status request.

Also the person's own downloads as other pages show them (Discover's "downloading now", a
title page's state), in the same shape (``serialize.serialize_download``).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import QuerySet

from vodarr.accounts.models import User
from vodarr.downloads.gateway import gateway
from vodarr.downloads.models import (
    IN_PROGRESS_STATUSES,
    MediaDownloadRef,
    remember_status_changes,
)
from vodarr.downloads.serialize import serialize_download
from vodarr.integrations.aria2.errors import Aria2Error
from vodarr.integrations.aria2.types import DownloadStatus

logger = logging.getLogger("vodarr.downloads")
PER_PAGE = 10


def parse_owner_ids(raw: str | None) -> list[int]:
    """`owners=1,3,5` → [1, 3, 5]; anything that is not a positive integer is dropped."""
    ids: list[int] = []
    for part in (raw or "").split(","):
        part = part.strip()
        if part.isdigit() and 0 < int(part) < 2**63 and int(part) not in ids:
            ids.append(int(part))
    return ids


def parse_page(raw: str | None) -> int:
    try:
        return max(1, int(raw or 1))
    except ValueError:
        return 1


def visible_downloads(user: User, owner_ids: list[int]) -> QuerySet[MediaDownloadRef]:
    """Members see their own; admins see everyone's, optionally only the given owners'."""
    queryset = MediaDownloadRef.objects.select_related("user", "transfer").order_by(
        "-created_at", "-id"
    )
    if not user.is_admin:
        return queryset.filter(user=user)
    if owner_ids:
        return queryset.filter(user_id__in=owner_ids)
    return queryset


def download_of(user: User, pk: int) -> MediaDownloadRef | None:
    """The ref if ``user`` may see and operate it (owner or admin); None for anything else,
    so another member's download looks exactly like a missing one."""
    ref = MediaDownloadRef.objects.select_related("user", "transfer").filter(pk=pk).first()
    if ref is None or not user.can_operate_download(ref.user_id):
        return None
    return ref


def one_download(user: User, ref: MediaDownloadRef) -> dict[str, Any]:
    """``ref`` as a DownloadItem with aria2's live status (recorded, as the page does)."""
    live = live_statuses([ref])
    remember_status_changes([ref.transfer], live)
    return serialize_download(ref, live.get(ref.transfer.gid), for_admin=user.is_admin)


def owner_options() -> list[dict[str, Any]]:
    """Users who have downloads, by name — the admin's owner filter."""
    owners = User.objects.filter(downloads__isnull=False).distinct().order_by("name", "id")
    return [{"id": u.pk, "name": u.name, "email": u.email} for u in owners]


def downloads_page(
    user: User, *, page: int, owner_ids: list[int], path: str = "/downloads"
) -> dict[str, Any]:
    """The `downloads` prop: a paginator object whose items carry live aria2 status."""
    paginator = Paginator(visible_downloads(user, owner_ids), PER_PAGE)
    number = min(page, paginator.num_pages)  # out of range gives the last page, not an error
    current = paginator.page(number)
    refs = list(current.object_list)
    live = live_statuses(refs)
    remember_status_changes([ref.transfer for ref in refs], live)
    data = [
        serialize_download(ref, live.get(ref.transfer.gid), for_admin=user.is_admin) for ref in refs
    ]

    def url(n: int) -> str:
        query = {"page": n}
        if user.is_admin and owner_ids:
            query["owners"] = ",".join(map(str, owner_ids))  # type: ignore[assignment]
        return f"{path}?{urlencode(query)}"

    return {
        "data": data,
        "current_page": number,
        "last_page": paginator.num_pages,
        "per_page": PER_PAGE,
        "total": paginator.count,
        "from": current.start_index() if refs else None,
        "to": current.end_index() if refs else None,
        "next_page_url": url(number + 1) if current.has_next() else None,
        "prev_page_url": url(number - 1) if current.has_previous() else None,
    }


def live_statuses(refs: list[MediaDownloadRef]) -> dict[str, DownloadStatus]:
    """aria2's status of the refs' transfers in one request; {} when aria2 cannot answer.

    Canceled requests are not asked about: they show what they were when canceled.
    """
    gids = list(dict.fromkeys(ref.transfer.gid for ref in refs if not ref.is_canceled))
    if not gids:
        return {}
    try:
        answers = gateway().client.tell_statuses(gids)
    except Aria2Error as error:
        logger.warning("Showing last known download states: %s", error.message)
        return {}
    return {gid: state for gid, state in answers.items() if isinstance(state, DownloadStatus)}


def active_downloads(user: User, limit: int = 5) -> list[dict[str, Any]]:
    """The person's own unfinished (or being verified), non-canceled downloads, newest first,
    as last recorded."""
    refs = (
        MediaDownloadRef.objects.live()
        .filter(user=user, transfer__status__in=IN_PROGRESS_STATUSES)
        .select_related("user", "transfer")
        .order_by("-created_at", "-id")[:limit]
    )
    return [serialize_download(ref, for_admin=False) for ref in refs]


def latest_downloads_of(
    user: User, media_type: str, media_id: int
) -> dict[str | None, dict[str, Any]]:
    """The person's newest non-canceled download of a title, per episode id (None: a movie)."""
    refs = (
        MediaDownloadRef.objects.live()
        .filter(user=user, downloadable_type=media_type, downloadable_id=media_id)
        .select_related("user", "transfer")
        .order_by("-created_at", "-id")
    )
    latest: dict[str | None, dict[str, Any]] = {}
    for ref in refs:
        if ref.episode_id not in latest:
            latest[ref.episode_id] = serialize_download(ref, for_admin=False)
    return latest
