"""``FakeProvider``: a real HTTP server that behaves like an Xtream Codes panel.

It serves ``player_api.php`` from an in-memory ``Catalogue``, media files with deterministic
content (a real container header, then filler: they open as video) and full Range support,
and small SVG (or PNG) posters under ``/images/``. Tests drive it
through thread-safe control methods (faults, throttles, quirks, raw responses); ``python -m
vodarr.demo`` runs it as the demo provider for people without a subscription.

Wrong credentials get ``{"user_info": {"auth": 0}}`` (HTTP 200) from ``player_api.php``, as
real panels answer, and HTTP 403 on media URLs. A media URL whose extension differs from the
item's is a 404, so a client that guesses the extension wrong finds out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, replace
from typing import Any
from urllib.parse import quote

from vodarr.demo.catalogue import (
    DEFAULT_MEDIA_SIZE,
    Catalogue,
    FakeCategory,
    FakeEpisode,
    FakeMovie,
    FakeSeries,
    demo_catalogue,
    episode_id_for,
)
from vodarr.demo.media import media_content, normalize_kind
from vodarr.demo.panel import FakeAccount, Quirks
from vodarr.demo.server import ProviderServer
from vodarr.demo.state import Body, Override, ProviderState, item_prefix

EpisodeSpec = tuple[int, str] | tuple[int, str, int]

# The published demo credential, shown to people on purpose.
DEMO_PASSWORD = "demo-secret"


class FakeProvider:
    """An Xtream Codes panel on a loopback port. ``start()``/``stop()`` or use ``with``."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        username: str = "demo",
        password: str = DEMO_PASSWORD,
        catalogue: Catalogue | None = None,
        *,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        """Without ``catalogue`` the demo catalogue is served (throttled to 2 MiB/s); pass
        ``Catalogue()`` to start empty. ``sleep`` replaces the pause between throttled chunks.
        """
        self._state = ProviderState(
            username=username,
            password=password,
            catalogue=catalogue if catalogue is not None else demo_catalogue(),
            host=host,
            port=port,
            sleep=sleep,
        )
        self._server: ProviderServer | None = None

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeProvider:
        if self._server is None:
            self._state.stopping.clear()
            self._server = ProviderServer(self._state)
            self._state.port = self._server.port
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()

    def __enter__(self) -> FakeProvider:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host = self._state.host
        if host in ("", "0.0.0.0", "::"):  # noqa: S104 - naming the wildcard, not binding it
            host = "127.0.0.1"
        return f"http://{f'[{host}]' if ':' in host else host}:{self._state.port}"

    @property
    def port(self) -> int:
        return self._state.port

    @property
    def username(self) -> str:
        return self._state.username

    @property
    def password(self) -> str:
        return self._state.password

    @property
    def catalogue(self) -> Catalogue:
        return self._state.catalogue

    @property
    def quirks(self) -> Quirks:
        return self._state.quirks

    @property
    def account(self) -> FakeAccount:
        return self._state.account

    # --- catalogue control -------------------------------------------------------------------

    def add_category(self, kind: str, category_id: str | int, name: str) -> None:
        """Add or rename a ``"movie"`` or ``"series"`` category."""
        with self._state.lock:
            self._categories(kind)[str(category_id)] = FakeCategory(str(category_id), name)

    def add_movie(
        self,
        stream_id: int,
        name: str,
        *,
        size: int = DEFAULT_MEDIA_SIZE,
        ext: str = "mp4",
        category_id: str | int = "1",
        **details: Any,
    ) -> FakeMovie:
        """Add or replace a movie; ``details`` are other ``FakeMovie`` fields (year, rating…)."""
        movie = FakeMovie(stream_id, name, str(category_id), size=size, ext=ext, **details)
        with self._state.lock:
            self._ensure_category("movie", movie.category_id)
            self._state.catalogue.movies[stream_id] = movie
        return movie

    def remove_movie(self, stream_id: int) -> None:
        with self._state.lock:
            self._state.catalogue.movies.pop(stream_id, None)

    def add_series(
        self,
        series_id: int,
        name: str,
        seasons: Mapping[int, Sequence[EpisodeSpec]],
        *,
        category_id: str | int = "1",
        size: int = DEFAULT_MEDIA_SIZE,
        ext: str = "mp4",
        **details: Any,
    ) -> dict[tuple[int, int], int]:
        """Add or replace a show. ``seasons`` maps a season to ``(episode_num, title[, id])``.

        Returns the episode ids by ``(season, episode_num)``; without an explicit id an
        episode gets ``series_id * 1000 + season * 100 + episode_num``.
        """
        show = FakeSeries(series_id, name, str(category_id), **details)
        ids: dict[tuple[int, int], int] = {}
        for season, specs in seasons.items():
            for spec in specs:
                episode_num, title = spec[0], spec[1]
                episode_id = (
                    spec[2] if len(spec) == 3 else episode_id_for(series_id, season, episode_num)
                )
                show.episodes.append(
                    FakeEpisode(episode_id, season, episode_num, title, size=size, ext=ext)
                )
                ids[(season, episode_num)] = episode_id
        with self._state.lock:
            self._ensure_category("series", show.category_id)
            self._state.catalogue.series[series_id] = show
        return ids

    def remove_series(self, series_id: int) -> None:
        with self._state.lock:
            self._state.catalogue.series.pop(series_id, None)

    def add_episode(
        self,
        series_id: int,
        season: int,
        episode_num: int,
        title: str,
        *,
        episode_id: int | None = None,
        size: int = DEFAULT_MEDIA_SIZE,
        ext: str = "mp4",
    ) -> int:
        """A new episode of a running show appears (replacing one with the same number).

        Returns its id (``series_id * 1000 + season * 100 + episode_num`` unless given).
        """
        episode_id = episode_id or episode_id_for(series_id, season, episode_num)
        episode = FakeEpisode(episode_id, season, episode_num, title, size=size, ext=ext)
        with self._state.lock:
            show = self._state.catalogue.series.get(series_id)
            if show is None:
                raise KeyError(f"no series with id {series_id}")
            show.episodes = [
                e for e in show.episodes if (e.season, e.episode_num) != (season, episode_num)
            ]
            show.episodes.append(episode)
        return episode_id

    def remove_episode(self, series_id: int, season: int, episode_num: int) -> None:
        """The provider stops listing an episode (and its media URL answers 404)."""
        with self._state.lock:
            show = self._state.catalogue.series.get(series_id)
            if show is not None:
                show.episodes = [
                    e for e in show.episodes if (e.season, e.episode_num) != (season, episode_num)
                ]

    def set_quirks(self, **flags: Any) -> Quirks:
        """Switch real-panel quirks on or off, e.g. ``set_quirks(episodes_as_list=True)``."""
        with self._state.lock:
            self._state.quirks = replace(self._state.quirks, **flags)
            return self._state.quirks

    def set_account(self, **values: Any) -> FakeAccount:
        """Change the account: ``auth``, ``status``, ``exp_date``, ``max_connections``…"""
        unknown = set(values) - {f.name for f in fields(FakeAccount)}
        if unknown:
            raise TypeError(f"unknown account fields: {sorted(unknown)}")
        with self._state.lock:
            self._state.account = replace(self._state.account, **values)
            return self._state.account

    def set_api_response(
        self, action: str | None, body: Any, *, status: int = 200, times: int | None = None
    ) -> None:
        """Answer ``action`` (None: the account check) with ``body``, ``times`` times or forever.

        ``body`` is JSON-encoded unless it is ``str`` or ``bytes``, which are sent verbatim
        (for malformed JSON, HTML error pages, empty bodies).
        """
        with self._state.lock:
            self._state.overrides[action or ""] = Override(body, status, times)

    def clear_api_responses(self) -> None:
        with self._state.lock:
            self._state.overrides.clear()

    # --- fault control -----------------------------------------------------------------------

    def set_throttle(self, kind: str, media_id: int, bytes_per_sec: int | None) -> None:
        """Limit one item's transfer rate; None removes any limit, even a catalogue default."""
        with self._state.lock:
            self._state.throttles[(normalize_kind(kind), media_id)] = bytes_per_sec

    def fail_next(self, kind: str, media_id: int, count: int = 1, status: int = 503) -> None:
        """Answer the next ``count`` requests for an item with ``status``, then serve again."""
        with self._state.lock:
            self._state.failures[(normalize_kind(kind), media_id)] = (count, status)

    def drop_after(self, kind: str, media_id: int, nbytes: int, times: int = 1) -> None:
        """For the next ``times`` GETs, close the connection after ``nbytes`` of the body."""
        with self._state.lock:
            self._state.drops[(normalize_kind(kind), media_id)] = (nbytes, times)

    def serve_body(
        self,
        kind: str,
        media_id: int,
        body: bytes,
        *,
        times: int | None = None,
        content_type: str = "text/plain",
    ) -> None:
        """Answer this item's media URL with HTTP 200 and ``body``, ``times`` times or until
        ``reset_faults``: what panels do instead of the film (a short text reply, a body cut
        short, something else entirely) — or, with real media bytes, a file made in a test."""
        with self._state.lock:
            self._state.bodies[(normalize_kind(kind), media_id)] = Body(body, content_type, times)

    def not_found_forever(self, kind: str, media_id: int) -> None:
        """Answer 404 for this item's media from now on (the catalogue still lists it)."""
        with self._state.lock:
            self._state.gone.add((normalize_kind(kind), media_id))

    def fail_next_api(self, count: int = 1, status: int = 503, action: str | None = None) -> None:
        """Answer the next ``count`` API calls (only ``action`` if given) with ``status``."""
        with self._state.lock:
            self._state.api_failures = (count, status, action)

    def stop_responding(self) -> None:
        """Accept connections but answer nothing until ``resume()`` (for timeout tests)."""
        self._state.responding.clear()

    def resume(self) -> None:
        self._state.responding.set()

    def reset_faults(self) -> None:
        """Forget throttles, failures, drops, 404s, API failures and raw responses."""
        with self._state.lock:
            state = self._state
            state.throttles.clear()
            state.failures.clear()
            state.drops.clear()
            state.gone.clear()
            state.overrides.clear()
            state.bodies.clear()
            state.api_failures = (0, 503, None)
        self.resume()

    # --- observation -------------------------------------------------------------------------

    @property
    def request_log(self) -> list[str]:
        """Every request path with its query, credentials included: for assertions only."""
        with self._state.lock:
            return list(self._state.log)

    def hits(self, kind: str, media_id: int) -> int:
        """How many media requests (GET and HEAD) reached one item."""
        with self._state.lock:
            return self._state.hits[(normalize_kind(kind), media_id)]

    def api_calls(self, action: str | None = None) -> int:
        """``player_api.php`` calls for ``action`` ("" is the account check); None counts all."""
        with self._state.lock:
            calls = self._state.api_calls
            return calls.total() if action is None else calls[action]

    def image_hits(self, filename: str) -> int:
        """How many requests reached one image (``"1.png"``, ``"10-wide.png"``…)."""
        with self._state.lock:
            return self._state.image_hits[filename]

    def media_size(self, kind: str, media_id: int) -> int:
        return self._item(normalize_kind(kind), media_id).size

    def expected_bytes(self, kind: str, media_id: int) -> bytes:
        """The exact content a complete download of the item must have."""
        kind = normalize_kind(kind)
        item = self._item(kind, media_id)
        return media_content(kind, media_id, 0, item.size, item_prefix(item))

    def media_url(self, kind: str, media_id: int) -> str:
        """The authenticated media URL of an item, as a client would build it."""
        kind = normalize_kind(kind)
        item = self._item(kind, media_id)
        word = "movie" if kind == "movie" else "series"
        user, password = quote(self.username, safe=""), quote(self.password, safe="")
        return f"{self.base_url}/{word}/{user}/{password}/{media_id}.{item.ext}"

    # --- helpers -----------------------------------------------------------------------------

    def _categories(self, kind: str) -> dict[str, FakeCategory]:
        if kind == "movie":
            return self._state.catalogue.movie_categories
        if kind == "series":
            return self._state.catalogue.series_categories
        raise ValueError(f"kind must be 'movie' or 'series', not {kind!r}")

    def _ensure_category(self, kind: str, category_id: str) -> None:
        categories = self._categories(kind)
        if category_id not in categories:
            categories[category_id] = FakeCategory(category_id, f"Category {category_id}")

    def _item(self, kind: str, media_id: int) -> FakeMovie | FakeEpisode:
        with self._state.lock:
            item = self._state.catalogue.media(kind, media_id)
        if item is None:
            raise KeyError(f"no {kind} with id {media_id}")
        return item


def demo_provider(
    host: str = "127.0.0.1", port: int = 0, *, throttle: bool = True, **kwargs: Any
) -> FakeProvider:
    """An unstarted provider serving the demo catalogue; ``throttle=False`` for full speed."""
    catalogue = demo_catalogue()
    if not throttle:
        for movie in catalogue.movies.values():
            movie.bytes_per_sec = None
        for show in catalogue.series.values():
            for episode in show.episodes:
                episode.bytes_per_sec = None
    return FakeProvider(host, port, catalogue=catalogue, **kwargs)
