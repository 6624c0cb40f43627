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

from django.db import connections
from django.db.models import QuerySet

from vodarr.accounts.models import User
from vodarr.downloads.filters import DownloadFilters, entry_heads
from vodarr.downloads.models import MediaDownloadRef

Head = tuple[int, str | None]


def page_heads(
    user: User,
    filters: DownloadFilters,
    selection: QuerySet[MediaDownloadRef],
    start: int,
    count: int,
) -> list[Head]:
    """Heads ``start`` to ``start + count`` of ``selection``, the list ``filters`` chose."""
    if filters.narrowed:
        return built_heads(selection, start, count)
    mine = not user.is_admin  # an admin's unnarrowed list is everyone's
    sql = _MEMBER_HEADS if mine else _ALL_HEADS
    params = [user.pk, user.pk] if mine else []
    with connections[selection.db].cursor() as cursor:
        cursor.execute(sql, [*params, count, start])
        return [(pk, batch) for pk, batch in cursor.fetchall()]


def built_heads(selection: QuerySet[MediaDownloadRef], start: int, count: int) -> list[Head]:
    """The same, for any ``selection``, through the ORM."""
    heads = selection.filter(entry_heads(selection)).order_by("-created_at", "-id")
    return list(heads.values_list("pk", "batch")[start : start + count])


# As ``filters.entry_heads`` says it: rows without a batch, and each batch's least id.
_MEMBER_HEADS = """
SELECT "id", "batch" FROM "downloads_mediadownloadref"
WHERE "user_id" = %s AND ("batch" IS NULL OR "id" IN (
    SELECT MIN("id") FROM "downloads_mediadownloadref"
    WHERE "user_id" = %s AND "batch" IS NOT NULL GROUP BY "batch"))
ORDER BY "created_at" DESC, "id" DESC LIMIT %s OFFSET %s
"""
_ALL_HEADS = """
SELECT "id", "batch" FROM "downloads_mediadownloadref"
WHERE "batch" IS NULL OR "id" IN (
    SELECT MIN("id") FROM "downloads_mediadownloadref"
    WHERE "batch" IS NOT NULL GROUP BY "batch")
ORDER BY "created_at" DESC, "id" DESC LIMIT %s OFFSET %s
"""
