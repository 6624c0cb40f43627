"""The one shape of a download sent to the browser (TypeScript: ``DownloadItem`` in types.ts).

The Downloads page, the live channel, the title pages and Discover all send this shape, so the
front end has one type and one set of helpers for it. Fields follow the spec's
MediaDownloadRef plus ``downloadStatus``, aria2's view, whose ``source`` says where it came
from: ``live`` (aria2 answered this request), ``recorded`` (the database's record, which the
worker keeps in step with aria2 every second; finished downloads are not asked about, their
record is the truth), or ``last_known`` (aria2 was asked and did not answer). aria2's
``complete`` is shown as ``verifying`` until the worker has checked the file (then
``complete``, or ``error`` with the reason), and a passed file's ``probe`` says what is inside
it.

What a person sees is their own request: a row they paused reads ``paused`` at once even while
others keep the shared transfer running, and a canceled row reads ``removed``; ``state`` is
the Downloads page tab it belongs to (``filters.state_of``). A failure comes as a sentence
(``failure.reason``, from aria2's code: ``integrations.aria2.codes``), and only admins get
aria2's raw message. Members see paths relative to DOWNLOAD_ROOT; admins see where the files
really are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vodarr.downloads.actions import allowed_actions
from vodarr.downloads.filters import state_of
from vodarr.downloads.models import UNFINISHED_STATUSES, MediaDownloadRef, Status, Transfer
from vodarr.downloads.paths import download_root
from vodarr.integrations.aria2.codes import describe_error
from vodarr.integrations.aria2.types import DownloadStatus

REMOVED_OUTSIDE = "aria2 dropped this download: it was removed outside Vodarr. Retrying may help."
UNKNOWN_FAILURE = "The download failed, and aria2 did not say why. Retrying may help."


def serialize_download(
    ref: MediaDownloadRef,
    live: DownloadStatus | None = None,
    *,
    for_admin: bool,
    asked: bool = False,
) -> dict[str, Any]:
    """``ref`` as a DownloadItem.

    ``live`` is aria2's answer for its transfer; ``asked`` says aria2 was asked about it (so
    no answer means aria2 did not answer, and the recorded state is the last known one).
    """
    transfer = ref.transfer
    # aria2's word stands unless it is "complete": the row then says whether the file was
    # checked (verifying, complete, or refused), which aria2 cannot know.
    if live is not None and live.status is not None and live.status != Status.COMPLETE:
        status = live.to_dict()
        status["source"] = "live"
    else:
        status = recorded_status(transfer)
        status["source"] = "last_known" if asked else "recorded"
        if live is not None and live.status == Status.COMPLETE:
            status.update(
                status=transfer.status_for(Status.COMPLETE),
                totalLength=live.total_length,
                completedLength=live.completed_length,
                source="live",  # aria2 did answer: this is not a stale state
            )
    status = _as_seen_by_requester(ref, status)
    _relative_paths(status, for_admin=for_admin)
    state = state_of(ref, status["status"])
    if not for_admin:
        status["errorMessage"] = None  # aria2's raw words: the sentence below is for people
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
        "last_error_message": (transfer.last_error_message or None) if for_admin else None,
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
        "state": state,
        "batch": ref.batch,
        "failure": describe_failure(transfer, for_admin=for_admin) if state == "failed" else None,
    }
    if for_admin:
        item["owner"] = {"id": ref.user.pk, "name": ref.user.name, "email": ref.user.email}
    return item


def describe_failure(transfer: Transfer, *, for_admin: bool) -> dict[str, Any]:
    """Why the transfer failed, in a sentence; aria2's code and raw message for admins."""
    code, message = transfer.last_error_code, transfer.last_error_message or ""
    if transfer.status == Status.REMOVED:
        reason = REMOVED_OUTSIDE
    elif code is not None:
        reason = describe_error(code, message)
    else:
        # No aria2 code: the message is Vodarr's own sentence (a full disk, a refused re-add).
        reason = message or UNKNOWN_FAILURE
    detail = None
    if for_admin and (code is not None or message):
        detail = f"aria2 error {code}: {message}" if code is not None else message
    return {"reason": reason, "code": code, "detail": detail}


def recorded_status(transfer: Transfer) -> dict[str, Any]:
    """The transfer's recorded aria2 state, in the same shape as a live one (``source`` unset)."""
    return {
        "gid": transfer.gid,
        "status": transfer.status,
        "totalLength": transfer.total_length,
        "completedLength": transfer.completed_length,
        # The worker records the speed every tick while it runs (0 otherwise).
        "downloadSpeed": transfer.download_speed if transfer.status == Status.ACTIVE else 0,
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
