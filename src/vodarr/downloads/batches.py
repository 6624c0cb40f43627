"""The batches on a page of the list nobody narrowed, read in written SQL.

A page with a batch on it asks two things of the batch's episodes (``groups``): how many of
each season and state there are, with their progress summed, and for a long batch the
deciding fields of the seasons it shows; and it reads the rows of the batches it shows
whole. For the list nobody narrowed (no search, state, owner or batch: nearly every visit)
those are the same SQL every time, and Django built and compiled them in more CPU than the
database took to run them: the aggregate ~1.1 ms for a batch of 10, whose rows the
database counted in 0.04 (in process, a page with a batch of 10: its rows 3.1 → 1.1 ms
written; ``benchmarks/bench_queue``). So they are written out here, with the list's one
rule (``Whole``: a member's own rows, an admin's everyone's); a narrowed list still builds
them from its filters. A test holds both readings of a page to the same rows and
summaries, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from django.db import connections

from vodarr.accounts.models import User


class Whole(NamedTuple):
    """The list nobody narrowed: ``owner``'s own rows, or everyone's (None: an admin's)."""

    owner: int | None
    using: str = "default"

    @classmethod
    def list_of(cls, user: User, using: str = "default") -> Whole:
        """``user``'s list nobody narrowed: an admin's is everyone's (``visible_downloads``)."""
        return cls(None if user.is_admin else user.pk, using)

    def where(self, batches: Sequence[str]) -> tuple[str, list[Any]]:
        """Those batches' rows of this list, as a WHERE clause and its parameters."""
        where = f'r."batch" IN ({marks(batches)})'
        if self.owner is None:
            return where, list(batches)
        return f'r."user_id" = %s AND {where}', [self.owner, *batches]

    def rows(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def marks(values: Sequence[Any]) -> str:
    """A parameter's place for each of ``values``, for an ``IN (…)``."""
    return ", ".join(["%s"] * len(values))


def counted(whole: Whole, batches: Sequence[str]) -> list[tuple[Any, ...]]:
    """As ``groups._groups`` asks the ORM: (batch, season, canceled, paused, transfer
    status, how many, their fractions done summed), per batch and those five fields."""
    where, params = whole.where(batches)
    # DOUBLE PRECISION: a float on PostgreSQL, and REAL affinity on SQLite.
    return whole.rows(
        f"""SELECT r."batch", r."season", r."canceled_at" IS NOT NULL, r."desired_paused",
            t."status", COUNT(r."id"), SUM(CASE WHEN t."total_length" > 0
                THEN CAST(t."completed_length" AS DOUBLE PRECISION)
                    / CAST(t."total_length" AS DOUBLE PRECISION)
                ELSE 0.0 END)
        FROM "downloads_mediadownloadref" r
        JOIN "downloads_transfer" t ON t."id" = r."transfer_id"
        WHERE {where}
        GROUP BY r."batch", r."season", r."canceled_at" IS NOT NULL, r."desired_paused",
            t."status"
        """,  # noqa: S608 (names are written here; the values are parameters)
        params,
    )


def deciding(whole: Whole, seasons: dict[str, set[int]]) -> list[tuple[Any, ...]]:
    """As ``groups._with_capped`` asks the ORM: (id, batch, season, episode, canceled,
    paused, transfer status) of each batch's episodes of those seasons (0: none)."""
    clauses, params = [], []
    for batch, found in seasons.items():
        where, more = whole.where([batch])
        numbered = sorted(found)  # 0 stands for no season too, as in ``groups._in``
        season = f'r."season" IN ({marks(numbered)})'
        if 0 in found:
            season = f'({season} OR r."season" IS NULL)'
        clauses.append(f"({where} AND {season})")
        params += [*more, *numbered]
    return whole.rows(
        f"""SELECT r."id", r."batch", r."season", r."episode", r."canceled_at" IS NOT NULL,
            r."desired_paused", t."status"
        FROM "downloads_mediadownloadref" r
        JOIN "downloads_transfer" t ON t."id" = r."transfer_id"
        WHERE {" OR ".join(clauses)}
        """,  # noqa: S608 (names are written here; the values are parameters)
        params,
    )
