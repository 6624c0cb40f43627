"""The one shape of a download sent to the browser (TypeScript: ``DownloadItem`` in types.ts).

The Downloads page, its live stream, the title pages and Discover all send this shape, so the
front end has one type and one set of helpers for it. Fields follow the spec's
MediaDownloadRef plus ``downloadStatus`` (aria2's view: live when aria2 answered, else the
transfer's last known state, marked ``source: "last_known"``). aria2's ``complete`` is shown
as ``verifying`` until the worker has checked the file (then ``complete``, or ``error`` with
the reason), and a passed file's ``probe`` says what is inside it.

What a person sees is their own request: a row they paused reads ``paused`` at once even while
others keep the shared transfer running, and a canceled row reads ``removed``. Members see
paths relative to DOWNLOAD_ROOT; admins see where the files really are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vodarr.downloads.actions import allowed_actions
from vodarr.downloads.models import UNFINISHED_STATUSES, MediaDownloadRef, Status, Transfer
from vodarr.downloads.paths import download_root
from vodarr.integrations.aria2.types import DownloadStatus


def serialize_download(
    ref: MediaDownloadRef, live: DownloadStatus | None = None, *, for_admin: bool
) -> dict[str, Any]:
    """``ref`` as a DownloadItem; ``live`` is aria2's answer for its transfer, if any."""
    transfer = ref.transfer
    # aria2's word stands unless it is "complete": the row then says whether the file was
    # checked (verifying, complete, or refused), which aria2 cannot know.
    if live is not None and live.status is not None and live.status != Status.COMPLETE:
        status = live.to_dict()
        status["source"] = "live"
    else:
        status = last_known_status(transfer)
        if live is not None and live.status == Status.COMPLETE:
            status.update(
                status=transfer.status_for(Status.COMPLETE),
                totalLength=live.total_length,
                completedLength=live.completed_length,
                source="live",  # aria2 did answer: this is not a stale state
            )
    status = _as_seen_by_requester(ref, status)
    _relative_paths(status, for_admin=for_admin)
    item: dict[str, Any] = {
        "id": ref.pk,
        "gid": transfer.gid,
        "user_id": ref.user_id,
        "downloadable_type": ref.downloadable_type,
        "downloadable_id": ref.downloadable_id,
        "episode_id": ref.episode_id,
        "season": ref.season,
        "episode": ref.episode,
        "canceled_at": _iso(ref.canceled_at),
        "retry_next_at": _iso(transfer.retry_next_at),
        "desired_paused": ref.desired_paused,
        "retry_attempt": transfer.retry_attempt,
        "last_error_code": transfer.last_error_code,
        "last_error_message": transfer.last_error_message or None,
        "output_path": transfer.output_path,
        "created_at": _iso(ref.created_at),
        "finished_at": _iso(transfer.finished_at),
        "probe": transfer.probe or None,
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
    if for_admin:
        item["owner"] = {"id": ref.user.pk, "name": ref.user.name, "email": ref.user.email}
    return item


def last_known_status(transfer: Transfer) -> dict[str, Any]:
    """The transfer's recorded aria2 state, in the same shape as a live one, marked as such."""
    return {
        "gid": transfer.gid,
        "status": transfer.status,
        "totalLength": transfer.total_length,
        "completedLength": transfer.completed_length,
        "downloadSpeed": 0,
        "errorCode": transfer.last_error_code,
        "errorMessage": transfer.last_error_message or None,
        "dir": str((download_root() / transfer.output_path).parent),
        "files": [
            {
                "index": i + 1,
                "path": f.get("path", ""),
                "length": f.get("length", 0),
                "completedLength": f.get("completedLength", 0),
                "selected": True,
            }
            for i, f in enumerate(transfer.files or [])
        ],
        "source": "last_known",
        "updatedAt": _iso(transfer.state_updated_at),
    }


def _as_seen_by_requester(ref: MediaDownloadRef, status: dict[str, Any]) -> dict[str, Any]:
    if ref.is_canceled:
        status.update(status=Status.REMOVED.value, downloadSpeed=0)
    elif ref.desired_paused and status["status"] in UNFINISHED_STATUSES:
        status.update(status=Status.PAUSED.value, downloadSpeed=0)
    return status


def _relative_paths(status: dict[str, Any], *, for_admin: bool) -> None:
    """Members are not shown the server's directory layout, only where inside the library."""
    if for_admin:
        return
    root = download_root()
    status["dir"] = _relative(status.get("dir") or "", root)
    for entry in status.get("files") or []:
        entry["path"] = _relative(entry.get("path") or "", root)


def _relative(path: str, root: Path) -> str:
    if not path:
        return ""
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return Path(path).name  # outside the library (should not happen): the name only


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
