"""Requests read by id, or by batch, with their transfers (and, for an admin's page, their
owners), in one written query.

Every Downloads page reads its rows by id — the page's heads, or a long batch's shown
episodes, chose them — and the ORM took ~1.05 ms of CPU to build, compile and turn that
join of ten rows into models; written out, ~0.5 ms (``benchmarks/profile_page``: the page
was ~4.1 ms in all). The models come out as the ORM's would (``vodarr.written``); a test
holds every field of both readings to the same values (on SQLite and PostgreSQL). The
batches on a page nobody narrowed are read whole the same way (``refs_of_batches``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connections

from vodarr.accounts.models import User
from vodarr.downloads.batches import Whole, marks
from vodarr.downloads.models import MediaDownloadRef, Transfer
from vodarr.written import columns, models_of


def refs_by_id(
    ids: Sequence[int], *, with_owner: bool, using: str = "default"
) -> list[MediaDownloadRef]:
    """The requests of ``ids`` (unordered; ids that are gone are left out), each with its
    transfer, and with its owner if ``with_owner``."""
    if not ids:
        return []
    return _refs(f'r."id" IN ({marks(ids)})', list(ids), with_owner, using)


def refs_of_batches(
    whole: Whole, batches: Sequence[str], *, with_owner: bool
) -> list[MediaDownloadRef]:
    """Every request of those batches in the list nobody narrowed (unordered), read the
    same way."""
    if not batches:
        return []
    where, params = whole.where(batches)
    return _refs(where, params, with_owner, whole.using)


def _refs(where: str, params: list[Any], with_owner: bool, using: str) -> list[MediaDownloadRef]:
    connection = connections[using]
    parts = [columns(MediaDownloadRef, "r", connection), columns(Transfer, "t", connection)]
    joins = 'JOIN "downloads_transfer" t ON t."id" = r."transfer_id"'
    if with_owner:
        parts.append(columns(User, "u", connection))
        joins += ' JOIN "accounts_user" u ON u."id" = r."user_id"'
    # Every name in it comes from the models' own metadata; the values are parameters.
    sql = (
        f"SELECT {', '.join(part.selected for part in parts)} "  # noqa: S608
        f'FROM "downloads_mediadownloadref" r {joins} WHERE {where}'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    refs = []
    for row in rows:
        ref, transfer, *owner = models_of(parts, row, connection)
        ref.transfer = transfer
        if owner:
            ref.user = owner[0]
        refs.append(ref)
    return refs
