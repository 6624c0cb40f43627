"""The Downloads page's data, and downloads as other pages show them.

``downloads_page``: one page of list entries — a lone download, or a batch of episodes
started together (a group: at most ``groups.GROUP_SHOWN`` of its episodes and a summary of
the rest) — in THREE small queries (the counts, the page's entry heads, their rows; one
more sums up the batches on the page, and one more per capped batch picks its episodes)
plus ONE aria2 request for the unfinished rows on screen;
finished rows are not asked about, their record is the truth. The counts are kept until the
person's downloads change (``_counts``). ``?batch=`` opens one batch: its episodes as rows.

Also the person's downloads on other pages, in the same shape (``serialize``): Discover's
"Downloading now", a title page's state, and ``download_badges`` — what the server has of a
list of titles (poster cards, search results, season tabs) from one query per page.
"""

from __future__ import annotations

import hashlib
import json
import logging
from math import ceil
from typing import Any, NamedTuple
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q, QuerySet

from vodarr.accounts.models import User
from vodarr.downloads.batches import Whole
from vodarr.downloads.changes import TOPIC, remember_status_changes
from vodarr.downloads.filters import (
    ATTENTION,
    DownloadFilters,
    annotate_state,
    searched,
    state_counts,
    visible_downloads,
    with_state,
)
from vodarr.downloads.gateway import gateway
from vodarr.downloads.groups import GROUP_SHOWN, episode_order, page_rows
from vodarr.downloads.heads import page_heads
from vodarr.downloads.models import UNFINISHED_STATUSES, MediaDownloadRef, MediaType, Transfer
from vodarr.downloads.serialize import serialize_download
from vodarr.integrations.aria2.errors import Aria2Error
from vodarr.integrations.aria2.types import DownloadStatus
from vodarr.live.kept import RequestVersions

logger = logging.getLogger("vodarr.downloads")
PER_PAGE = 10
BATCH_PER_PAGE = 25  # one batch opened: its episodes are short rows


def download_of(user: User, pk: int) -> MediaDownloadRef | None:
    """The ref if ``user`` may see and operate it (owner or admin); None for anything else,
    so another member's download looks exactly like a missing one."""
    ref = MediaDownloadRef.objects.select_related("user", "transfer").filter(pk=pk).first()
    if ref is None or not user.can_operate_download(ref.user_id):
        return None
    return ref


def one_download(user: User, ref: MediaDownloadRef) -> dict[str, Any]:
    """``ref`` as a DownloadItem with aria2's live status (recorded, as the page does)."""
    live, asked = live_statuses([ref])
    remember_status_changes([ref.transfer], live)
    gid = ref.transfer.gid
    return serialize_download(ref, live.get(gid), for_admin=user.is_admin, asked=gid in asked)


def owner_options() -> list[dict[str, Any]]:
    """Users who have downloads, by name — the admin's owner filter."""
    owners = User.objects.filter(downloads__isnull=False).distinct().order_by("name", "id")
    return [{"id": u.pk, "name": u.name, "email": u.email} for u in owners]


class DownloadsPage(NamedTuple):
    paginator: dict[str, Any]  # of list entries: a group counts once
    counts: dict[str, int]
    # Per capped batch on the page, a summary of its episodes left out (``groups.page_rows``).
    group_rest: dict[str, dict[str, Any]]


