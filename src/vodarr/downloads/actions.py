"""Acting on a download: pause, resume, retry, cancel, remove — the spec's rules and messages.

Each action is one person's, on their own request; the shared transfer follows what all of
its live requests want:

- pause: the person's row reads paused at once; the transfer pauses when every live request
  on it is paused. Resume resumes the transfer.
- cancel: detaches the person's request; the transfer stops (deleting its partial file when
  asked) only when no other live request remains.
- retry: re-adds a failed transfer once, for everyone on it (``gateway.readd``, which checks
  everything before it touches a file or a row).
- remove: deletes the person's row; the transfer goes with its last request (a complete one
  stays, as the record of the file on disk).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from enum import StrEnum

from django.db import transaction
from django.utils import timezone

from vodarr.downloads.errors import ActionError, StartError
from vodarr.downloads.gateway import gateway, live_request
from vodarr.downloads.models import (
    UNFINISHED_STATUSES,
    MediaDownloadRef,
    Status,
    Transfer,
    remember_status_changes,
    stopped_fields,
)
from vodarr.downloads.paths import UnsafePath, delete_partial_files, delete_rejected_copy
from vodarr.downloads.starting import ALREADY_IN_PROGRESS
from vodarr.integrations.aria2.errors import Aria2Error, Aria2GidNotFound
from vodarr.integrations.xtream.errors import XtreamError

logger = logging.getLogger("vodarr.downloads")

CANCELED = "Download canceled successfully."
RETRIED = "Download retried successfully."
UPDATED = "Download status updated successfully."
ALREADY_CANCELED = "This download is already canceled and cannot be modified."
COOLING_DOWN = "Retry is temporarily unavailable while this download is cooling down."
UNSUPPORTED = "Unsupported download action."

__all__ = ["ALLOWED", "Action", "ActionError", "allowed_actions", "cancel", "perform"]


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
    # Removed behind Vodarr's back (another aria2 client): it can be tried again or cleared.
    Status.REMOVED: frozenset({Action.RETRY, Action.REMOVE}),
    # The file is being checked (seconds): nothing to do until it is complete or refused.
    Status.VERIFYING: frozenset(),
}


def parse_action(value: object) -> Action:
    if not isinstance(value, str) or value not in Action.__members__.values():
        raise ActionError(UNSUPPORTED)
    return Action(value)


def allowed_actions(ref: MediaDownloadRef, status: str | None = None) -> list[str]:
    """What the UI may offer for ``ref`` (canceled requests may still be removed)."""
    if ref.is_canceled:
        return [Action.REMOVE.value]
    return sorted(ALLOWED.get(status or ref.seen_status(), frozenset()))


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
            return _pause(ref)
        if action is Action.RESUME:
            return _resume(ref)
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
    """The status this person sees, after recording aria2's live state of the transfer."""
    transfer = ref.transfer
    try:
        state = gateway().client.tell_status(transfer.gid)
    except Aria2GidNotFound:
        return ref.seen_status()  # aria2 forgot it: the last known state stands
    except Aria2Error as error:
        raise ActionError(error.message) from None
    remember_status_changes([transfer], {transfer.gid: state})
    return ref.seen_status()


def _others_running(ref: MediaDownloadRef) -> bool:
    live = MediaDownloadRef.objects.live().filter(transfer_id=ref.transfer_id).exclude(pk=ref.pk)
    return live.filter(desired_paused=False).exists()


def _pause(ref: MediaDownloadRef) -> str:
    # The wish first, then aria2: the worker, seeing the two differ for a moment, only ever
    # repeats what was asked (it pauses a transfer whose live requests are all paused).
    _set_paused(ref, True)
    transfer = ref.transfer
    if not _others_running(ref):
        try:
            gateway().client.pause(transfer.gid)
        except Aria2Error:
            _set_paused(ref, False)
            raise
        _note_status(transfer, Status.PAUSED)
    return UPDATED


def _resume(ref: MediaDownloadRef) -> str:
    _set_paused(ref, False)
    transfer = ref.transfer
    if transfer.status == Status.PAUSED:
        try:
            gateway().client.unpause(transfer.gid)
        except Aria2Error:
            _set_paused(ref, True)
            raise
        _note_status(transfer, Status.WAITING)
    return UPDATED


def _set_paused(ref: MediaDownloadRef, paused: bool) -> None:
    ref.desired_paused = paused
    ref.save(update_fields=["desired_paused", "updated_at"])


def _note_status(transfer: Transfer, status: str) -> None:
    """Record what aria2 was just told, so the list reads right before the next tick."""
    transfer.status, transfer.download_speed = status, 0
    Transfer.objects.filter(pk=transfer.pk, gid=transfer.gid).update(
        status=status, download_speed=0, updated_at=timezone.now()
    )


