"""One page of the list's entry heads: each entry's first row (a lone download, or the first
episode of its batch), newest first, as (id, batch).

The list nobody narrowed (no search, state, owner or batch) is the page nearly every visit
and every live refresh loads, and its heads query is the same SQL each time. Django built
and compiled it in ~1 ms of the page's ~5 ms of CPU (``benchmarks/profile_page``); the
database ran it in 0.04 ms. So that one query is written out here, and a narrowed list
still builds it from its filters with the ORM (``filters.entry_heads``). A test holds the
two to the same answer for members and admins, batches and lone downloads, every page.
"""

from __future__ import annotations

from django.db.models import QuerySet

from vodarr.downloads.batches import Whole
from vodarr.downloads.filters import entry_heads
from vodarr.downloads.models import MediaDownloadRef

Head = tuple[int, str | None]


def page_heads(
    whole: Whole | None, selection: QuerySet[MediaDownloadRef], start: int, count: int
) -> list[Head]:
    """Heads ``start`` to ``start + count`` of ``selection``; ``whole``: it is that list
    nobody narrowed."""
    if whole is None:
        return built_heads(selection, start, count)
    end = start + count  # the newest lone downloads the page can hold, and every batch's head
    if whole.owner is None:
        return [(pk, batch) for pk, batch in whole.rows(_ALL_HEADS, [end, count, start])]
    owner = whole.owner
    return [
        (pk, batch) for pk, batch in whole.rows(_MEMBER_HEADS, [owner, end, owner, count, start])
    ]


def built_heads(selection: QuerySet[MediaDownloadRef], start: int, count: int) -> list[Head]:
    """The same, for any ``selection``, through the ORM."""
    heads = selection.filter(entry_heads(selection)).order_by("-created_at", "-id")
    return list(heads.values_list("pk", "batch")[start : start + count])


# As ``filters.entry_heads`` says it: rows without a batch, and each batch's least id.
# Apart, so neither walks the other's rows: a queue of 1,000 episodes, all newer than the
# lone downloads, was walked row by row to reach them (0.38 → 0.16 ms, bench_queue). Lone
# downloads come from their own partial index, newest first, only as many as the page can
# use; the batches' heads from the (user, batch) index alone.
_HEADS = """
SELECT "id", "batch" FROM (
    SELECT * FROM (
        SELECT "id", "batch", "created_at" FROM "downloads_mediadownloadref"
        WHERE {owner} "batch" IS NULL ORDER BY "created_at" DESC, "id" DESC LIMIT %s
    ) lone
    UNION ALL
    SELECT "id", "batch", "created_at" FROM "downloads_mediadownloadref" WHERE "id" IN (
        SELECT MIN("id") FROM "downloads_mediadownloadref"
        WHERE {owner} "batch" IS NOT NULL GROUP BY "batch")
) heads
ORDER BY "created_at" DESC, "id" DESC LIMIT %s OFFSET %s
"""
_MEMBER_HEADS = _HEADS.format(owner='"user_id" = %s AND')
_ALL_HEADS = _HEADS.format(owner="")