def downloads_page(
    user: User,
    filters: DownloadFilters,
    *,
    path: str = "/downloads",
    group_cap: int | None = GROUP_SHOWN,
    versions: RequestVersions | None = None,
) -> DownloadsPage:
    """One page of the person's list; ``group_cap``: at most so many episodes of a batch
    (None: all of them); ``versions``: the request's change counters, when its other props
    read them too."""
    scope = searched(visible_downloads(user, filters.owners, filters.batch), filters.q)
    counts = _counts(user, filters, scope, versions)
    selection = with_state(scope, filters.states)
    per_page = BATCH_PER_PAGE if filters.batch else PER_PAGE
    last = max(1, ceil(counts["entries"] / per_page))
    number = min(filters.page, last)  # out of range gives the last page, not an error
    start = (number - 1) * per_page
    if not user.is_admin:
        # A member's rows are all their own: joining their user would load the same
        # person's every column once per row (a tenth of the page's CPU, profiled).
        selection = selection.select_related(None).select_related("transfer")
    rest: dict[str, dict[str, Any]] = {}
    if filters.batch:
        # One batch on its own page: each episode is an entry, in season and episode order.
        refs = list(selection.order_by("season", "episode", "id")[start : start + per_page])
        entries = [[ref] for ref in refs]
    else:
        whole = None if filters.narrowed else Whole.list_of(user, selection.db)
        window = page_heads(whole, selection, start, per_page)
        rows, rest = page_rows(
            selection, window, cap=group_cap, with_owner=user.is_admin, whole=whole
        )
        entries = _entries(rows, window)
        refs = [ref for members in entries for ref in members]
    if not user.is_admin:
        for ref in refs:
            ref.user = user
    live, asked = live_statuses(refs)
    remember_status_changes([ref.transfer for ref in refs], live)
    data = [
        serialize_download(
            ref,
            live.get(ref.transfer.gid),
            for_admin=user.is_admin,
            asked=ref.transfer.gid in asked,
        )
        for ref in refs
    ]

    def url(n: int) -> str:
        return f"{path}?{urlencode(filters.query(n), doseq=True)}"

    paginator = {
        "data": data,
        "current_page": number,
        "last_page": last,
        "per_page": per_page,
        "total": counts["entries"],
        "from": start + 1 if entries else None,
        "to": start + len(entries) if entries else None,
        "next_page_url": url(number + 1) if number < last else None,
        "prev_page_url": url(number - 1) if number > 1 else None,
    }
    return DownloadsPage(paginator, counts, rest)


def _counts(
    user: User,
    filters: DownloadFilters,
    scope: QuerySet[MediaDownloadRef],
    versions: RequestVersions | None,
) -> dict[str, int]:
    """The counts, computed once per change of the person's downloads.

    Every change to what a person sees bumps their live-channel counter in its own
    transaction (``changes``), so the counts stored under its version stay true until it
    moves: reloading the page costs no query of its own (the page's ``versions`` are read
    once for all its props) instead of a pass over the whole history.
    """
    narrowed = json.dumps([user.is_admin, filters.owners, filters.q, filters.states, filters.batch])
    return (versions or RequestVersions(user.pk)).kept(
        TOPIC,
        f"download-counts:{hashlib.sha256(narrowed.encode()).hexdigest()}",
        lambda: state_counts(scope, filters.states, grouped=not filters.batch),
    )


def _entries(
    rows: list[MediaDownloadRef], window: list[tuple[int, str | None]]
) -> list[list[MediaDownloadRef]]:
    """Rows as list entries in the order of the page's heads (``window``: each entry's head id
    and batch); a batch's episodes in season and episode order.

    The heads query already ordered the entries; a capped batch may not bring its head row,
    so the order is taken from the window rather than from the rows."""
    entries: dict[str, list[MediaDownloadRef]] = {}
    for ref in rows:
        entries.setdefault(ref.batch or f"#{ref.pk}", []).append(ref)
    for members in entries.values():
        members.sort(key=lambda r: episode_order(r.season, r.episode, r.pk))
    keys = [batch or f"#{pk}" for pk, batch in window]
    return [entries[key] for key in keys if key in entries]


def live_statuses(refs: list[MediaDownloadRef]) -> tuple[dict[str, DownloadStatus], set[str]]:
    """aria2's status of the refs' unfinished transfers in one request, and the GIDs asked.

    Canceled requests and finished transfers are not asked about: they show their record.
    aria2 not answering gives no statuses (the rows show their last known state).
    """
    gids = list(
        dict.fromkeys(
            ref.transfer.gid
            for ref in refs
            if not ref.is_canceled
            and ref.transfer.status in UNFINISHED_STATUSES
            and not ref.transfer.is_stopped
        )
    )
    if not gids:
        return {}, set()
    try:
        answers = gateway().client.tell_statuses(gids)
    except Aria2Error as error:
        logger.warning("Showing last known download states: %s", error.message)
        return {}, set(gids)
    live = {gid: state for gid, state in answers.items() if isinstance(state, DownloadStatus)}
    return live, set(gids)


