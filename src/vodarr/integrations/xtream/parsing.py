"""Lenient parsing of ``player_api.php`` JSON into the typed models.

Real panels disagree on almost everything: ids arrive as ints or strings or "", ``info`` may be
``[]`` instead of an object, ``episodes`` may be keyed by season or be a list of lists, ratings
may be "7.5", 7.5 or "". The rule here: coerce what can be understood, drop entries that are
unusable (a movie without an id cannot be downloaded), and raise ``XtreamError`` only when the
top-level shape makes no sense. Any input yields typed objects or an ``XtreamError``, nothing else.

The two big lists (movies, series) are also read as a stream (``stream.py``): both ways go
through the same per-entry functions (``vod_stream_entry``, ``series_entry``) and the same
top-level rules (``entries``), so a quirk is handled once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from vodarr.integrations.xtream.coerce import (
    as_bool,
    as_dict,
    as_duration,
    as_image_url,
    as_image_urls,
    as_int,
    as_list,
    as_optional_text,
    as_rating,
    as_text,
    as_timestamp,
    as_year,
    release_date,
    text_or,
)
from vodarr.integrations.xtream.errors import XtreamAuthError, XtreamError, XtreamNotFound
from vodarr.integrations.xtream.models import (
    AccountInfo,
    Category,
    Episode,
    MovieData,
    Season,
    SeriesInfo,
    SeriesSummary,
    ServerInfo,
    UserInfo,
    VodInfo,
    VodStream,
)
from vodarr.integrations.xtream.technical import parse_technical, trailer_url
from vodarr.integrations.xtream.urls import clean_extension

T = TypeVar("T")

# --- responses -----------------------------------------------------------------------------


def check_auth(data: object) -> None:
    """Raise ``XtreamAuthError`` if a response is the panel's ``{"user_info": {"auth": 0}}``."""
    if isinstance(data, dict):
        user_info = data.get("user_info")
        if isinstance(user_info, dict) and "auth" in user_info and not as_bool(user_info["auth"]):
            raise XtreamAuthError()


def parse_account(data: object) -> AccountInfo:
    check_auth(data)
    if not isinstance(data, dict) or not isinstance(data.get("user_info"), dict):
        raise XtreamError(
            "The provider's account response has no user_info; is this an Xtream Codes panel?",
            permanent=True,
        )
    user = as_dict(data.get("user_info"))
    server = as_dict(data.get("server_info"))
    formats = tuple(
        text for text in (as_text(f) for f in as_list(user.get("allowed_output_formats"))) if text
    )
    active = as_int(user.get("active_cons"))
    max_connections = as_int(user.get("max_connections"))
    return AccountInfo(
        user_info=UserInfo(
            username=as_text(user.get("username")),
            auth=as_bool(user.get("auth", 1)),
            status=as_text(user.get("status")),
            exp_date=as_timestamp(user.get("exp_date")),
            max_connections=max_connections if max_connections and max_connections > 0 else None,
            active_cons=active if active and active > 0 else 0,
            is_trial=as_bool(user.get("is_trial")),
            created_at=as_timestamp(user.get("created_at")),
            message=as_text(user.get("message")),
            allowed_output_formats=formats,
        ),
        server_info=ServerInfo(
            url=as_text(server.get("url")),
            port=as_int(server.get("port")),
            https_port=as_int(server.get("https_port")),
            server_protocol=as_text(server.get("server_protocol")),
            timezone=as_text(server.get("timezone")),
            timestamp_now=as_timestamp(server.get("timestamp_now")),
        ),
    )


def entries(data: object, what: str) -> list[object]:
    """The entries of a list response: a list, an object keyed by index, or nothing."""
    check_auth(data)
    # Empty lists come as [], {}, null, "" or false depending on the panel.
    if data is None or data is False or data == "":
        return []
    if isinstance(data, list | dict):
        return as_list(data)
    raise XtreamError(f"The provider sent an unexpected response for the {what}.", permanent=True)


def parse_categories(data: object) -> list[Category]:
    categories: list[Category] = []
    for raw in entries(data, "category list"):
        entry = as_dict(raw)
        category_id = as_text(entry.get("category_id"))
        if not category_id:
            continue
        parent = as_text(entry.get("parent_id"))
        categories.append(
            Category(
                id=category_id,
                name=text_or(entry.get("category_name"), f"Category {category_id}"),
                parent_id=parent if parent and parent != "0" else None,
            )
        )
    return categories