def _cancel(ref: MediaDownloadRef, *, delete_partial: bool) -> str:
    transfer = ref.transfer
    alone = (
        not MediaDownloadRef.objects.live().filter(transfer=transfer).exclude(pk=ref.pk).exists()
    )
    # Stopped in aria2 first when this is the last request: aria2 being down refuses the
    # cancel with its message and changes nothing.
    final = gateway().stop(transfer.gid) if alone else None
    now = timezone.now()
    with transaction.atomic():
        locked = Transfer.objects.select_for_update().get(pk=transfer.pk)
        MediaDownloadRef.objects.filter(pk=ref.pk).update(
            canceled_at=now, dedupe_key=None, updated_at=now
        )
        ref.canceled_at, ref.dedupe_key = now, None
        last = not MediaDownloadRef.objects.live().filter(transfer=locked).exists()
        if last:
            if final is not None:
                locked.record_state(final, now=now)
            for name, value in stopped_fields(now).items():
                setattr(locked, name, value)
            locked.save()
    if alone and not last:
        _rejoin(locked)  # someone joined while it stopped: it goes on for them
    elif last and not alone:
        _stop_quietly(locked)  # the others canceled meanwhile: this was the last one after all
    if last and delete_partial:
        try:
            delete_partial_files(locked.output_path, locked.file_paths())
        except (OSError, UnsafePath) as error:
            logger.warning("Could not delete the partial file of download %s: %s", ref.pk, error)
    return CANCELED


def _rejoin(transfer: Transfer) -> None:
    try:
        gateway().readd(transfer)
    except (Aria2Error, XtreamError, StartError) as error:
        logger.warning("Could not resume a download someone joined: %s", error)


def _stop_quietly(transfer: Transfer) -> None:
    try:
        gateway().stop(transfer.gid)
    except Aria2Error as error:
        # The worker stops transfers nobody wants on its next tick.
        logger.info("Could not stop download %s now: %s", transfer.pk, error.message)


def _retry(ref: MediaDownloadRef, *, restart_from_zero: bool) -> str:
    transfer = ref.transfer
    if transfer.retry_next_at and transfer.retry_next_at > timezone.now():
        raise ActionError(COOLING_DOWN)
    # A finished file is whole: retrying it means fetching it again from the first byte.
    from_zero = restart_from_zero or transfer.status == Status.COMPLETE
    was_paused = ref.desired_paused
    if was_paused:
        _set_paused(ref, False)  # a retry is a wish to have it running
    try:
        gid = gateway().readd(transfer, restart_from_zero=from_zero, fresh_start=True)
    except (XtreamError, StartError, Aria2Error) as problem:
        if was_paused:
            _set_paused(ref, True)  # nothing was retried: the wish stays as it was
        raise ActionError(getattr(problem, "message", str(problem))) from None
    if gid is None:
        raise ActionError(ALREADY_IN_PROGRESS)
    return RETRIED


def _remove(ref: MediaDownloadRef) -> str:
    transfer = ref.transfer
    last = not transfer.requests.exclude(pk=ref.pk).exists()
    if last:
        try:
            gateway().client.remove_download_result(transfer.gid)
        except Aria2GidNotFound:
            pass
        except Aria2Error as error:
            if not ref.is_canceled:
                raise ActionError(error.message) from None
    with transaction.atomic():
        ref.delete()
        forget_transfer_if_unused(transfer)
    return UPDATED


def forget_transfer_if_unused(transfer: Transfer) -> None:
    """Delete a transfer nobody asks for any more; a complete one stays as the file's record
    (and so does one being verified: it is about to be complete)."""
    if transfer.status in (Status.COMPLETE, Status.VERIFYING) and not transfer.is_stopped:
        return
    deleted, _ = (
        Transfer.objects.filter(pk=transfer.pk)
        .exclude(
            pk__in=MediaDownloadRef.objects.filter(transfer_id=transfer.pk).values("transfer_id")
        )
        .delete()
    )
    if deleted and not transfer.is_stopped:
        # A refused reply kept aside only while the download was listed: not a film to keep.
        try:
            delete_rejected_copy(transfer.output_path)
        except (OSError, UnsafePath) as error:
            logger.warning("Could not delete the refused copy of %s: %s", transfer, error)


def release_transfers(transfer_ids: Iterable[int]) -> None:
    """After requests went away wholesale (a deleted account): stop and drop what nobody wants.

    aria2 being down is not an error: the worker stops unwanted transfers on a later tick.
    """
    transfers = Transfer.objects.filter(pk__in=list(transfer_ids)).annotate(wanted=live_request())
    for transfer in transfers:
        if transfer.wanted:
            continue
        if transfer.status in UNFINISHED_STATUSES and not transfer.is_stopped:
            fields = stopped_fields(timezone.now())
            Transfer.objects.filter(pk=transfer.pk).update(**fields)
            for name, value in fields.items():
                setattr(transfer, name, value)
            _stop_quietly(transfer)
        forget_transfer_if_unused(transfer)
