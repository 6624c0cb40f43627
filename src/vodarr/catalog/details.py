"""A title's detail, as its page and the API show it: the provider's word, else the catalogue's.

Detail asks the provider (``vod_info``/``series_info``, cached by the client, so the Download
click that follows costs no extra call) and falls back to the catalogue row, with
``providerError`` set, when the provider cannot answer. A title the provider says is gone,
or one it cannot describe and the catalogue does not know, is ``TitleUnavailable``.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any, TypeVar

from django.utils import timezone

from vodarr.accounts.models import User
from vodarr.catalog.models import Category, Kind, Series, VodStream
from vodarr.catalog.provider import provider_client
from vodarr.catalog.title_extras import technical_props
from vodarr.downloads.listing import download_badges, latest_downloads_of
from vodarr.downloads.models import MediaType
from vodarr.downloads.paths import plain_episode_title
from vodarr.integrations.xtream import SeriesInfo, VodInfo, XtreamError, XtreamNotFound
from vodarr.monitoring.listing import series_monitor
from vodarr.variants.offers import movie_offers, series_offers

MOVIE_GONE = "This movie is no longer available from the provider."
SERIES_GONE = "This series is no longer available from the provider."
Info = TypeVar("Info", VodInfo, SeriesInfo)


class TitleUnavailable(Exception):
    """404: the provider says the title is gone; 503: it cannot answer and we know nothing."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _ask_provider(
    fetch: Callable[[], Info], row: object | None, gone: str
) -> tuple[Info | None, str | None]:
    """The provider's details and None, or None and why it could not answer (the page then
    shows the catalogue's row); ``TitleUnavailable`` when there is nothing to show."""
    try:
        return fetch(), None
    except XtreamNotFound:
        raise TitleUnavailable(404, gone) from None
    except XtreamError as error:
        if row is None:
            raise TitleUnavailable(503, error.message) from None
        return None, error.message


def movie_page(user: User, sid: int) -> dict[str, Any]:
    """The movie page's props for ``user``; raises ``TitleUnavailable``."""
    row = VodStream.objects.select_related("category").filter(pk=sid).first()
    info, problem = _ask_provider(lambda: provider_client().vod_info(sid), row, MOVIE_GONE)
    _remember_movie_details(row, info)
    return {
        "movie": _movie_props(sid, row, info),
        "download": latest_downloads_of(user, MediaType.VOD_STREAM, sid).get(None),
        **movie_offers(user, row),
        # The shared file: "on the server" even when someone else downloaded it.
        "badge": download_badges(user, movie_ids=[sid])["movies"].get(sid),
        "providerError": problem,
    }


def series_page(user: User, sid: int) -> dict[str, Any]:
    """The series page's props for ``user`` (seasons with episodes); raises ``TitleUnavailable``."""
    row = Series.objects.filter(pk=sid).first()
    info, problem = _ask_provider(lambda: provider_client().series_info(sid), row, SERIES_GONE)
    return {
        "series": _series_props(sid, row, info),
        "seasons": (
            _seasons_props(
                info,
                latest_downloads_of(user, MediaType.SERIES, sid),
                download_badges(user, series_ids=[sid], episodes=True)["episodes"],
            )
            if info is not None
            else []
        ),
        "variants": series_offers(user, row),
        "providerError": problem,
        "monitor": series_monitor(user, sid, timezone.now()),
    }


def _movie_props(sid: int, row: VodStream | None, info: VodInfo | None) -> dict[str, Any]:
    category = row.category if row is not None else None
    if category is None and info is not None and info.category_id:
        category = Category.objects.filter(kind=Kind.MOVIE, provider_id=info.category_id).first()
    stored = row or VodStream(stream_id=sid)
    if info is None:
        return {
            "id": sid,
            "name": stored.name,
            "poster": stored.poster or None,
            "backdrop": stored.backdrop or None,
            "plot": stored.plot,
            "year": stored.year,
            "rating": stored.rating,
            "durationSecs": stored.duration_secs,
            "genre": stored.genre,
            "cast": "",
            "director": "",
            "releaseDate": None,
            "containerExtension": stored.container_extension or None,
            "category": _category_props(category),
            "trailer": None,
            "technical": None,
        }
    return {
        "id": sid,
        "name": info.name or stored.name,
        "poster": info.poster or stored.poster or None,
        "backdrop": info.backdrop or stored.backdrop or None,
        "plot": info.plot or stored.plot,
        "year": info.year or stored.year,
        "rating": info.rating if info.rating is not None else stored.rating,
        "durationSecs": info.duration_secs or stored.duration_secs,
        "genre": info.genre or stored.genre,
        "cast": info.cast,
        "director": info.director,
        "releaseDate": info.release_date,
        "containerExtension": info.container_extension or stored.container_extension or None,
        "category": _category_props(category),
        "trailer": info.trailer,
        "technical": technical_props(info.technical),
    }


def _series_props(sid: int, row: Series | None, info: SeriesInfo | None) -> dict[str, Any]:
    stored = row or Series(series_id=sid)
    source: Series | SeriesInfo = info if info is not None else stored
    return {
        "id": sid,
        "name": source.name or stored.name,
        "poster": source.poster or stored.poster or None,
        "backdrop": source.backdrop or stored.backdrop or None,
        "plot": source.plot or stored.plot,
        "year": source.year or stored.year,
        "rating": source.rating if source.rating is not None else stored.rating,
        "genre": source.genre or stored.genre,
        "cast": source.cast or stored.cast,
        "director": source.director or stored.director,
        "trailer": info.trailer if info is not None else None,
    }


def _seasons_props(
    info: SeriesInfo,
    downloads: dict[str | None, dict[str, Any]],
    badges: dict[Any, dict[str, Any]],
) -> list[dict[str, Any]]:
    """Seasons in order, each with its episodes in order (the client sorts them already).

    An episode's title is its own ("Syllabus"), without the show's name and code that
    panels often repeat in it; ``download`` is the person's request, ``badge`` the file's
    state on the server whoever asked for it.
    """
    names = {season.season_number: season.name for season in info.seasons}
    ordered = sorted(info.episodes, key=lambda e: (e.season, e.episode_num))
    return [
        {
            "number": number,
            "name": names.get(number) or (f"Season {number}" if number else "Specials"),
            "episodes": [
                {
                    "id": episode.id,
                    "season": episode.season,
                    "episode": episode.episode_num,
                    "title": plain_episode_title(
                        info.name, episode.season, episode.episode_num, episode.title
                    )
                    or None,
                    "durationSecs": episode.duration_secs,
                    "plot": episode.plot,
                    "image": episode.image,
                    "technical": technical_props(episode.technical),
                    "download": downloads.get(episode.id),
                    "badge": badges.get(episode.id),
                }
                for episode in episodes
            ],
        }
        for number, episodes in groupby(ordered, key=lambda e: e.season)
    ]


def _category_props(category: Category | None) -> dict[str, Any] | None:
    return {"id": category.pk, "name": category.name} if category is not None else None


def _remember_movie_details(row: VodStream | None, info: VodInfo | None) -> None:
    """Keep what only ``vod_info`` knows, so the page still has it when the provider is down."""
    if row is None or info is None:
        return
    backdrop = info.backdrop or row.backdrop
    duration = info.duration_secs or row.duration_secs
    if (backdrop, duration) != (row.backdrop, row.duration_secs):
        VodStream.objects.filter(pk=row.pk).update(backdrop=backdrop, duration_secs=duration)