def parse_vod_streams(data: object) -> list[VodStream]:
    return _parse_list(data, "movie list", vod_stream_entry)


def vod_stream_entry(raw: object) -> VodStream | None:
    """One entry of ``get_vod_streams``; None when it has no usable id."""
    entry = as_dict(raw)
    stream_id = _positive_id(entry.get("stream_id"))
    if stream_id is None:
        return None
    return VodStream(
        stream_id=stream_id,
        name=text_or(entry.get("name"), f"Movie {stream_id}"),
        category_id=as_optional_text(entry.get("category_id")),
        poster=as_image_url(entry.get("stream_icon")) or as_image_url(entry.get("cover")),
        rating=as_rating(entry.get("rating")),
        # The release date is read only when "year" says nothing: most entries have one.
        year=as_year(entry.get("year")) or as_year(release_date(entry)),
        added=as_timestamp(entry.get("added")),
        container_extension=clean_extension(entry.get("container_extension")),
        plot=as_text(entry.get("plot")),
        genre=as_text(entry.get("genre")),
        tmdb_id=as_optional_text(entry.get("tmdb_id") or entry.get("tmdb")),
    )


def parse_vod_info(data: object, vod_id: int) -> VodInfo:
    check_auth(data)
    response = as_dict(data)
    info = as_dict(response.get("info"))
    movie = as_dict(response.get("movie_data"))
    if not info and not movie:
        raise XtreamNotFound(f"The provider has no movie with id {vod_id}.")
    name = text_or(movie.get("name"), "") or text_or(info.get("name"), f"Movie {vod_id}")
    stream_id = as_int(movie.get("stream_id"))
    released = release_date(info)
    return VodInfo(
        stream_id=stream_id if stream_id and stream_id > 0 else vod_id,
        name=name,
        original_name=as_text(info.get("o_name") or info.get("original_name")),
        poster=as_image_url(info.get("movie_image")) or as_image_url(info.get("cover_big")),
        backdrops=as_image_urls(info.get("backdrop_path")),
        plot=as_text(info.get("plot") or info.get("description")),
        genre=as_text(info.get("genre")),
        cast=as_text(info.get("cast") or info.get("actors")),
        director=as_text(info.get("director")),
        rating=as_rating(info.get("rating")),
        duration_secs=as_duration(
            info.get("duration_secs"), info.get("duration"), info.get("episode_run_time")
        ),
        year=as_year(info.get("year"), released),
        release_date=released,
        tmdb_id=as_optional_text(info.get("tmdb_id")),
        trailer=trailer_url(info.get("youtube_trailer")),
        technical=parse_technical(info),
        movie_data=MovieData(
            stream_id=stream_id if stream_id and stream_id > 0 else vod_id,
            name=name,
            category_id=as_optional_text(movie.get("category_id")),
            added=as_timestamp(movie.get("added")),
            container_extension=clean_extension(movie.get("container_extension")),
        ),
    )


def _parse_series_summary(entry: dict[str, object], series_id: int) -> SeriesSummary:
    return SeriesSummary(
        series_id=series_id,
        name=text_or(entry.get("name"), f"Series {series_id}"),
        category_id=as_optional_text(entry.get("category_id")),
        poster=as_image_url(entry.get("cover")) or as_image_url(entry.get("stream_icon")),
        backdrops=as_image_urls(entry.get("backdrop_path")),
        plot=as_text(entry.get("plot") or entry.get("description")),
        genre=as_text(entry.get("genre")),
        cast=as_text(entry.get("cast") or entry.get("actors")),
        director=as_text(entry.get("director")),
        rating=as_rating(entry.get("rating")),
        # The release date is read only when "year" says nothing: most entries have one.
        year=as_year(entry.get("year")) or as_year(release_date(entry)),
        last_modified=as_timestamp(entry.get("last_modified")),
        tmdb_id=as_optional_text(entry.get("tmdb") or entry.get("tmdb_id")),
    )


def parse_series_list(data: object) -> list[SeriesSummary]:
    return _parse_list(data, "series list", series_entry)


def series_entry(raw: object) -> SeriesSummary | None:
    """One entry of ``get_series``; None when it has no usable id."""
    entry = as_dict(raw)
    series_id = _positive_id(entry.get("series_id"))
    return _parse_series_summary(entry, series_id) if series_id is not None else None


