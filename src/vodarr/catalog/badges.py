"""Download badges on poster cards: what the server has of each title on a page.

One query for every card of a page, however many lists it shows (``download_badges``); a
card gets ``download: {state, percent, done, files}`` or None.
"""

from __future__ import annotations

from typing import Any

from vodarr.accounts.models import User
from vodarr.catalog.models import Kind
from vodarr.downloads.listing import download_badges


def with_badges(user: User, *card_lists: list[dict[str, Any]]) -> None:
    """Set ``download`` on every card of ``card_lists`` (in place), from one query."""
    cards = [card for cards in card_lists for card in cards]
    movies = [card["id"] for card in cards if card["kind"] == Kind.MOVIE]
    shows = [card["id"] for card in cards if card["kind"] != Kind.MOVIE]
    badges = download_badges(user, movie_ids=movies, series_ids=shows)
    for card in cards:
        group = badges["movies"] if card["kind"] == Kind.MOVIE else badges["series"]
        card["download"] = group.get(card["id"])
