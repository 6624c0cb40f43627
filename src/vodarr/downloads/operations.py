"""Carrying out an allowed action on any number of requests: ONE aria2 request for all of them.

``actions`` decides what is allowed and answers people; these functions do it — for one
request (a click) or many (a bulk action, a group row) alike, so the two never drift apart.
Each returns ``{request id: why it failed}`` for the requests it could not do (an empty dict:
all done). The database changes for all the requests are made together, each change with its
live-channel bump in the same transaction.

A pause or resume records the people's wish before aria2 hears of it (committed first: the
worker, seeing the two differ for a moment, only ever repeats what was asked) and puts it
back for the requests aria2 refused. The shared transfer follows what all of its live
requests want: it pauses once every one is paused, stops when none is left.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils import timezone

from vodarr.downloads.changes import requests_removed, transfers_changed
from vodarr.downloads.gateway import gateway
from vodarr.downloads.models import (
    UNFINISHED_STATUSES,
    MediaDownloadRef,
    Status,
    Transfer,
    live_request,
    stopped_fields,
)
from vodarr.downloads.paths import UnsafePath, delete_partial_files, delete_rejected_copy
from vodarr.downloads.readd import Readd
from vodarr.downloads.starting import ALREADY_IN_PROGRESS
from vodarr.integrations.aria2.errors import Aria2Error, Aria2GidNotFound
from vodarr.integrations.aria2.types import DownloadStatus

logger = logging.getLogger("vodarr.downloads")

Failures = dict[int, str]


def pause(refs: list[MediaDownloadRef]) -> Failures:
    _set_paused(refs, True)
    transfers = _transfers(refs)
    running = set(
        MediaDownloadRef.objects.live()
        .filter(transfer_id__in=transfers, desired_paused=False)
        .values_list("transfer_id", flat=True)
    )
    targets = [t for t in transfers.values() if t.pk not in running]
    failed = _tell(targets, "aria2.pause")
    _set_paused([r for r in refs if r.transfer_id in failed], False)
    _note_status([t for t in targets if t.pk not in failed], Status.PAUSED)
    return _by_request(refs, failed)


def resume(refs: list[MediaDownloadRef]) -> Failures:
    _set_paused(refs, False)
    targets = [t for t in _transfers(refs).values() if t.status == Status.PAUSED]
    failed = _tell(targets, "aria2.unpause")
    _set_paused([r for r in refs if r.transfer_id in failed], True)
    _note_status([t for t in targets if t.pk not in failed], Status.WAITING)
    return _by_request(refs, failed)


def cancel(refs: list[MediaDownloadRef], *, delete_partial: bool) -> Failures:
    """Detach the requests; a transfer nobody else wants stops (its partial file deleted if asked).

    Stopped in aria2 first when these are its last requests: aria2 being down refuses the
    cancel with its message and changes nothing. Waiting for aria2 to close the files (one
    more request per poll) happens only when they are about to be deleted.
    """
    transfers = _transfers(refs)
    others = _with_other_requests(transfers, refs, live_only=True)
    alone = {pk: t for pk, t in transfers.items() if pk not in others}
    failed: dict[int, str] = {}
    finals: dict[str, DownloadStatus | Aria2Error | None] = {}
    try:
        finals = gateway().stop_many([t.gid for t in alone.values()], wait=delete_partial)
    except Aria2Error as error:
        failed = dict.fromkeys(alone, error.message)
    for pk, t in alone.items():
        if isinstance(finals.get(t.gid), Aria2Error):
            failed[pk] = finals[t.gid].message  # type: ignore[union-attr]
    going = [r for r in refs if r.transfer_id not in failed]
    now = timezone.now()
    with transaction.atomic():
        locked = Transfer.objects.select_for_update().in_bulk({r.transfer_id for r in going})
        MediaDownloadRef.objects.filter(pk__in=[r.pk for r in going]).update(
            canceled_at=now, dedupe_key=None, updated_at=now
        )
        for ref in going:
            ref.canceled_at, ref.dedupe_key = now, None
        wanted = _live_transfer_ids(locked)
        last = [t for t in locked.values() if t.pk not in wanted]
        for t in last:
            final = finals.get(t.gid)
            if isinstance(final, DownloadStatus):
                t.record_state(final, now=now)
            for name, value in stopped_fields(now).items():
                setattr(t, name, value)
            t.save()
        transfers_changed(locked)
    stopped = {pk for pk in alone if pk not in failed}
    # Someone joined while it stopped: it goes on for them.
    _rejoin([t for pk, t in locked.items() if pk in stopped and pk in wanted])
    # The others canceled meanwhile: these were the last after all.
    _stop_quietly([t for t in last if t.pk not in stopped])
    if delete_partial:
        for t in last:
            try:
                delete_partial_files(t.output_path, t.file_paths())
            except (OSError, UnsafePath) as error:
                logger.warning("Could not delete the partial file of transfer %s: %s", t.pk, error)
    return _by_request(refs, failed)


def retry(refs: list[MediaDownloadRef], *, restart_from_zero: bool) -> Failures:
    """Re-add each transfer once, for everyone on it; a retry is a wish to have it running."""
    transfers = _transfers(refs)
    was_paused = [r for r in refs if r.desired_paused]
    _set_paused(was_paused, False)
    # A finished file is whole: retrying it means fetching it again from the first byte.
    items = [
        Readd(t, restart_from_zero=restart_from_zero or t.status == Status.COMPLETE)
        for t in transfers.values()
    ]
    failed: dict[int, str] = {}
    for item, result in zip(items, gateway().readd_many(items, fresh_start=True), strict=True):
        if isinstance(result, Exception):
            failed[item.transfer.pk] = getattr(result, "message", str(result))
        elif result is None:
            failed[item.transfer.pk] = ALREADY_IN_PROGRESS
    # Nothing was retried for these: the wish stays as it was.
    _set_paused([r for r in was_paused if r.transfer_id in failed], True)
    return _by_request(refs, failed)


def remove(refs: list[MediaDownloadRef]) -> Failures:
    """Delete the rows; a transfer goes with its last request (a complete one stays)."""
    transfers = _transfers(refs)
    others = _with_other_requests(transfers, refs, live_only=False)
    last = [t for pk, t in transfers.items() if pk not in others]
    refused: dict[int, str] = {}
    try:
        answers = gateway().client.multicall(
            [("aria2.removeDownloadResult", [t.gid]) for t in last]
        )
    except Aria2Error as error:
        answers = [error] * len(last)
    for t, answer in zip(last, answers, strict=True):
        if isinstance(answer, Aria2Error) and not isinstance(answer, Aria2GidNotFound):
            refused[t.pk] = answer.message
    # A canceled row is only a line in the list: it goes whatever aria2 says.
    going = [r for r in refs if r.transfer_id not in refused or r.is_canceled]
    with transaction.atomic():
        MediaDownloadRef.objects.filter(pk__in=[r.pk for r in going]).delete()
        for t in {r.transfer_id: r.transfer for r in going}.values():
            forget_transfer_if_unused(t)
        requests_removed((r.user_id for r in going), (r.pk for r in going))
    return {r.pk: refused[r.transfer_id] for r in refs if r not in going}


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
    unwanted = [t for t in transfers if not t.wanted]
    running = [t for t in unwanted if t.status in UNFINISHED_STATUSES and not t.is_stopped]
    if running:
        fields = stopped_fields(timezone.now())
        with transaction.atomic():
            Transfer.objects.filter(pk__in=[t.pk for t in running]).update(**fields)
            transfers_changed(t.pk for t in running)
        for t in running:
            for name, value in fields.items():
                setattr(t, name, value)
        _stop_quietly(running)
    for t in unwanted:
        forget_transfer_if_unused(t)


# -- helpers ------------------------------------------------------------------------------------


def _transfers(refs: list[MediaDownloadRef]) -> dict[int, Transfer]:
    """Each request's transfer, once (two people's requests may share one)."""
    transfers: dict[int, Transfer] = {}
    for ref in refs:
        transfers.setdefault(ref.transfer_id, ref.transfer)
    return transfers


def _by_request(refs: list[MediaDownloadRef], failed: dict[int, str]) -> Failures:
    return {r.pk: failed[r.transfer_id] for r in refs if r.transfer_id in failed}


def _with_other_requests(
    transfers: dict[int, Transfer], refs: list[MediaDownloadRef], *, live_only: bool
) -> set[int]:
    """The transfers that have requests besides ``refs`` (live ones only, if asked)."""
    others = MediaDownloadRef.objects.live() if live_only else MediaDownloadRef.objects.all()
    return set(
        others.filter(transfer_id__in=transfers)
        .exclude(pk__in=[r.pk for r in refs])
        .values_list("transfer_id", flat=True)
    )


def _live_transfer_ids(transfers: Iterable[int]) -> set[int]:
    return set(
        MediaDownloadRef.objects.live()
        .filter(transfer_id__in=list(transfers))
        .values_list("transfer_id", flat=True)
    )


def _set_paused(refs: list[MediaDownloadRef], paused: bool) -> None:
    if not refs:
        return
    now = timezone.now()
    with transaction.atomic():
        MediaDownloadRef.objects.filter(pk__in=[r.pk for r in refs]).update(
            desired_paused=paused, updated_at=now
        )
        for ref in refs:
            ref.desired_paused = paused
        transfers_changed(r.transfer_id for r in refs)


def _tell(transfers: list[Transfer], method: str) -> dict[int, str]:
    """Call ``method`` for each transfer in ONE aria2 request; {transfer id: why it failed}."""
    if not transfers:
        return {}
    try:
        answers = gateway().client.multicall([(method, [t.gid]) for t in transfers])
    except Aria2Error as error:
        return {t.pk: error.message for t in transfers}
    return {
        t.pk: answer.message
        for t, answer in zip(transfers, answers, strict=True)
        if isinstance(answer, Aria2Error)
    }


def _note_status(transfers: list[Transfer], status: str) -> None:
    """Record what aria2 was just told, so the list reads right before the next tick."""
    if not transfers:
        return
    now = timezone.now()
    with transaction.atomic():
        for t in transfers:
            t.status, t.download_speed = status, 0
            Transfer.objects.filter(pk=t.pk, gid=t.gid).update(
                status=status, download_speed=0, updated_at=now
            )
        transfers_changed(t.pk for t in transfers)


def _rejoin(transfers: list[Transfer]) -> None:
    if not transfers:
        return
    results = gateway().readd_many([Readd(t) for t in transfers])
    for t, result in zip(transfers, results, strict=True):
        if isinstance(result, Exception):
            logger.warning("Could not resume download %s someone joined: %s", t.pk, result)


def _stop_quietly(transfers: Sequence[Transfer]) -> None:
    if not transfers:
        return
    try:
        gateway().stop_many([t.gid for t in transfers], wait=False)
    except Aria2Error as error:
        # The worker stops transfers nobody wants on its next tick.
        logger.info("Could not stop downloads nobody wants now: %s", error.message)
