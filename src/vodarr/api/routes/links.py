"""``/api/v1/links``: links to a person's own device (``links/services.py``), listed, revoked.

Anyone may get links, including people who may not download to the server: that is what
links are for. A link's token is in the answer once; only its hash is kept. Another
member's link or download answers like a missing one (404).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router, Status

from vodarr.api.auth import caller
from vodarr.api.problems import ApiProblem, answers
from vodarr.api.schemas import Message, Page
from vodarr.api.schemas.downloads import EpisodesIn
from vodarr.api.schemas.household import LinkRow, NewLink
from vodarr.downloads import listing as downloads
from vodarr.links import listing, services
from vodarr.links.playlists import new_link_payload
from vodarr.links.views import REVOKED

router = Router(tags=["links"])
Id = Path(..., ge=1, le=2**63 - 1)
Number = Path(..., ge=0, lt=10_000)
MADE = answers({201: NewLink}, 404, 503)


def _made(request: HttpRequest, make: Any) -> Any:
    try:
        new = make()
    except services.LinkError as error:
        raise ApiProblem(error.status, error.message) from None
    return Status(201, new_link_payload(request, new))


@router.get("", response=answers({200: Page[LinkRow]}), by_alias=True)
def list_links(request: HttpRequest, page: int = Query(1, ge=1, le=1_000_000)) -> Any:
    """Your links, newest first (administrators: everyone's), with their state and use."""
    return listing.links_page(caller(request), page, lambda n: f"/api/v1/links?page={n}")


@router.post("/movies/{stream_id}", response=MADE)
def link_movie(request: HttpRequest, stream_id: int = Id) -> Any:
    """A link to a movie, to open or download on your own device."""
    user = caller(request)
    return _made(request, lambda: services.movie_link(user, stream_id))


@router.post("/series/{series_id}/episodes/{season}/{episode}", response=MADE)
def link_episode(
    request: HttpRequest, series_id: int = Id, season: int = Number, episode: int = Number
) -> Any:
    user = caller(request)
    return _made(request, lambda: services.episodes_link(user, series_id, [(season, episode)]))


@router.post("/series/{series_id}/episodes", response=MADE)
def link_episodes(request: HttpRequest, payload: EpisodesIn, series_id: int = Id) -> Any:
    """One link for many episodes: a playlist, and a list of one link per episode."""
    user = caller(request)
    wanted = [(e.season, e.episode) for e in payload.episodes]
    return _made(request, lambda: services.episodes_link(user, series_id, wanted))


@router.post("/downloads/{download_id}", response=MADE)
def link_download(request: HttpRequest, download_id: int = Id) -> Any:
    """A link to what one of your downloads writes (read from disk once it is whole)."""
    user = caller(request)
    ref = downloads.download_of(user, download_id)
    if ref is None:
        raise ApiProblem(404, "Download not found.")
    return _made(request, lambda: services.download_link(user, ref))


@router.delete("/{link_id}", response=answers({200: Message}, 404))
def revoke_link(request: HttpRequest, link_id: int = Id) -> Any:
    """Stop a link working at once."""
    link = listing.link_of(caller(request), link_id)
    if link is None:
        raise ApiProblem(404, "Link not found.")
    services.revoke(link)
    return {"detail": REVOKED}
