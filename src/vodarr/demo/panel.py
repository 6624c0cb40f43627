"""The JSON a fake Xtream Codes panel answers ``player_api.php`` with, quirks included.

Shapes follow what XUI/Xtream-UI panels send (ids as ints, numbers as strings, ``added`` as a
unix-timestamp string). ``Quirks`` switches on the variations other panels are known for, so
tests can check that the client copes with each of them through a real HTTP round trip.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from vodarr.demo.catalogue import Catalogue, FakeCategory, FakeEpisode, FakeMovie, FakeSeries


@dataclass
class Quirks:
    """Real-panel variations; all off means the common XUI shape."""

    ids_as_strings: bool = False  # "stream_id": "12" instead of 12
    rating_as_number: bool = False  # "rating": 7.5 instead of "7.5"
    info_as_list: bool = False  # "info": [] in get_vod_info / get_series_info
    episodes_as_list: bool = False  # "episodes": [[…season 1…], […season 2…]]
    omit_seasons: bool = False  # "seasons": []
    backdrop_as_string: bool = False  # "backdrop_path": "http://…" instead of a list
    omit_list_extension: bool = False  # no container_extension in get_vod_streams
    omit_movie_data_extension: bool = False  # nor in get_vod_info's movie_data
    release_date_key: str = "releasedate"  # some panels say "releaseDate"
    padded_names: bool = False  # "  Nosferatu \n"
    empty_strings: bool = False  # "" instead of absent numbers (rating, year, duration)
    png_images: bool = False  # posters as PNG (what most panels serve) instead of SVG


@dataclass(frozen=True)
class EntryStream:
    """A list response encoded one entry at a time while it is sent.

    A big catalogue's ``get_vod_streams`` is ~100 MB of JSON: building it whole (a dict per
    entry, then one string) would cost the fake provider seconds and gigabytes before the
    first byte. ``items`` is a snapshot taken under the provider's lock.
    """

    items: list[Any]
    render: Callable[[Any, int], dict[str, Any]]

    def chunks(self, size: int = 64 * 1024) -> Iterator[bytes]:
        parts: list[str] = ["["]
        length = 1
        for num, item in enumerate(self.items, start=1):
            part = ("," if num > 1 else "") + json.dumps(self.render(item, num))
            parts.append(part)
            length += len(part)
            if length >= size:
                yield "".join(parts).encode()
                parts, length = [], 0
        parts.append("]")
        yield "".join(parts).encode()


@dataclass
class FakeAccount:
    auth: int = 1
    status: str = "Active"
    exp_date: int | None = 4_102_444_800  # 2100-01-01
    max_connections: int = 2
    active_cons: int = 0
    is_trial: bool = False
    created_at: int = 1_600_000_000


class Panel:
    """Builds responses from a catalogue; ``base`` is the absolute URL images are served under."""

    def __init__(self, catalogue: Catalogue, quirks: Quirks, base: str) -> None:
        self.catalogue = catalogue
        self.q = quirks
        self.base = base

    def respond(self, action: str, params: dict[str, str]) -> Any:
        if action == "get_vod_categories":
            return self._categories(self.catalogue.movie_categories)
        if action == "get_series_categories":
            return self._categories(self.catalogue.series_categories)
        if action == "get_vod_streams":
            wanted = params.get("category_id")
            return EntryStream(_in(self.catalogue.movies.values(), wanted), self._stream)
        if action == "get_series":
            wanted = params.get("category_id")
            return EntryStream(_in(self.catalogue.series.values(), wanted), self._show)
        if action == "get_vod_info":
            return self._vod_info(_int(params.get("vod_id")))
        if action == "get_series_info":
            return self._series_info(_int(params.get("series_id")))
        return []  # what XUI answers to an unknown action

    # --- pieces ------------------------------------------------------------------------------

    def _id(self, value: int) -> int | str:
        return str(value) if self.q.ids_as_strings else value

    def _name(self, name: str) -> str:
        return f"  {name} \n" if self.q.padded_names else name

    def _number(self, value: float | int | None) -> Any:
        if value is None:
            return "" if self.q.empty_strings else None
        if isinstance(value, float) and self.q.rating_as_number:
            return value
        return str(value)

    def _image(self, kind: str, media_id: int, *, wide: bool = False) -> str:
        ext = "png" if self.q.png_images else "svg"
        return f"{self.base}/images/{kind}/{media_id}{'-wide' if wide else ''}.{ext}"

    def _backdrop(self, kind: str, media_id: int) -> Any:
        url = self._image(kind, media_id, wide=True)
        return url if self.q.backdrop_as_string else [url]

    def _release(self, year: int | None) -> dict[str, str]:
        if year is None:
            return {self.q.release_date_key: ""} if self.q.empty_strings else {}
        return {self.q.release_date_key: f"{year}-01-01"}

    def _categories(self, categories: dict[str, FakeCategory]) -> list[dict[str, Any]]:
        return [
            {"category_id": c.id, "category_name": self._name(c.name), "parent_id": 0}
            for c in categories.values()
        ]

    def _stream(self, movie: FakeMovie, num: int) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "num": num,
            "name": self._name(movie.name),
            "stream_type": "movie",
            "stream_id": self._id(movie.stream_id),
            "stream_icon": self._image("movie", movie.stream_id),
            "rating": self._number(movie.rating),
            "rating_5based": round(movie.rating / 2, 1) if movie.rating else 0,
            "added": str(movie.added),
            "category_id": movie.category_id,
            "year": self._number(movie.year),
            "tmdb": movie.tmdb_id or "",
            "custom_sid": "",
            "direct_source": "",
        }
        if not self.q.omit_list_extension:
            entry["container_extension"] = movie.ext
        return entry

    def _vod_info(self, vod_id: int | None) -> Any:
        movie = self.catalogue.movies.get(vod_id) if vod_id is not None else None
        if movie is None:
            return {"info": [], "movie_data": []}
        info: dict[str, Any] = {
            "movie_image": self._image("movie", movie.stream_id),
            "backdrop_path": self._backdrop("movie", movie.stream_id),
            "tmdb_id": movie.tmdb_id or "",
            "name": self._name(movie.name),
            "o_name": movie.name,
            "plot": movie.plot,
            "cast": movie.cast,
            "director": movie.director,
            "genre": movie.genre,
            "duration_secs": movie.duration_secs if movie.duration_secs else self._number(None),
            "duration": _clock(movie.duration_secs),
            "rating": self._number(movie.rating),
            "youtube_trailer": movie.trailer,
            **self._release(movie.year),
            **movie.probe,
        }
        movie_data: dict[str, Any] = {
            "stream_id": self._id(movie.stream_id),
            "name": self._name(movie.name),
            "added": str(movie.added),
            "category_id": movie.category_id,
            "custom_sid": "",
            "direct_source": "",
        }
        if not self.q.omit_movie_data_extension:
            movie_data["container_extension"] = movie.ext
        return {"info": [] if self.q.info_as_list else info, "movie_data": movie_data}

    def _show(self, show: FakeSeries, num: int) -> dict[str, Any]:
        return {
            "num": num,
            "name": self._name(show.name),
            "series_id": self._id(show.series_id),
            "cover": self._image("series", show.series_id),
            "plot": show.plot,
            "cast": show.cast,
            "director": show.director,
            "genre": show.genre,
            "last_modified": str(max((e.added for e in show.episodes), default=0)),
            "rating": self._number(show.rating),
            "backdrop_path": self._backdrop("series", show.series_id),
            "youtube_trailer": show.trailer,
            "episode_run_time": "45",
            "category_id": show.category_id,
            "tmdb": show.tmdb_id or "",
            **self._release(show.year),
        }

    def _series_info(self, series_id: int | None) -> Any:
        show = self.catalogue.series.get(series_id) if series_id is not None else None
        if show is None:
            return {"seasons": [], "info": [], "episodes": []}
        grouped = show.seasons()
        seasons = [
            {
                "air_date": f"{show.year or 2000}-01-01",
                "episode_count": len(episodes),
                "id": show.series_id * 100 + number,
                "name": f"Season {number}",
                "overview": "",
                "season_number": number,
                "cover": self._image("series", show.series_id),
                "cover_big": self._image("series", show.series_id),
            }
            for number, episodes in grouped.items()
        ]
        by_season = {
            str(number): [self._episode(show, e) for e in episodes]
            for number, episodes in grouped.items()
        }
        return {
            "seasons": [] if self.q.omit_seasons else seasons,
            "info": [] if self.q.info_as_list else self._show(show, 1),
            "episodes": list(by_season.values()) if self.q.episodes_as_list else by_season,
        }

    def _episode(self, show: FakeSeries, episode: FakeEpisode) -> dict[str, Any]:
        return {
            "id": str(episode.id),
            "episode_num": self._id(episode.episode_num),
            "title": self._name(
                f"{show.name} - S{episode.season:02d}E{episode.episode_num:02d} - {episode.title}"
            ),
            "container_extension": episode.ext,
            "info": {
                "movie_image": self._image("episode", episode.id, wide=True),
                "plot": episode.plot,
                "duration_secs": episode.duration_secs or self._number(None),
                "duration": _clock(episode.duration_secs),
                "rating": self._number(None),
                **self._release(show.year),
                **episode.probe,
            },
            "custom_sid": "",
            "added": str(episode.added),
            "season": episode.season,
            "direct_source": "",
        }


def _in(items: Any, category_id: str | None) -> list[Any]:
    return [i for i in items if not category_id or i.category_id == category_id]


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isascii() and value.isdigit() else None


def _clock(seconds: int | None) -> str:
    if not seconds:
        return ""
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
