"""Telling people's live channels that downloads changed, in the same transaction as the change.

Who sees a download: the person who asked for it, and every admin (their Downloads page
lists everyone's). Every write to requests or transfers — starts, actions, bulk actions, the
worker's reconcile writes, re-adds, deletions — ends its transaction with one of these calls
(last, see ``live.publish``), and sets ``updated_at`` on what it wrote: the channel sends
what changed since a moment, and the rows that went away by id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from vodarr.accounts.models import Role, User
from vodarr.downloads.models import MediaDownloadRef, Transfer
from vodarr.live.publish import bump

TOPIC = "downloads"


def audience(owners: Any) -> QuerySet[User, Any]:
    """The people who see the downloads of ``owners`` (ids, or a queryset of ids)."""
    return User.objects.filter(Q(pk__in=owners) | Q(role=Role.ADMIN)).values("pk")


def transfers_changed(transfer_ids: Iterable[int]) -> None:
    """Transfers were written: everyone with a request on them (and the admins) hears of it."""
    ids = sorted(set(transfer_ids))
    if ids:
        owners = MediaDownloadRef.objects.filter(transfer_id__in=ids).values("user_id")
        bump(TOPIC, audience(owners))


def requests_changed(owner_ids: Iterable[int]) -> None:
    """Requests of these people were created or changed."""
    owners = sorted(set(owner_ids))
    if owners:
        bump(TOPIC, audience(owners))


def requests_removed(owner_ids: Iterable[int], request_ids: Iterable[int]) -> None:
    """Requests were deleted: their pages drop the rows with these ids."""
    owners, gone = sorted(set(owner_ids)), sorted(set(request_ids))
    if owners and gone:
        bump(TOPIC, audience(owners), removed=gone)


def remember_status_changes(transfers: list[Transfer], live: dict[str, Any]) -> None:
    """Record status changes aria2 just reported (``live``: GID → DownloadStatus).

    Only status changes are written (progress is the worker's job, every tick), so reading
    usually writes nothing. Each write is conditional on the transfer still holding the GID
    and status read here: the worker or a person may have re-added it in the meantime.
    """
    done: set[int] = set()
    writes: list[tuple[Transfer, str, list[str]]] = []
    for t in transfers:
        state = live.get(t.gid)
        if t.pk in done or state is None or state.status is None:
            continue
        done.add(t.pk)
        if t.status_for(str(state.status)) != t.status:
            seen_status = t.status
            writes.append((t, seen_status, t.record_state(state)))
    if not writes:
        return  # no transaction: on SQLite even an empty one takes the write lock
    with transaction.atomic():
        written = [
            t.pk
            for t, seen_status, fields in writes
            if Transfer.objects.filter(pk=t.pk, gid=t.gid, status=seen_status).update(
                **{name: getattr(t, name) for name in fields}
            )
        ]
        transfers_changed(written)
