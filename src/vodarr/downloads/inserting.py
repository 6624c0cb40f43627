"""New transfers and their requests into the database: a whole batch at once when it can be.

"Download all" on a show with 40 seasons is ~1,000 new episodes. Placed one at a time, each
cost five queries — a check that no other title writes to its file name, a savepoint, two
inserts, the savepoint's release — and 1,000 took 2 to 3 s (bench_queue). ``insert_all`` checks
the names in one query and inserts the rows in two statements inside one savepoint. When
that savepoint fails (someone started one of these episodes a moment ago), nothing of it
stays and the caller places the items one by one, so a lost race still costs one item only.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from vodarr.downloads.factories import Planned
from vodarr.downloads.models import MediaDownloadRef, Transfer, media_identity, path_key


def unique_output_path(transfer: Transfer, clashes: bool) -> str:
    """Its own file name, or one made unique by the media ids when another title has it."""
    if not clashes:
        return transfer.output_path
    stem, dot, ext = transfer.output_path.rpartition(".")
    suffix = f"{transfer.downloadable_id}{'-' + transfer.episode_id if transfer.episode_id else ''}"
    return f"{stem} [{suffix}]{dot}{ext}"


def identity_of(transfer: Transfer) -> str:
    return media_identity(transfer.downloadable_type, transfer.downloadable_id, transfer.episode_id)


def clashes(transfer: Transfer) -> bool:
    """Whether another title's transfer holds this transfer's file name."""
    return (
        Transfer.objects.filter(path_key=path_key(transfer.output_path))
        .exclude(media_key=identity_of(transfer))
        .exists()
    )


def insert_all(items: list[Planned]) -> bool:
    """Insert every item's transfer and request; False, with nothing inserted, on a conflict."""
    keys = [path_key(item.transfer.output_path) for item in items]
    holders: dict[str, set[str]] = {}
    for key, media in Transfer.objects.filter(path_key__in=keys).values_list(
        "path_key", "media_key"
    ):
        holders.setdefault(key or "", set()).add(media or "")
    for item, key in zip(items, keys, strict=True):
        transfer = item.transfer
        taken_by_others = holders.get(key, set()) - {identity_of(transfer)}
        transfer.output_path = unique_output_path(transfer, bool(taken_by_others))
        transfer.hold()
    try:
        with transaction.atomic():  # a savepoint inside the start's transaction
            Transfer.objects.bulk_create([item.transfer for item in items])
            for item in items:
                item.request.transfer = item.transfer
            MediaDownloadRef.objects.bulk_create([item.request for item in items])
    except IntegrityError:
        for item in items:  # unsaved again, for the one-by-one path
            for row in (item.transfer, item.request):
                row.pk = None
                row._state.adding = True
        return False
    return True
