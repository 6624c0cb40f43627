"""Requests read by id with their transfers (and, for an admin's page, their owners), in
one written query.

Every Downloads page reads its rows by id — the page's heads, or a long batch's shown
episodes, chose them — and the ORM took ~1.05 ms of CPU to build, compile and turn that
join of ten rows into models; written out, ~0.5 ms (``benchmarks/profile_page``: the page
was ~4.1 ms in all). The models come out as the ORM's would: each column through the
converters Django itself applies for the database in use, then ``Model.from_db``. A test
holds every field of both readings to the same values (on SQLite and PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, Transfer


class _Part(NamedTuple):
    """One model's columns in the query: where they are selected from and how they are read."""

    model: type[Model]
    names: list[str]  # attribute names, in the order selected
    selected: list[str]  # alias."column"
    readers: list[tuple[Any, list[Callable[[Any, Any, Any], Any]]]]  # (column, converters)


def refs_by_id(
    ids: Sequence[int], *, with_owner: bool, using: str = "default"
) -> list[MediaDownloadRef]:
    """The requests of ``ids`` (unordered; ids that are gone are left out), each with its
    transfer, and with its owner if ``with_owner``."""
    if not ids:
        return []
    connection = connections[using]
    parts = [_part(MediaDownloadRef, "r", connection), _part(Transfer, "t", connection)]
    joins = 'JOIN "downloads_transfer" t ON t."id" = r."transfer_id"'
    if with_owner:
        parts.append(_part(User, "u", connection))
        joins += ' JOIN "accounts_user" u ON u."id" = r."user_id"'
    # Every name in it comes from the models' own metadata; the ids are parameters.
    sql = (
        f"SELECT {', '.join(column for part in parts for column in part.selected)} "  # noqa: S608
        f'FROM "downloads_mediadownloadref" r {joins} '
        f'WHERE r."id" IN ({", ".join(["%s"] * len(ids))})'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(ids))
        rows = cursor.fetchall()
    refs = []
    for row in rows:
        ref, transfer, *owner = _models(parts, row, connection, using)
        ref.transfer = transfer
        if owner:
            ref.user = owner[0]
        refs.append(ref)
    return refs


def _part(model: type[Model], alias: str, connection: BaseDatabaseWrapper) -> _Part:
    fields = model._meta.concrete_fields
    readers = []
    for field in fields:
        column = field.get_col(alias)
        readers.append(
            (column, connection.ops.get_db_converters(column) + field.get_db_converters(connection))
        )
    return _Part(
        model,
        [field.attname for field in fields],
        [f'{alias}."{field.column}"' for field in fields],
        readers,
    )


def _models(
    parts: list[_Part], row: tuple[Any, ...], connection: BaseDatabaseWrapper, using: str
) -> list[Any]:
    """The models of one row, each from its own run of columns."""
    made = []
    at = 0
    for part in parts:
        values = []
        for value, (column, converters) in zip(
            row[at : at + len(part.names)], part.readers, strict=True
        ):
            for convert in converters:
                value = convert(value, column, connection)
            values.append(value)
        made.append(part.model.from_db(using, part.names, values))
        at += len(part.names)
    return made