def _parse_list(data: object, what: str, parse: Callable[[object], T | None]) -> list[T]:
    items = (parse(raw) for raw in entries(data, what))
    return [item for item in items if item is not None]


def _positive_id(value: object) -> int | None:
    ident = as_int(value)
    return ident if ident is not None and ident > 0 else None


def parse_series_info(data: object, series_id: int) -> SeriesInfo:
    check_auth(data)
    response = as_dict(data)
    info = as_dict(response.get("info"))
    episodes = _parse_episodes(response.get("episodes"))
    if not info and not episodes:
        raise XtreamNotFound(f"The provider has no series with id {series_id}.")
    show = _parse_series_summary(info, series_id)
    return SeriesInfo(
        series_id=series_id,
        name=show.name,
        category_id=show.category_id,
        poster=show.poster,
        backdrops=show.backdrops,
        plot=show.plot,
        genre=show.genre,
        cast=show.cast,
        director=show.director,
        rating=show.rating,
        year=show.year,
        episode_run_time_secs=as_duration(None, None, info.get("episode_run_time")),
        tmdb_id=show.tmdb_id,
        seasons=_parse_seasons(response.get("seasons"), episodes),
        episodes=episodes,
        trailer=trailer_url(info.get("youtube_trailer")),
    )


def _parse_episodes(raw: object) -> tuple[Episode, ...]:
    # Either {"1": [...], "2": [...]} (season from the key) or [[...], [...]] (from the position).
    groups: list[tuple[int | None, object]]
    if isinstance(raw, dict):
        groups = [(as_int(key), value) for key, value in raw.items()]
    elif isinstance(raw, list):
        groups = []
        for index, value in enumerate(raw):
            if isinstance(value, dict):
                groups.append((None, [value]))  # a flat list of episodes
            else:
                groups.append((index + 1, value))
    else:
        return ()
    found: dict[str, Episode] = {}
    for season_hint, group in groups:
        for position, item in enumerate(as_list(group), start=1):
            episode = _parse_episode(item, season_hint, position)
            if episode is not None and episode.id not in found:
                found[episode.id] = episode
    return tuple(sorted(found.values(), key=lambda e: (e.season, e.episode_num, e.id)))


def _parse_episode(raw: object, season_hint: int | None, position: int) -> Episode | None:
    entry = as_dict(raw)
    episode_id = as_text(entry.get("id"))
    if not episode_id:
        return None
    info = as_dict(entry.get("info"))
    season = as_int(entry.get("season"))
    if season is None or season < 0:
        season = season_hint if season_hint is not None and season_hint >= 0 else 1
    episode_num = as_int(entry.get("episode_num"))
    if episode_num is None or episode_num < 0:
        episode_num = position
    return Episode(
        id=episode_id,
        episode_num=episode_num,
        season=season,
        title=text_or(entry.get("title"), f"Episode {episode_num}"),
        container_extension=clean_extension(entry.get("container_extension")) or "mp4",
        duration_secs=as_duration(
            info.get("duration_secs") or entry.get("duration_secs"),
            info.get("duration") or entry.get("duration"),
        ),
        plot=as_text(info.get("plot") or entry.get("plot")),
        image=as_image_url(info.get("movie_image")) or as_image_url(info.get("cover_big")),
        rating=as_rating(info.get("rating")),
        air_date=release_date(info),
        added=as_timestamp(entry.get("added")),
        technical=parse_technical(info),
    )


def _parse_seasons(raw: object, episodes: tuple[Episode, ...]) -> tuple[Season, ...]:
    # Only seasons with episodes are kept: panels list every TMDB season, aired or not.
    counts: dict[int, int] = {}
    for episode in episodes:
        counts[episode.season] = counts.get(episode.season, 0) + 1
    described: dict[int, dict[str, object]] = {}
    for item in as_list(raw):
        entry = as_dict(item)
        number = as_int(entry.get("season_number"))
        if number is not None and number not in described:
            described[number] = entry
    seasons = []
    for number in sorted(counts):
        entry = described.get(number, {})
        seasons.append(
            Season(
                season_number=number,
                name=text_or(entry.get("name"), f"Season {number}"),
                episode_count=counts[number],
                air_date=as_optional_text(entry.get("air_date")),
                overview=as_text(entry.get("overview")),
                cover=as_image_url(entry.get("cover_big")) or as_image_url(entry.get("cover")),
            )
        )
    return tuple(seasons)
