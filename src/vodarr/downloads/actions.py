"""Acting on a download: pause, resume, retry, cancel, remove — the spec's rules and messages."""

from __future__ import annotations

import contextlib
import logging
import time
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.utils import timezone

from vodarr.catalog.provider import provider_client
from vodarr.downloads.aria2 import aria2, download_options
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.downloads.paths import UnsafePath, delete_partial_files
from vodarr.downloads.starting import ALREADY_IN_PROGRESS, new_gid
from vodarr.integrations.aria2.errors import Aria2Error, Aria2GidNotFound
from vodarr.integrations.aria2.types import Aria2Status, DownloadStatus
from vodarr.integrations.xtream.errors import XtreamError

logger = logging.getLogger("vodarr.downloads")

CANCELED = "Download canceled successfully."
RETRIED = "Download retried successfully."
UPDATED = "Download status updated successfully."
ALREADY_CANCELED = "This download is already canceled and cannot be modified."
COOLING_DOWN = "Retry is temporarily unavailable while this download is cooling down."
UNSUPPORTED = "Unsupported download action."


class Action(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    RETRY = "retry"
    CANCEL = "cancel"
    REMOVE = "remove"


ALLOWED: dict[str, frozenset[Action]] = {
    Status.ACTIVE: frozenset({Action.PAUSE, Action.CANCEL}),
    Status.PAUSED: frozenset({Action.RESUME, Action.CANCEL}),
    Status.WAITING: frozenset({Action.CANCEL}),
    Status.ERROR: frozenset({Action.RETRY, Action.REMOVE}),
    Status.COMPLETE: frozenset({Action.RETRY, Action.REMOVE}),
}


class ActionError(Exception):
    """The action was refused or failed; ``message`` is shown to the user as `errors.action`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_action(value: object) -> Action:
    if not isinstance(value, str) or value not in Action.__members__.values():
        raise ActionError(UNSUPPORTED)
    return Action(value)


def allowed_actions(ref: MediaDownloadRef, status: str | None = None) -> list[str]:
    """What the UI may offer for ``ref`` (canceled refs may still be removed from the list)."""
    if ref.is_canceled:
        return [Action.REMOVE.value]
    return sorted(ALLOWED.get(status or ref.status, frozenset()))


def perform(
    ref: MediaDownloadRef,
    action: Action,
    *,
    delete_partial: bool = False,
    restart_from_zero: bool = False,
) -> str:
    """Run ``action`` on ``ref`` and return the success message; raises ActionError."""
    if ref.is_canceled:
        # Clearing a canceled row from the list is the one thing left to do with it.
        if action is Action.REMOVE:
            return _remove(ref)
        raise ActionError(ALREADY_CANCELED)
    status = _current_status(ref)
    if action not in ALLOWED.get(status, frozenset()):
        raise ActionError(f"You cannot {action.value} a download in {status} status.")
    try:
        if action is Action.PAUSE:
            aria2().pause(ref.gid)
            return _set_paused(ref, True, Status.PAUSED)
        if action is Action.RESUME:
            aria2().unpause(ref.gid)
            return _set_paused(ref, False, Status.WAITING)
        if action is Action.CANCEL:
            return _cancel(ref, delete_partial=delete_partial)
        if action is Action.RETRY:
            return _retry(ref, restart_from_zero=restart_from_zero)
        return _remove(ref)
    except Aria2Error as error:
        raise ActionError(error.message) from None


def cancel(ref: MediaDownloadRef, *, delete_partial: bool = False) -> str:
    """DELETE /downloads/{id}: the same rules as the cancel action."""
    return perform(ref, Action.CANCEL, delete_partial=delete_partial)


def _current_status(ref: MediaDownloadRef) -> str:
    """aria2's live status (recorded on the row); the last known one if aria2 forgot the GID."""
    try:
        state = aria2().tell_status(ref.gid)
    except Aria2GidNotFound:
        return ref.status
    except Aria2Error as error:
        raise ActionError(error.message) from None
    if state.status is not None:
        ref.save(update_fields=ref.record_state(state))
    return ref.status


def _set_paused(ref: MediaDownloadRef, paused: bool, status: str) -> str:
    ref.desired_paused = paused
    ref.status = status
    ref.download_speed = 0
    ref.save(update_fields=["desired_paused", "status", "download_speed", "updated_at"])
    return UPDATED


def _cancel(ref: MediaDownloadRef, *, delete_partial: bool) -> str:
    client = aria2()
    # aria2 may already have forgotten it (e.g. restarted): cancelling the row is what is left.
    with contextlib.suppress(Aria2GidNotFound):
        client.force_remove(ref.gid)
    final = _wait_until_stopped(ref.gid)
    if final is not None:
        ref.record_state(final)
    if delete_partial:
        try:
            delete_partial_files(ref.output_path, [f["path"] for f in ref.files if f.get("path")])
        except (OSError, UnsafePath) as error:
            logger.warning("Could not delete the partial file of download %s: %s", ref.pk, error)
    ref.canceled_at = timezone.now()
    ref.status = Status.REMOVED
    ref.download_speed = 0
    ref.dedupe_key = None
    ref.retry_next_at = None
    ref.save()
    return CANCELED


def _wait_until_stopped(gid: str) -> DownloadStatus | None:
    """forceRemove returns before aria2 has closed the file; wait (bounded) until it has."""
    deadline = time.monotonic() + 5
    while True:
        try:
            state = aria2().tell_status(gid)
        except Aria2Error:
            return None
        if state.status in (Aria2Status.REMOVED, Aria2Status.COMPLETE, Aria2Status.ERROR):
            return state
        if time.monotonic() > deadline:
            return state
        time.sleep(0.05)


def _retry(ref: MediaDownloadRef, *, restart_from_zero: bool) -> str:
    if ref.retry_next_at and ref.retry_next_at > timezone.now():
        raise ActionError(COOLING_DOWN)
    url = _media_url(ref)
    client = aria2()
    with contextlib.suppress(Aria2GidNotFound):
        client.remove_download_result(ref.gid)
    if restart_from_zero or ref.status == Status.COMPLETE:
        # A finished file is whole: retrying it means fetching it again from the first byte.
        delete_partial_files(ref.output_path, [f["path"] for f in ref.files if f.get("path")])
    old_gid, ref.gid = ref.gid, new_gid()
    ref.dedupe_key = ref.media_key()
    ref.status = Status.WAITING
    ref.total_length = ref.total_length if not restart_from_zero else 0
    ref.completed_length = 0 if restart_from_zero else ref.completed_length
    ref.download_speed = 0
    ref.retry_attempt = 0
    ref.retry_next_at = None
    ref.last_error_code = None
    ref.last_error_message = ""
    ref.finished_at = None
    ref.desired_paused = False
    try:
        with transaction.atomic():
            ref.save()
    except IntegrityError:
        raise ActionError(ALREADY_IN_PROGRESS) from None
    try:
        client.add_uri([url], download_options(ref.gid, ref.output_path))
    except Aria2Error:
        MediaDownloadRef.objects.filter(pk=ref.pk).update(
            gid=old_gid, status=Status.ERROR, dedupe_key=None
        )
        raise
    return RETRIED


def _media_url(ref: MediaDownloadRef) -> str:
    try:
        xtream = provider_client()
    except XtreamError as error:
        raise ActionError(error.message) from None
    if ref.is_episode:
        return xtream.episode_url(ref.episode_id or "", ref.container_extension)
    return xtream.movie_url(ref.downloadable_id, ref.container_extension)


def _remove(ref: MediaDownloadRef) -> str:
    try:
        aria2().remove_download_result(ref.gid)
    except Aria2GidNotFound:
        pass
    except Aria2Error as error:
        if not ref.is_canceled:
            raise ActionError(error.message) from None
    ref.delete()
    return UPDATED
