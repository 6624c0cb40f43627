"""A page's rows when batches are on it: long batches capped, with a summary of the rest.

"Download all" on a long show starts a thousand episodes in one batch, and the Downloads
page shows a batch as one group row. Carrying every episode made page 1 cost what a
hundred pages do (serialising the rows and asking aria2 about each unfinished one), so a
group brings at most ``GROUP_SHOWN`` episodes — those that need the person or are moving
first (failed, downloading, paused, queued, then finished ones), each kind in season and
episode order — and a summary of the others (``rest``): how many, per state, their summed
progress and their seasons. "See all" opens the batch on a page of its own (``?batch=``).

The database does the per-episode work, so a page costs the same whatever the batches'
length: one aggregate tells each batch's size, states, progress and seasons (grouped by
what decides a state, in SQL), one small query per capped batch picks its shown episodes
(ORDER BY ... LIMIT), then the page's rows are loaded by key. (Reading every episode's
fields into Python cost ~4 ms at 1,000; a window function ranking them in one query ~40.)
"""

from __future__ import annotations

from typing import Any

from django.db.models import Case, Count, FloatField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Cast

from vodarr.downloads.filters import STATE, state_from, state_of
from vodarr.downloads.models import MediaDownloadRef

GROUP_SHOWN = 12  # a season of most shows fits whole
SHOWN_FIRST = ("failed", "active", "paused", "queued", "completed", "canceled")
# STATE's own conditions, each giving its state's place in SHOWN_FIRST (comparing against a
# ``state`` annotation instead would repeat the whole CASE once per state).
_SHOWN_FIRST = Case(
    *(
        When(case.condition, then=Value(SHOWN_FIRST.index(case.result.value)))
        for case in STATE.cases
    ),
    default=Value(SHOWN_FIRST.index("failed")),
)
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
) -> tuple[list[MediaDownloadRef], dict[str, dict[str, Any]]]:
    """The rows of a page's entries (``window``: each entry's head id and batch), unordered,
    and for every capped batch the summary of its episodes left out."""
    singles = [pk for pk, batch in window if not batch]
    batches = [batch for _, batch in window if batch]
    if not batches or cap is None:
        wholes: dict[str, dict[str, Any]] = {}
    else:
        wholes = summaries(selection.filter(batch__in=batches))
    capped = [batch for batch, whole in wholes.items() if cap is not None and whole["count"] > cap]
    if not capped or cap is None:
        # Unordered, so the database looks rows up by key; the caller puts them in order.
        return list(selection.filter(Q(pk__in=singles) | Q(batch__in=batches)).order_by()), {}
    shown = [
        pk
        for batch in capped
        for pk in selection.filter(batch=batch)
        .annotate(shown_first=_SHOWN_FIRST)
        .order_by("shown_first", "season", "episode", "id")
        .values_list("pk", flat=True)[:cap]
    ]
    whole_batches = [batch for batch in batches if batch not in capped]
    rows = list(
        selection.filter(
            Q(pk__in=singles) | Q(batch__in=whole_batches) | Q(pk__in=shown)
        ).order_by()
    )
    rest = {batch: wholes[batch] for batch in capped}
    for ref in rows:
        if ref.batch in rest:
            _take_out(rest[ref.batch], ref)
    for summary in rest.values():
        summary["progress"] = round(max(summary["progress"], 0.0), 4)
    return rows, rest


def summaries(refs: QuerySet[MediaDownloadRef]) -> dict[str, dict[str, Any]]:
    """Per batch: ``count``, ``states`` (state -> how many), ``progress`` (the episodes'
    fractions done, summed: a finished one counts 1) and ``seasons`` — from one query."""
    groups = (
        refs.order_by()
        .annotate(canceled=Q(canceled_at__isnull=False))
        .values_list("batch", "season", "canceled", "desired_paused", "transfer__status")
        .annotate(n=Count("id"), done=Sum(_FRACTION))
    )
    found: dict[str, dict[str, Any]] = {}
    for batch, season, canceled, paused, status, n, done in groups:
        summary = found.setdefault(
            batch, {"count": 0, "states": {}, "progress": 0.0, "seasons": []}
        )
        state = state_from(bool(canceled), bool(paused), status)
        summary["count"] += n
        summary["states"][state] = summary["states"].get(state, 0) + n
        summary["progress"] += n if state == "completed" else min(float(done or 0), n)
        if (season or 0) not in summary["seasons"]:
            summary["seasons"].append(season or 0)
    for summary in found.values():
        summary["seasons"].sort()
    return found


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
