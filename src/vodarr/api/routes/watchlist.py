"""``/api/v1/watchlist``: a person's titles to watch later (``watchlist/services.py``)."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Path, Query, Router, Status

from vodarr.api.auth import caller
from vodarr.api.problems import ApiProblem, answers
from vodarr.api.schemas import Message, Page
from vodarr.api.schemas.household import WatchlistIn, WatchlistItem
from vodarr.watchlist import services

router = Router(tags=["watchlist"])
TAB = {"movie": "movies", "series": "series"}


@router.get("", response=answers({200: Page[WatchlistItem]}), by_alias=True)
def list_watchlist(
    request: HttpRequest,
    type: Literal["movie", "series"] = Query("movie"),
    page: int = Query(1, ge=1, le=1_000_000),
) -> Any:
    """Your watchlist's movies or series, newest first, 20 a page."""
    link = f"/api/v1/watchlist?type={type}&page={{page}}"
    return services.watchlist_page(caller(request), TAB[type], page, link)


@router.post("", response=answers({200: Message, 201: Message}, 404))
def add_to_watchlist(request: HttpRequest, payload: WatchlistIn) -> Any:
    try:
        change = services.add(caller(request), payload.type, payload.id)
    except services.UnknownTitle as unknown:
        raise ApiProblem(404, unknown.message) from None
    return Status(201 if change.changed else 200, {"detail": change.added_message()})


@router.delete("/{type}/{media_id}", response=answers({200: Message}))
def remove_from_watchlist(
    request: HttpRequest,
    type: Literal["movie", "series"] = Path(...),
    media_id: int = Path(..., ge=1, le=2**63 - 1),
) -> Any:
    change = services.remove(caller(request), type, media_id)
    return {"detail": change.removed_message()}
