"""The Downloads page's data: one page of refs, merged with ONE aria2 status request."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import QuerySet

from vodarr.accounts.models import User
from vodarr.downloads.actions import allowed_actions
from vodarr.downloads.aria2 import aria2
from vodarr.downloads.models import MediaDownloadRef
from vodarr.downloads.paths import download_root
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
    queryset = MediaDownloadRef.objects.select_related("user").order_by("-created_at", "-id")
    if not user.is_admin:
        return queryset.filter(user=user)
    if owner_ids:
        return queryset.filter(user_id__in=owner_ids)
    return queryset


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
    _remember_status_changes(refs, live)
    data = [serialize_ref(ref, live.get(ref.gid), include_owner=user.is_admin) for ref in refs]

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
    """aria2's status of every ref on the page in one request; {} when aria2 cannot answer."""
    if not refs:
        return {}
    try:
        answers = aria2().tell_statuses([ref.gid for ref in refs])
    except Aria2Error as error:
        logger.warning("Showing last known download states: %s", error.message)
        return {}
    return {gid: state for gid, state in answers.items() if isinstance(state, DownloadStatus)}


def _remember_status_changes(refs: list[MediaDownloadRef], live: dict[str, DownloadStatus]) -> None:
    """Record a status change seen here, so the list stays truthful if aria2 later forgets.

    Only status changes are written (progress is the worker's job, every tick), so a page view
    usually writes nothing. Each write is conditional on the row still holding the GID and
    status read here: the worker may have re-added or retried it in the meantime.
    """
    for ref in refs:
        state = live.get(ref.gid)
        if state is None or state.status is None or str(state.status) == ref.status:
            continue
        seen_status = ref.status
        fields = ref.record_state(state)
        MediaDownloadRef.objects.filter(pk=ref.pk, gid=ref.gid, status=seen_status).update(
            **{name: getattr(ref, name) for name in fields}
        )


def serialize_ref(
    ref: MediaDownloadRef, live: DownloadStatus | None, *, include_owner: bool
) -> dict[str, Any]:
    status = live.to_dict() if live is not None and live.status is not None else None
    if status is not None:
        status["source"] = "live"
    else:
        status = last_known_status(ref)
    item: dict[str, Any] = {
        "id": ref.pk,
        "gid": ref.gid,
        "user_id": ref.user_id,
        "downloadable_type": ref.downloadable_type,
        "downloadable_id": ref.downloadable_id,
        "episode_id": ref.episode_id,
        "season": ref.season,
        "episode": ref.episode,
        "canceled_at": _iso(ref.canceled_at),
        "retry_next_at": _iso(ref.retry_next_at),
        "desired_paused": ref.desired_paused,
        "retry_attempt": ref.retry_attempt,
        "last_error_code": ref.last_error_code,
        "last_error_message": ref.last_error_message or None,
        "output_path": ref.output_path,
        "created_at": _iso(ref.created_at),
        "finished_at": _iso(ref.finished_at),
        "media": {
            "type": ref.downloadable_type,
            "id": ref.downloadable_id,
            "name": ref.title,
            "poster": ref.poster or None,
            "year": ref.year,
            "series": ref.title if ref.is_episode else None,
            "season": ref.season,
            "episode": ref.episode,
            "title": ref.episode_title if ref.is_episode else ref.title,
        },
        "downloadStatus": status,
        "actions": allowed_actions(ref, status["status"]),
    }
    if include_owner:
        item["owner"] = {"id": ref.user.pk, "name": ref.user.name, "email": ref.user.email}
    return item


def last_known_status(ref: MediaDownloadRef) -> dict[str, Any]:
    """The row's recorded aria2 state, in the same shape as a live one, marked as such."""
    return {
        "gid": ref.gid,
        "status": ref.status,
        "totalLength": ref.total_length,
        "completedLength": ref.completed_length,
        "downloadSpeed": 0,
        "errorCode": ref.last_error_code,
        "errorMessage": ref.last_error_message or None,
        "dir": str((download_root() / ref.output_path).parent),
        "files": [
            {
                "index": i + 1,
                "path": f.get("path", ""),
                "length": f.get("length", 0),
                "completedLength": f.get("completedLength", 0),
                "selected": True,
            }
            for i, f in enumerate(ref.files or [])
        ],
        "source": "last_known",
        "updatedAt": _iso(ref.state_updated_at),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
