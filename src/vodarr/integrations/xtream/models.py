"""Typed, frozen views of what an Xtream Codes provider says about an account and its library.

Everything here is already cleaned up by ``parsing``: ids are ints (movies, series) or
strings (categories, episodes, as providers use them in URLs), numbers are numbers or None,
text is stripped, image fields hold only http(s) URLs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class UserInfo:
    """The ``user_info`` block: who we are logged in as and what the line allows."""

    username: str
    auth: bool
    status: str
    exp_date: datetime | None
    max_connections: int | None
    active_cons: int
    is_trial: bool
    created_at: datetime | None = None
    message: str = ""
    allowed_output_formats: tuple[str, ...] = ()

    @property
    def is_active(self) -> bool:
        return self.auth and self.status.lower() in ("active", "")


@dataclass(frozen=True)
class ServerInfo:
    """The ``server_info`` block: how the panel describes itself."""

    url: str = ""
    port: int | None = None
    https_port: int | None = None
    server_protocol: str = ""
    timezone: str = ""
    timestamp_now: datetime | None = None


@dataclass(frozen=True)
class AccountInfo:
    """The answer to ``player_api.php`` without an action."""

    user_info: UserInfo
    server_info: ServerInfo


@dataclass(frozen=True)
class Category:
    """A movie or series category."""

    id: str
    name: str
    parent_id: str | None = None


@dataclass(frozen=True)
class VodStream:
    """One movie in ``get_vod_streams``: enough for a browse page."""

    stream_id: int
    name: str
    category_id: str | None
    poster: str | None
    rating: float | None
    year: int | None
    added: datetime | None
    container_extension: str | None
    plot: str = ""
    genre: str = ""
    tmdb_id: str | None = None


@dataclass(frozen=True)
class TechnicalDetails:
    """What the panel's own probe of a file says (``info.video``/``audio``/``bitrate``).

    Every field is optional: panels send some, all, or none of them.
    """

    width: int | None = None
    height: int | None = None
    video_codec: str = ""  # "h264", "hevc"…
    video_profile: str = ""  # "High", "Main 10"…
    frame_rate: float | None = None
    hdr: str = ""  # "HDR10", "HLG", "" for SDR or unknown
    audio_codec: str = ""  # "aac", "eac3"…
    audio_channels: int | None = None
    audio_layout: str = ""  # "stereo", "5.1(side)"…
    audio_language: str = ""
    bitrate_kbps: int | None = None


@dataclass(frozen=True)
class MovieData:
    """The ``movie_data`` block of ``get_vod_info``: the stream itself."""

    stream_id: int
    name: str
    category_id: str | None
    added: datetime | None
    container_extension: str | None


@dataclass(frozen=True)
class VodInfo:
    """``get_vod_info``: the detail page of one movie."""

    stream_id: int
    name: str
    original_name: str
    poster: str | None
    backdrops: tuple[str, ...]
    plot: str
    genre: str
    cast: str
    director: str
    rating: float | None
    duration_secs: int | None
    year: int | None
    release_date: str | None
    tmdb_id: str | None
    trailer: str | None
    movie_data: MovieData
    technical: TechnicalDetails | None = None

    @property
    def backdrop(self) -> str | None:
        return self.backdrops[0] if self.backdrops else None

    @property
    def category_id(self) -> str | None:
        return self.movie_data.category_id

    @property
    def added(self) -> datetime | None:
        return self.movie_data.added

    @property
    def container_extension(self) -> str | None:
        return self.movie_data.container_extension


@dataclass(frozen=True)
class SeriesSummary:
    """One show in ``get_series``: enough for a browse page."""

    series_id: int
    name: str
    category_id: str | None
    poster: str | None
    backdrops: tuple[str, ...]
    plot: str
    genre: str
    cast: str
    director: str
    rating: float | None
    year: int | None
    last_modified: datetime | None
    tmdb_id: str | None = None

    @property
    def backdrop(self) -> str | None:
        return self.backdrops[0] if self.backdrops else None


@dataclass(frozen=True)
class Episode:
    """One episode. ``id`` goes into the media URL; ``season``/``episode_num`` are for people."""

    id: str
    episode_num: int
    season: int
    title: str
    container_extension: str
    duration_secs: int | None
    plot: str
    image: str | None
    rating: float | None = None
    air_date: str | None = None
    added: datetime | None = None
    technical: TechnicalDetails | None = None


@dataclass(frozen=True)
class Season:
    """A season that has at least one episode on the provider."""

    season_number: int
    name: str
    episode_count: int
    air_date: str | None = None
    overview: str = ""
    cover: str | None = None


@dataclass(frozen=True)
class SeriesInfo:
    """``get_series_info``: the detail page of one show with its seasons and episodes."""

    series_id: int
    name: str
    category_id: str | None
    poster: str | None
    backdrops: tuple[str, ...]
    plot: str
    genre: str
    cast: str
    director: str
    rating: float | None
    year: int | None
    episode_run_time_secs: int | None
    tmdb_id: str | None = None
    seasons: tuple[Season, ...] = field(default_factory=tuple)
    trailer: str | None = None
    # Sorted by (season, episode_num); ids are unique.
    episodes: tuple[Episode, ...] = field(default_factory=tuple)

    @property
    def backdrop(self) -> str | None:
        return self.backdrops[0] if self.backdrops else None

    def find_episode(self, season: int, episode_num: int) -> Episode | None:
        for episode in self.episodes:
            if episode.season == season and episode.episode_num == episode_num:
                return episode
        return None

    def episode_by_id(self, episode_id: str | int) -> Episode | None:
        wanted = str(episode_id).strip()
        for episode in self.episodes:
            if episode.id == wanted:
                return episode
        return None

    def episodes_in(self, season: int) -> tuple[Episode, ...]:
        return tuple(e for e in self.episodes if e.season == season)