def active_downloads(user: User, limit: int = 5) -> list[dict[str, Any]]:
    """The person's own downloads under way or failed (needing them), newest first, as recorded."""
    refs = (
        annotate_state(MediaDownloadRef.objects.filter(user=user))
        .filter(Q(state__in=("active", "queued", "paused")) | ATTENTION)
        .select_related("user", "transfer")
        .order_by("-created_at", "-id")[:limit]
    )
    return [serialize_download(ref, for_admin=False) for ref in refs]


def latest_downloads_of(
    user: User, media_type: str, media_id: int
) -> dict[str | None, dict[str, Any]]:
    """The person's newest non-canceled download of a title, per episode id (None: a movie)."""
    refs = (
        MediaDownloadRef.objects.live()
        .filter(user=user, downloadable_type=media_type, downloadable_id=media_id)
        .select_related("user", "transfer")
        .order_by("-created_at", "-id")
    )
    latest: dict[str | None, dict[str, Any]] = {}
    for ref in refs:
        if ref.episode_id not in latest:
            latest[ref.episode_id] = serialize_download(ref, for_admin=False)
    return latest


# -- badges ---------------------------------------------------------------------------------

# Badge states in the order a title with several files shows them (a series).
BADGE_ORDER = ("downloading", "queued", "paused", "failed", "downloaded")
_BADGE_OF = {
    "active": "downloading",
    "waiting": "queued",
    "paused": "paused",
    "complete": "downloaded",
    "error": "failed",
    "removed": "failed",
}


def download_badges(
    user: User,
    *,
    movie_ids: list[int] | tuple[int, ...] = (),
    series_ids: list[int] | tuple[int, ...] = (),
    episodes: bool = False,
) -> dict[str, dict[Any, dict[str, Any]]]:
    """What the server has of these titles, from ONE query: ``{"movies": {id: badge}, ...}``.

    A badge is ``{state, percent, done, files}``: ``state`` is ``downloaded`` (the file is on
    the server, whoever asked for it), ``downloading`` / ``queued`` / ``paused`` (someone's
    download of it is under way; ``percent`` of the bytes known so far), or ``failed`` (only
    for people who asked for it, and admins: to anyone else a failed attempt is noise).
    A series' badge sums its episodes (``done`` of ``files`` complete); ``episodes=True``
    adds ``"episodes": {episode id: badge}`` (a series page's rows and season tabs).
    """
    badges: dict[str, dict[Any, dict[str, Any]]] = {"movies": {}, "series": {}}
    if episodes:
        badges["episodes"] = {}
    wanted = Q(downloadable_type=MediaType.VOD_STREAM, downloadable_id__in=list(movie_ids)) | Q(
        downloadable_type=MediaType.SERIES, downloadable_id__in=list(series_ids)
    )
    if not movie_ids and not series_ids:
        return badges
    mine = MediaDownloadRef.objects.live().filter(transfer=OuterRef("pk"), user=user)
    rows = (
        Transfer.objects.filter(wanted, media_key__isnull=False)
        .annotate(mine=Exists(mine))
        .values_list(
            "downloadable_type",
            "downloadable_id",
            "episode_id",
            "status",
            "total_length",
            "completed_length",
            "mine",
        )
    )
    files: dict[tuple[str, Any], list[tuple[str, int, int]]] = {}
    for kind, media_id, episode_id, status, total, done, own in rows:
        state = _BADGE_OF.get(status)
        if state is None or (state == "failed" and not (own or user.is_admin)):
            continue
        key = ("movies", media_id) if kind == MediaType.VOD_STREAM else ("series", media_id)
        files.setdefault(key, []).append((state, total, done))
        if episodes and kind == MediaType.SERIES:
            badges["episodes"][episode_id] = _badge([(state, total, done)])
    for (group, media_id), states in files.items():
        badges[group][media_id] = _badge(states)
    return badges


def _badge(files: list[tuple[str, int, int]]) -> dict[str, Any]:
    state = min((s for s, _, _ in files), key=BADGE_ORDER.index)
    moving = [(total, done) for s, total, done in files if s in ("downloading", "queued", "paused")]
    known = sum(total for total, _ in moving)
    percent = (
        min(100, sum(done for _, done in moving) * 100 // known) if moving and known > 0 else None
    )
    return {
        "state": state,
        "percent": percent,
        "done": sum(1 for s, _, _ in files if s == "downloaded"),
        "files": len(files),
    }
