"""Adding, removing and listing watchlist entries; what every page needs to mark cards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.db import IntegrityError, transaction

from vodarr.accounts.models import User
from vodarr.catalog.browse import cards, movie_card, series_card
from vodarr.catalog.models import Series, VodStream
from vodarr.live.publish import bump
from vodarr.watchlist.models import TitleKind, WatchlistEntry
from vodarr.web.pagination import paginator_props

PER_PAGE = 20
# The person's change counter for their list (``live.publish``): every page's ``watchlist``
# prop is kept under it, so each change bumps it last in its transaction.
TOPIC = "watchlist"
TABS = {"movies": TitleKind.MOVIE, "series": TitleKind.SERIES}


class UnknownTitle(Exception):
    """The catalogue has no such title."""

    def __init__(self, kind: str) -> None:
        what = "movie" if kind == TitleKind.MOVIE else "series"
        super().__init__(f"There is no such {what} in the catalogue.")
        self.message = str(self)


@dataclass(frozen=True)
class Change:
    name: str
    changed: bool  # False: it was already on (or already off) the list

    def added_message(self) -> str:
        if self.changed:
            return f"Added “{self.name}” to your watchlist."
        return f"“{self.name}” is already on your watchlist."

    def removed_message(self) -> str:
        if self.changed:
            return f"Removed “{self.name}” from your watchlist."
        return f"“{self.name}” was not on your watchlist."


def add(user: User, kind: str, media_id: int) -> Change:
    """Put a title on the person's list; adding it twice is harmless."""
    title = _title(kind, media_id)
    if title is None:
        raise UnknownTitle(kind)
    try:
        with transaction.atomic():
            WatchlistEntry.objects.create(
                user=user,
                kind=kind,
                media_id=media_id,
                name=title.name,
                poster=title.poster,
                year=title.year,
            )
            bump(TOPIC, [user.pk])
    except IntegrityError:  # on the list already (perhaps from a second tab a moment ago)
        return Change(title.name, changed=False)
    return Change(title.name, changed=True)


def remove(user: User, kind: str, media_id: int) -> Change:
    entry = WatchlistEntry.objects.filter(user=user, kind=kind, media_id=media_id).first()
    if entry is None:
        title = _title(kind, media_id)
        return Change(title.name if title is not None else "This title", changed=False)
    with transaction.atomic():
        entry.delete()
        bump(TOPIC, [user.pk])
    return Change(entry.name, changed=True)


def watchlisted_ids(user: User) -> dict[str, list[int]]:
    """Every title on the person's list, by kind: pages mark their cards with it."""
    ids: dict[str, list[int]] = {"movie": [], "series": []}
    for kind, media_id in WatchlistEntry.objects.filter(user=user).values_list("kind", "media_id"):
        ids.setdefault(kind, []).append(media_id)
    return ids


def watchlist_page(
    user: User, tab: str, number: int, link: str = "/watchlist?tab={tab}&page={page}"
) -> dict[str, Any]:
    """One page of the tab's entries, newest first, as cards (the live title when it exists);
    ``link`` builds the pages' URLs (the page's own, or the API's)."""
    kind = TABS[tab]
    entries = WatchlistEntry.objects.filter(user=user, kind=kind).order_by("-added_at", "-id")
    paginator = Paginator(entries, PER_PAGE)
    page = paginator.page(min(number, paginator.num_pages))
    rows = list(page.object_list)
    live = _live_cards(kind, [entry.media_id for entry in rows])
    data = [
        {
            "card": live.get(entry.media_id) or _snapshot_card(entry),
            "addedAt": entry.added_at.isoformat(),
            "available": entry.media_id in live,
        }
        for entry in rows
    ]
    return paginator_props(page, data, lambda n: link.format(tab=tab, page=n))


def tab_counts(user: User) -> dict[str, int]:
    counts = dict.fromkeys(TABS, 0)
    for tab, kind in TABS.items():
        counts[tab] = WatchlistEntry.objects.filter(user=user, kind=kind).count()
    return counts


def _title(kind: str, media_id: int) -> VodStream | Series | None:
    if kind == TitleKind.MOVIE:
        return VodStream.objects.only("name", "poster", "year").filter(pk=media_id).first()
    return Series.objects.only("name", "poster", "year").filter(pk=media_id).first()


def _live_cards(kind: str, ids: list[int]) -> dict[int, dict[str, Any]]:
    model = VodStream if kind == TitleKind.MOVIE else Series
    rows = list(model._default_manager.filter(pk__in=ids))
    return {row.pk: card for row, card in zip(rows, cards(rows), strict=True)}  # with versions


def _snapshot_card(entry: WatchlistEntry) -> dict[str, Any]:
    """A title the provider no longer lists, as it was when it was added (the one card shape)."""
    if entry.kind == TitleKind.MOVIE:
        return movie_card(
            VodStream(
                stream_id=entry.media_id, name=entry.name, poster=entry.poster, year=entry.year
            )
        )
    return series_card(
        Series(series_id=entry.media_id, name=entry.name, poster=entry.poster, year=entry.year)
    )
