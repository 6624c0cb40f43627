"""A page's rows when batches are on it: long batches capped, with a summary of the rest.

"Download all" on a long show starts a thousand episodes in one batch, and the Downloads
page shows a batch as one group row. Carrying every episode made page 1 cost what a
hundred pages do (serialising the rows and asking aria2 about each unfinished one), so a
group brings at most ``GROUP_SHOWN`` episodes — those that need the person or are moving
first (failed, downloading, paused, queued, then finished ones), each kind in season and
episode order — and a summary of the others (``rest``): how many, per state, their summed
progress and their seasons. "See all" opens the batch on a page of its own (``?batch=``).

The database does the per-episode work, so a page costs about the same whatever the
batches' length: one aggregate tells each batch's size, states, progress and seasons, grouped
by season and by what decides a state. From those groups Python knows how many episodes of
each season and state are shown, so one query reads the deciding fields of those seasons'
episodes only (a queue shows its first season's), for every capped batch at once; Python
picks the shown ones, and the page's rows are loaded by key. Measured at 1,000 episodes
(bench_queue): reading every episode's fields cost ~4 ms, a window function ranking them in
one query ~40, ordering by the state's CASE with a LIMIT per batch ~3 (2.4 of them the ORM
building that CASE); this ~0.9. Reading the shown seasons whole with the page's rows instead
(one query fewer, a few rows more) saved nothing measurable, and SQLite then walked all the
person's rows unless it had statistics. On the list nobody narrowed, those queries are
written SQL (``batches``); the ORM builds them for a narrowed one.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from functools import reduce
from typing import Any, NamedTuple

from django.db.models import Case, Count, FloatField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Cast

from vodarr.downloads import batches as batches_sql
from vodarr.downloads.batches import Whole
from vodarr.downloads.filters import state_from, state_of
from vodarr.downloads.models import MediaDownloadRef
from vodarr.downloads.reading import refs_by_id, refs_of_batches

GROUP_SHOWN = 12  # a season of most shows fits whole
SHOWN_FIRST = ("failed", "active", "paused", "queued", "completed", "canceled")
_DECIDING = ("pk", "batch", "season", "episode", "canceled", "desired_paused", "transfer__status")
_FRACTION = Case(
    When(
        transfer__total_length__gt=0,
        then=Cast("transfer__completed_length", FloatField())
        / Cast("transfer__total_length", FloatField()),
    ),
    default=Value(0.0),
    output_field=FloatField(),
)


def page_rows(
    selection: QuerySet[MediaDownloadRef],
    window: list[tuple[int, str | None]],
    *,
    cap: int | None = GROUP_SHOWN,
    with_owner: bool = True,
    whole: Whole | None = None,
) -> tuple[list[MediaDownloadRef], dict[str, dict[str, Any]]]:
    """The rows of a page's entries (``window``: each entry's head id and batch), unordered,
    and for every capped batch the summary of its episodes left out; ``with_owner``: each
    row's user read with it (an admin's page; a member's rows are all their own); ``whole``:
    ``selection`` is that list nobody narrowed, whose batches are read in written SQL."""
    read = _Reading(selection, with_owner, whole)
    singles = [pk for pk, batch in window if not batch]
    batches = [batch for _, batch in window if batch]
    if not batches or cap is None:
        wholes: dict[str, dict[str, Any]] = {}
        groups: dict[str, list[_Group]] = {}
    else:
        groups = _groups(read.counted(batches))
        wholes = {batch: _summary(found) for batch, found in groups.items()}
    capped = [batch for batch, whole in wholes.items() if cap is not None and whole["count"] > cap]
    if not capped or cap is None:
        # Unordered, so the database looks rows up by key; the caller puts them in order.
        return read.by_key(singles, batches), {}
    whole_batches = [batch for batch in batches if batch not in capped]
    rows = _with_capped(read, singles, whole_batches, {b: groups[b] for b in capped}, cap)
    rest = {batch: wholes[batch] for batch in capped}
    for ref in rows:
        if ref.batch in rest:
            _take_out(rest[ref.batch], ref)
    for summary in rest.values():
        summary["progress"] = round(max(summary["progress"], 0.0), 4)
    return rows, rest


def _with_capped(
    read: _Reading,
    singles: list[int],
    whole_batches: list[str],
    capped: dict[str, list[_Group]],
    cap: int,
) -> list[MediaDownloadRef]:
    """The rows of the singles, the whole batches and the capped batches' shown episodes."""
    wanted = _wanted(capped, cap)
    picked = _pick(
        (
            (pk, batch, season, episode, state_from(bool(canceled), bool(paused), status))
            for pk, batch, season, episode, canceled, paused, status in read.deciding(
                _seasons(wanted)
            )
        ),
        wanted,
    )
    return read.by_key([*singles, *picked], whole_batches)


