"""Batched ``INSERT … ON CONFLICT DO UPDATE`` through ``executemany``, for the catalogue sync.

``bulk_create(update_conflicts=True)`` does the same thing, but it builds a model instance
and compiles every value through the ORM: measured at ~14 s for 50,000 titles on SQLite
(which also caps it at 999 parameters, ~60 rows, per statement). Plain tuples through one
prepared statement take a fraction of that. The syntax is the same on SQLite (3.24+) and
PostgreSQL, the two databases Vodarr supports. Identifiers come from model metadata, never
from input.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar

from django.db import connection, models

T = TypeVar("T")
BATCH_SIZE = 1000


def upsert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[Sequence[Any]],
    update_fields: Sequence[str],
) -> None:
    """Insert ``rows`` (values in ``fields`` order; the primary key among them) or update the
    ``update_fields`` of the rows whose primary key already exists. Fields not listed in
    ``update_fields`` keep their stored value on conflict."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = [_column(model, name) for name in fields]
    updates = [_column(model, name) for name in update_fields]
    pk_column = _column(model, meta.pk.name) if meta.pk else "id"
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(c) for c in columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({quote(pk_column)}) DO UPDATE SET "
        + ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in updates)
    )
    adapt = connection.ops.adapt_datetimefield_value
    datetime_positions = [
        i for i, name in enumerate(fields) if isinstance(meta.get_field(name), models.DateTimeField)
    ]
    with connection.cursor() as cursor:
        for batch in chunks(rows, BATCH_SIZE):
            prepared = []
            for row in batch:
                values = list(row)
                for i in datetime_positions:
                    value = values[i]
                    values[i] = adapt(value) if isinstance(value, datetime) else value
                prepared.append(values)
            cursor.executemany(sql, prepared)


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    column = getattr(field, "column", None)
    if not isinstance(column, str):
        raise ValueError(f"{model.__name__}.{name} is not a concrete column.")
    return column


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
