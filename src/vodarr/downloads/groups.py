"""A page's rows when batches are on it: long batches capped, with a summary of the rest.

"Download all" on a long show starts a thousand episodes in one batch, and the Downloads
page shows a batch as one group row. Carrying every episode made page 1 cost what a
hundred pages do (serialising the rows and asking aria2 about each unfinished one), so a
group brings at most ``GROUP_SHOWN`` episodes — those that need the person or are moving
first (failed, downloading, paused, queued, then finished ones), each kind in season and
episode order — and a summary of the others (``rest``): how many, per state, their summed
progress and their seasons. "See all" opens the batch on a page of its own (``?batch=``).

The rows come from ONE query whatever the batches' length (a window function ranks each
batch's episodes); the summary of capped batches is one more, only when one is capped.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    FloatField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, RowNumber

from vodarr.downloads.filters import STATE, state_from
from vodarr.downloads.models import MediaDownloadRef

GROUP_SHOWN = 12  # a season of most shows fits whole
SHOWN_FIRST = ("failed", "active", "paused", "queued", "completed", "canceled")


def page_rows(
    selection: QuerySet[MediaDownloadRef],
    window: list[tuple[int, str | None]],
    *,
    cap: int | None = GROUP_SHOWN,
) -> tuple[list[MediaDownloadRef], dict[str, dict[str, Any]]]:
    """The rows of a page's entries (``window``: each entry's head id and batch), unordered,
    and for every capped batch the summary of its episodes left out."""
    batches = [batch for _, batch in window if batch]
    # The heads first, then their rows by key: as one query with the heads as two
    # subqueries, SQLite walked all of the person's rows for the OR (10,000 in history: 6.5
    # -> 2 ms). Unordered, so it looks rows up by id; the caller puts them in order.
    rows = selection.filter(Q(pk__in=[pk for pk, _ in window]) | Q(batch__in=batches)).order_by()
    if cap is None or not batches:
        return list(rows), {}
    if "state" not in rows.query.annotations:
        rows = rows.annotate(state=STATE)
    entry = Coalesce("batch", Cast("id", CharField()))  # a lone download is its own entry
    ranked = rows.annotate(
        shown_first=Case(
            *(When(state=state, then=Value(n)) for n, state in enumerate(SHOWN_FIRST)),
            default=Value(len(SHOWN_FIRST)),
        ),
        rank=Window(
            RowNumber(),
            partition_by=[entry],
            order_by=[F("shown_first").asc(), "season", "episode", "id"],
        ),
        size=Window(Count("id"), partition_by=[entry]),
    ).filter(rank__lte=cap)
    shown = list(ranked)
    capped = {ref.batch for ref in shown if ref.batch and ref.size > cap}  # type: ignore[attr-defined]
    if not capped:
        return shown, {}
    left_out = selection.filter(batch__in=capped).exclude(pk__in=[ref.pk for ref in shown])
    return shown, rest_of(left_out)


def rest_of(refs: QuerySet[MediaDownloadRef]) -> dict[str, dict[str, Any]]:
    """Per batch: ``count``, ``states`` (state -> how many), ``progress`` (the episodes'
    fractions done, summed: a finished one counts 1) and ``seasons`` — from one query."""
    fraction = Case(
        When(
            transfer__total_length__gt=0,
            then=Cast("transfer__completed_length", FloatField())
            / Cast("transfer__total_length", FloatField()),
        ),
        default=Value(0.0),
        output_field=FloatField(),
    )
    groups = (
        refs.order_by()
        .annotate(canceled=Q(canceled_at__isnull=False))
        .values_list("batch", "season", "canceled", "desired_paused", "transfer__status")
        .annotate(n=Count("id"), done=Sum(fraction))
    )
    rest: dict[str, dict[str, Any]] = {}
    seasons: dict[str, set[int]] = defaultdict(set)
    for batch, season, canceled, paused, status, n, done in groups:
        summary = rest.setdefault(batch, {"count": 0, "states": {}, "progress": 0.0})
        state = state_from(bool(canceled), bool(paused), status)
        summary["count"] += n
        summary["states"][state] = summary["states"].get(state, 0) + n
        summary["progress"] += n if state == "completed" else min(float(done or 0), n)
        seasons[batch].add(season or 0)
    for batch, summary in rest.items():
        summary["progress"] = round(summary["progress"], 4)
        summary["seasons"] = sorted(seasons[batch])
    return rest