class _Reading(NamedTuple):
    """How a page's batches are read: from ``selection`` through the ORM, or in written
    SQL when ``whole`` says nobody narrowed the list (``batches``)."""

    selection: QuerySet[MediaDownloadRef]
    with_owner: bool
    whole: Whole | None

    def counted(self, batches: list[str]) -> Iterable[tuple[Any, ...]]:
        """Per batch, its rows counted by season and what decides their state."""
        if self.whole is not None:
            return batches_sql.counted(self.whole, batches)
        return (
            self.selection.filter(batch__in=batches)
            .order_by()
            .annotate(canceled=Q(canceled_at__isnull=False))
            .values_list("batch", "season", "canceled", "desired_paused", "transfer__status")
            .annotate(n=Count("id"), done=Sum(_FRACTION))
        )

    def deciding(self, seasons: dict[str, set[int]]) -> Iterable[tuple[Any, ...]]:
        """What decides the state of each batch's episodes of those seasons."""
        if self.whole is not None:
            return batches_sql.deciding(self.whole, seasons)
        in_seasons = reduce(operator.or_, (_in(batch, found) for batch, found in seasons.items()))
        return (
            self.selection.filter(in_seasons)
            .order_by()
            .annotate(canceled=Q(canceled_at__isnull=False))
            .values_list(*_DECIDING)
        )

    def by_key(self, ids: list[int], batches: list[str]) -> list[MediaDownloadRef]:
        """The rows of those ids and those batches, unordered (the caller orders them).

        A query each, by its own index: ORed in one (or two ORed id lists), SQLite walked
        every row of the person's instead (no statistics: it takes the person's index for
        selective) — their whole history on every page with a batch on it. The ids were
        chosen from ``selection`` already, so they are read by key alone, in written SQL
        (``reading``).
        """
        rows = refs_by_id(ids, with_owner=self.with_owner, using=self.selection.db)
        if not batches:
            return rows
        if self.whole is not None:
            return rows + refs_of_batches(self.whole, batches, with_owner=self.with_owner)
        return rows + list(self.selection.filter(batch__in=batches).order_by())


class _Group(NamedTuple):
    """Episodes of one batch alike in season and state, as the aggregate counts them."""

    season: int
    state: str
    size: int  # how many (``count`` would hide the tuple's method)
    done: float  # their fractions done, summed (a finished one counts 1)


def _groups(rows: Iterable[tuple[Any, ...]]) -> dict[str, list[_Group]]:
    """Per batch, its episodes counted by season and state, from one query's ``rows``."""
    # Rows of one season differing in what decides the state may share a state (active and
    # verifying are both "active"): they are one group.
    found: dict[str, dict[tuple[int, str], _Group]] = {}
    for batch, season, canceled, paused, status, n, done in rows:
        state = state_from(bool(canceled), bool(paused), status)
        finished = n if state == "completed" else min(float(done or 0), n)
        key = (season or 0, state)
        before = found.setdefault(batch, {}).get(key, _Group(key[0], state, 0, 0.0))
        found[batch][key] = before._replace(size=before.size + n, done=before.done + finished)
    return {batch: list(groups.values()) for batch, groups in found.items()}


def _summary(groups: list[_Group]) -> dict[str, Any]:
    """A batch's ``count``, ``states`` (state -> how many), ``progress`` (the episodes'
    fractions done, summed) and ``seasons``."""
    states: dict[str, int] = {}
    for group in groups:
        states[group.state] = states.get(group.state, 0) + group.size
    return {
        "count": sum(group.size for group in groups),
        "states": states,
        "progress": sum(group.done for group in groups),
        "seasons": sorted({group.season for group in groups}),
    }


def _wanted(capped: dict[str, list[_Group]], cap: int) -> dict[tuple[str, int, str], int]:
    """How many episodes each capped batch shows of each season and state, ``cap`` in all:
    states in ``SHOWN_FIRST`` order, each state's in season order."""
    wanted: dict[tuple[str, int, str], int] = {}  # (batch, season, state) -> how many
    for batch, groups in capped.items():
        left = cap
        for group in sorted(groups, key=lambda g: (SHOWN_FIRST.index(g.state), g.season)):
            if left <= 0:
                break
            wanted[batch, group.season, group.state] = min(group.size, left)
            left -= group.size
    return wanted


def _seasons(wanted: dict[tuple[str, int, str], int]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for batch, season, _ in wanted:
        found.setdefault(batch, set()).add(season)
    return found


def _in(batch: str, seasons: set[int]) -> Q:
    """A batch's episodes of those seasons (0: an episode without one)."""
    where = Q(season__in=seasons)
    if 0 in seasons:
        where |= Q(season__isnull=True)
    return Q(batch=batch) & where


def episode_order(season: int | None, episode: int | None, pk: int) -> tuple[int, int, int]:
    """A batch's episodes in season and episode order (the page's, and which are shown)."""
    return (season or 0, episode or 0, pk)


def _pick(
    episodes: Iterable[tuple[int, str | None, int | None, int | None, str]],
    wanted: dict[tuple[str, int, str], int],
) -> set[int]:
    """The ids of the episodes shown (``episodes``: id, batch, season, episode, state), each
    season and state's first in episode order, as many as ``wanted`` says."""
    left = dict(wanted)
    picked: set[int] = set()
    for pk, batch, season, _, state in sorted(
        episodes, key=lambda row: episode_order(row[2], row[3], row[0])
    ):
        key = (batch or "", season or 0, state)
        if left.get(key, 0) > 0:
            left[key] -= 1
            picked.add(pk)
    return picked


def _take_out(summary: dict[str, Any], ref: MediaDownloadRef) -> None:
    """``ref`` is on the page: the summary of the others no longer counts it."""
    state = state_of(ref)
    transfer = ref.transfer
    summary["count"] -= 1
    left = summary["states"].get(state, 0) - 1
    if left > 0:
        summary["states"][state] = left
    else:
        summary["states"].pop(state, None)
    if state == "completed":
        summary["progress"] -= 1
    elif transfer.total_length > 0:
        summary["progress"] -= min(transfer.completed_length / transfer.total_length, 1.0)
