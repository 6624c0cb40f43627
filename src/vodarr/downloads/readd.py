"""Putting transfers into aria2 again: a retry, an automatic retry, re-adding what aria2 forgot.

Every second time a transfer goes into aria2 comes here (through ``Aria2Gateway.readd`` and
``readd_many``), so the media URL is built in one place, the disk is checked in one place,
and a re-add resets the same fields whoever asked for it.

A re-add does every check before it changes anything: a refused retry (provider unknown,
disk full, someone else re-added it first) has not touched a file or a row. Then it claims
the transfers with conditional UPDATEs on what it read (one transaction), so of several
workers and clicks exactly one re-adds each, and only then deletes a partial file when asked
to start from zero. All of a batch goes to aria2 in ONE request.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError
from django.db import transaction as db_transaction
from django.utils import timezone

from vodarr.downloads.changes import transfers_changed
from vodarr.downloads.disk import check_free_space
from vodarr.downloads.errors import StartError
from vodarr.downloads.events import emit
from vodarr.downloads.models import EventKind, Status, Transfer, everyone_paused, new_gid
from vodarr.downloads.paths import delete_partial_files
from vodarr.integrations.aria2.client import add_uri_call
from vodarr.integrations.aria2.errors import Aria2Error, Aria2Unreachable
from vodarr.integrations.xtream.errors import XtreamError

if TYPE_CHECKING:
    from vodarr.downloads.gateway import Aria2Gateway


@dataclass
class Readd:
    """One transfer to put into aria2 again (``readd_many``).

    ``expect``: the conditions the row must still meet to be claimed (default: the GID read).
    """

    transfer: Transfer
    restart_from_zero: bool = False
    expect: dict[str, Any] | None = None


ReaddResult = str | Exception | None


@dataclass(frozen=True)
class _ReadState:
    """What ``readd`` may change, as read: put back as it was when aria2 was unreachable."""

    gid: str
    status: str
    retry_next_at: datetime | None
    stopped_at: datetime | None
    media_key: str | None
    path_key: str | None
    last_error_code: int | None
    last_error_message: str
    verified_at: datetime | None
    probe: dict[str, Any]

    @classmethod
    def of(cls, transfer: Transfer) -> _ReadState:
        return cls(**{f.name: getattr(transfer, f.name) for f in fields(cls)})


@dataclass
class _Claim:
    """A transfer this re-add won, with what it was before."""

    index: int
    item: Readd
    url: str
    read: _ReadState
    gid: str
    paused: bool

    @property
    def transfer(self) -> Transfer:
        return self.item.transfer


def _put_back(transfer: Transfer, read: _ReadState) -> None:
    for name, value in asdict(read).items():
        setattr(transfer, name, value)


def readd_many(
    aria2: Aria2Gateway, items: list[Readd], *, fresh_start: bool = False
) -> list[ReaddResult]:
    """Put transfers into aria2 again under new GIDs: ONE transaction, ONE aria2 request.

    Per item, in order: the new GID; None when the transfer changed since it was read
    (another worker or person re-added it, ``expect`` no longer matches); or what refused
    it: ``XtreamError`` (no media URL) or ``NotEnoughDiskSpace`` (checked for the items
    together) before anything changed for it, ``Aria2Error`` when aria2 refused it (the
    row is left in error with aria2's message) or was unreachable (every row is put back
    as it was read).
    """
    results: list[ReaddResult] = [None] * len(items)
    planned: list[tuple[int, Readd, str]] = []
    needed = 0
    for index, item in enumerate(items):
        transfer = item.transfer
        left = 0 if item.restart_from_zero else transfer.total_length - transfer.completed_length
        try:
            url = aria2.media_url(transfer)
            check_free_space(needed + max(0, left))
        except (XtreamError, StartError) as problem:
            results[index] = problem
            continue
        needed += max(0, left)
        planned.append((index, item, url))
    claims = _claim(planned, results, fresh_start=fresh_start)
    if not claims:
        return results
    for claim in claims:
        if claim.item.restart_from_zero:
            delete_partial_files(claim.transfer.output_path, claim.transfer.file_paths())
    # The old results are ours to forget (left in aria2's session file they would restart),
    # then the new downloads: aria2 runs a multicall's calls in order.
    calls = [("aria2.removeDownloadResult", [claim.read.gid]) for claim in claims]
    calls += [
        add_uri_call([claim.url], aria2.options(claim.transfer, claim.gid, paused=claim.paused))
        for claim in claims
    ]
    try:
        answers = aria2.client.multicall(calls)
    except Aria2Unreachable as error:
        _put_all_back(claims)
        for claim in claims:
            results[claim.index] = error
        return results
    except Aria2Error as error:  # refused as a whole (a wrong secret)
        answers = [error] * len(calls)
    added = answers[len(claims) :]
    refused = [(c, a) for c, a in zip(claims, added, strict=True) if isinstance(a, Aria2Error)]
    for claim in claims:
        results[claim.index] = claim.gid
    if refused:
        _mark_refused(refused)
        for claim, refusal in refused:
            results[claim.index] = refusal
    return results


def _claim(
    planned: list[tuple[int, Readd, str]], results: list[ReaddResult], *, fresh_start: bool
) -> list[_Claim]:
    """Claim every planned transfer with a conditional UPDATE on what was read, at once."""
    if not planned:
        return []
    paused = everyone_paused([item.transfer.pk for _, item, _ in planned])
    now = timezone.now()
    claims: list[_Claim] = []
    with db_transaction.atomic():
        for index, item, url in planned:
            transfer = item.transfer
            read = _ReadState.of(transfer)
            gid = new_gid()
            changes: dict[str, Any] = {
                "gid": gid,
                "status": Status.PAUSED if transfer.pk in paused else Status.WAITING,
                "download_speed": 0,
                "retry_next_at": None,
                "finished_at": None,
                "stopped_at": None,
                # A new attempt is a new file: it is checked again once aria2 finishes it.
                "verified_at": None,
                "verify_claimed_at": None,
                "probe": {},
                "updated_at": now,
            }
            if item.restart_from_zero:
                changes.update(total_length=0, completed_length=0)
            if fresh_start:
                # A person's own retry or start: a new count and a clean slate. An automatic
                # retry keeps both, so the count stays bounded and the reason stays on record.
                changes.update(retry_attempt=0, last_error_code=None, last_error_message="")
            if transfer.is_stopped:  # running again: it holds its media and file again
                transfer.hold()
                changes.update(media_key=transfer.media_key, path_key=transfer.path_key)
            try:
                with db_transaction.atomic():  # a savepoint: one lost race costs one item
                    won = Transfer.objects.filter(
                        pk=transfer.pk, **(item.expect or {"gid": read.gid})
                    ).update(**changes)
            except IntegrityError:
                won = 0  # someone else holds this media now: theirs is the one that runs
            if won != 1:
                _put_back(transfer, read)
                results[index] = None
                continue
            for name, value in changes.items():
                setattr(transfer, name, value)
            claims.append(_Claim(index, item, url, read, gid, transfer.pk in paused))
        transfers_changed(claim.transfer.pk for claim in claims)
    return claims


def _put_all_back(claims: list[_Claim]) -> None:
    """aria2 was unreachable: every claimed row goes back to what was read."""
    now = timezone.now()
    with db_transaction.atomic():
        for claim in claims:
            Transfer.objects.filter(pk=claim.transfer.pk, gid=claim.gid).update(
                **asdict(claim.read), updated_at=now
            )
            _put_back(claim.transfer, claim.read)
        transfers_changed(claim.transfer.pk for claim in claims)


def _mark_refused(refused: list[tuple[_Claim, Aria2Error]]) -> None:
    now = timezone.now()
    with db_transaction.atomic():
        for claim, error in refused:
            transfer = claim.transfer
            Transfer.objects.filter(pk=transfer.pk, gid=claim.gid).update(
                status=Status.ERROR, last_error_message=error.message, updated_at=now
            )
            transfer.status, transfer.last_error_message = Status.ERROR, error.message
            emit(EventKind.FAILED, transfer)  # aria2 refused it: nothing will retry it
        transfers_changed(claim.transfer.pk for claim, _ in refused)
