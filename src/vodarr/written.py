"""Models from written SQL, as the ORM would make them.

For the few queries every request runs (``accounts.sessions``, ``accounts.backends``,
``downloads.reading``): Django built and compiled the same SQL for each of them on every
request, most of their cost (``benchmarks/README.md``). ``columns`` says what to select for
a model under an alias; ``models_of`` turns a row of such runs of columns into models: each
value through the converters Django itself applies for the database in use, then
``Model.from_db`` (so a model read here saves, refreshes and compares as any other).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model


class Columns(NamedTuple):
    """One model's columns in a query: what to select and how to read it back."""

    model: type[Model]
    selected: str  # alias."column", … for the SELECT
    names: list[str]  # attribute names, in that order
    readers: list[tuple[Any, list[Callable[[Any, Any, Any], Any]]]]  # (column, converters)


# Per connection (one per thread), gone with it.
_KNOWN: WeakKeyDictionary[BaseDatabaseWrapper, dict[tuple[type[Model], str], Columns]] = (
    WeakKeyDictionary()
)


def columns(model: type[Model], alias: str, connection: BaseDatabaseWrapper) -> Columns:
    """Every concrete column of ``model``, selected from the table as ``alias``.

    Worked out once per connection (its converters are bound to it): for the three models
    of the page's rows it took ~0.25 ms, a twelfth of the page, on every request."""
    known = _KNOWN.setdefault(connection, {})
    found = known.get((model, alias))
    if found is None:
        found = known[model, alias] = _columns(model, alias, connection)
    return found


def _columns(model: type[Model], alias: str, connection: BaseDatabaseWrapper) -> Columns:
    fields = model._meta.concrete_fields
    readers = []
    for field in fields:
        column = field.get_col(alias)
        readers.append(
            (column, connection.ops.get_db_converters(column) + field.get_db_converters(connection))
        )
    return Columns(
        model,
        ", ".join(f'{alias}."{field.column}"' for field in fields),
        [field.attname for field in fields],
        readers,
    )


def models_of(
    parts: Sequence[Columns], row: Sequence[Any], connection: BaseDatabaseWrapper
) -> list[Any]:
    """The models of one row that selected ``parts`` in that order."""
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
        made.append(part.model.from_db(connection.alias, part.names, values))
        at += len(part.names)
    return made
