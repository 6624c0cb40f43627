"""``XtreamClient``: the one chokepoint for every call to a provider's ``player_api.php``.

One pooled ``httpx.Client`` with a timeout and a User-Agent; every failure becomes an
``XtreamError`` whose message names the provider by host only. The password travels in the
query string, so httpx's own request log lines are passed through a redacting filter that is
installed once, on import (``transport.py``). Bodies are read into a spooled temporary file:
small answers are decoded with ``json``, the two big lists are handed out as ``Listing``s
that parse one entry at a time (``stream.py``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from typing import IO, Any, TypeVar

import httpx

from vodarr.integrations.connecting import connect_reason
from vodarr.integrations.redact import redact_text, redact_url
from vodarr.integrations.xtream import parsing, urls
from vodarr.integrations.xtream.errors import (
    XtreamAuthError,
    XtreamError,
    XtreamNotFound,
    XtreamUnreachable,
)
from vodarr.integrations.xtream.models import (
    AccountInfo,
    Category,
    SeriesInfo,
    SeriesSummary,
    VodInfo,
    VodStream,
)
from vodarr.integrations.xtream.stream import Listing
from vodarr.integrations.xtream.transport import log_filter, tls_context
from vodarr.turns import waiting_on_network

logger = logging.getLogger(__name__)

T = TypeVar("T")
E = TypeVar("E", bound=XtreamError)

_MAX_CACHE_ENTRIES = 512
# Bodies up to this size stay in memory; a big provider's lists go to a temporary file.
_SPOOL_IN_MEMORY = 1024 * 1024


class XtreamClient:
    """A synchronous client for one provider account. Thread-safe; use as a context manager."""

    def __init__(
        self,
        base_url: str,
        username: str,
        password: str,
        *,
        user_agent: str = "Vodarr/0.1",
        timeout: float = 15.0,
        cache_ttl: float = 60.0,
        transport: httpx.BaseTransport | None = None,
        spool_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        """``spool_dir`` holds the bodies too big for memory (default: the system's temp
        folder, which may itself be memory: tmpfs)."""
        self.base_url = urls.normalize_base_url(base_url)
        self.username = username
        self._password = password
        self._secrets = tuple(s for s in (password, username) if s)
        log_filter.remember(password)
        self._display = redact_url(self.base_url)
        self._api_url = urls.player_api_url(self.base_url)
        self._cache_ttl = cache_ttl
        self._spool_dir = os.fspath(spool_dir) if spool_dir is not None else None
        self._cache: dict[tuple[str, int], tuple[float, object]] = {}
        self._cache_lock = threading.Lock()
        self._http = httpx.Client(
            timeout=timeout,
            headers={"User-Agent": user_agent, "Accept": "application/json"},
            transport=transport,
            verify=tls_context(),
            # Panels behind load balancers redirect player_api.php to another host.
            follow_redirects=True,
        )

    def __repr__(self) -> str:
        return f"XtreamClient({self._display!r}, username=***)"

    def __enter__(self) -> XtreamClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # --- player_api.php ----------------------------------------------------------------------

    def account(self) -> AccountInfo:
        """Log in: raises ``XtreamAuthError`` if the provider refuses the credentials."""
        return self._parse(parsing.parse_account, self._call(None))

    def vod_categories(self) -> list[Category]:
        return self._parse(parsing.parse_categories, self._call("get_vod_categories"))

    def vod_streams(self, category_id: str | int | None = None) -> list[VodStream]:
        with self.vod_stream_listing(category_id) as listing:
            return list(listing)

    def vod_stream_listing(self, category_id: str | int | None = None) -> Listing[VodStream]:
        """Every movie: fetched whole now, parsed one entry at a time as it is iterated.

        Fetch errors raise here; a body that turns out not to be JSON raises while iterating.
        """
        return self._listing(
            "get_vod_streams", _category(category_id), parsing.vod_stream_entry, "movie list"
        )

    def vod_info(self, vod_id: int | str, *, fresh: bool = False) -> VodInfo:
        """One movie's details; cached for ``cache_ttl`` seconds (``fresh``: as series_info)."""
        ident = _require_id(vod_id, "movie")
        return self._cached(
            ("vod", ident),
            lambda: self._parse(
                lambda data: parsing.parse_vod_info(data, ident),
                self._call("get_vod_info", {"vod_id": str(ident)}),
            ),
            fresh=fresh,
        )

    def series_categories(self) -> list[Category]:
        return self._parse(parsing.parse_categories, self._call("get_series_categories"))

    def series(self, category_id: str | int | None = None) -> list[SeriesSummary]:
        with self.series_listing(category_id) as listing:
            return list(listing)

    def series_listing(self, category_id: str | int | None = None) -> Listing[SeriesSummary]:
        """Every series, like ``vod_stream_listing``."""
        return self._listing(
            "get_series", _category(category_id), parsing.series_entry, "series list"
        )

    def series_info(self, series_id: int | str, *, fresh: bool = False) -> SeriesInfo:
        """One show with its seasons and episodes; cached for ``cache_ttl`` seconds.

        ``fresh`` asks the provider even when the cache holds the show (a scan for new
        episodes), and caches the answer for the calls that follow.
        """
        ident = _require_id(series_id, "series")
        return self._cached(
            ("series", ident),
            lambda: self._parse(
                lambda data: parsing.parse_series_info(data, ident),
                self._call("get_series_info", {"series_id": str(ident)}),
            ),
            fresh=fresh,
        )

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()

    # --- media -------------------------------------------------------------------------------

    def movie_extension(self, stream_id: int | str, known: str | None = None) -> str:
        """The container extension to download a movie with.

        ``known`` (usually the list's ``container_extension``) wins; otherwise the movie's
        ``movie_data`` is asked; "mp4" is the last resort, also when the provider does not
        know the movie, because most panels serve any movie under ``.mp4``.
        """
        extension = urls.clean_extension(known)
        if extension:
            return extension
        try:
            extension = self.vod_info(stream_id).movie_data.container_extension
        except XtreamNotFound:
            extension = None
        return extension or "mp4"

    def movie_url(self, stream_id: int | str, ext: str) -> str:
        """The media URL for a movie. It holds the password: give it to aria2, never log it."""
        return urls.movie_url(self.base_url, self.username, self._password, stream_id, ext)

    def episode_url(self, episode_id: int | str, ext: str) -> str:
        """The media URL for an episode. It holds the password: give it to aria2, never log it."""
        return urls.episode_url(self.base_url, self.username, self._password, episode_id, ext)

    # --- plumbing ----------------------------------------------------------------------------

    def _call(self, action: str | None, params: dict[str, str] | None = None) -> object:
        """One small answer (account, categories, details), decoded whole."""
        with self._request(action, params) as body:
            try:
                data: object = json.load(body)
            except ValueError:
                raise self._not_json(action) from None
        return data

    def _listing(
        self,
        action: str,
        params: dict[str, str],
        parse: Callable[[object], T | None],
        what: str,
    ) -> Listing[T]:
        # Parsing errors carry fixed sentences (never provider text), so need no redaction.
        return Listing(self._request(action, params), parse, what, lambda: self._not_json(action))

    def _request(self, action: str | None, params: dict[str, str] | None = None) -> IO[bytes]:
        """The body of a successful ``player_api.php`` call, in a file positioned at 0."""
        what = action or "the account check"
        query = {"username": self.username, "password": self._password}
        if action:
            query["action"] = action
        query.update(params or {})
        started = time.monotonic()
        body = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - returned to the caller
            max_size=_SPOOL_IN_MEMORY, dir=self._spool_dir
        )
        try:
            with (
                waiting_on_network(),  # a page thread's turn goes to another page meanwhile
                self._transport_errors(),
                self._http.stream("GET", self._api_url, params=query) as response,
            ):
                self._check_status(response.status_code, what)
                blank = True
                for chunk in response.iter_bytes():
                    body.write(chunk)
                    blank = blank and not chunk.strip()
            if blank:
                raise self._fault(
                    XtreamError, f"The provider sent an empty response to {what}.", False
                )
        except BaseException:
            body.close()
            raise
        logger.debug(
            "Xtream %s at %s: HTTP %s, %d bytes in %.0f ms",
            action or "account",
            self._display,
            response.status_code,
            body.tell(),
            (time.monotonic() - started) * 1000,
        )
        body.seek(0)
        return body

    @contextlib.contextmanager
    def _transport_errors(self) -> Iterator[None]:
        """Turns httpx's failures, while connecting or while reading, into ``XtreamError``s."""
        try:
            yield
        except httpx.TooManyRedirects:
            raise self._fault(XtreamError, "The provider redirects in a loop.", True) from None
        except httpx.TimeoutException as exc:
            raise self._unreachable("timed out") from exc
        except httpx.ConnectError as exc:
            raise self._unreachable(connect_reason(str(exc)) or "connection failed") from exc
        except httpx.HTTPError as exc:
            # httpx's own text may name hosts: only administrators and the log see it.
            failure = self._unreachable(f"the connection failed: {type(exc).__name__}")
            failure.detail = self._safe(f"{failure.detail[:-1]}: {exc}.")
            raise failure from exc

    def _check_status(self, status: int, what: str) -> None:
        if status in (401, 403):
            raise XtreamAuthError()
        if status == 404:
            raise self._fault(
                XtreamError,
                "The provider has no player_api.php (HTTP 404); check the server URL.",
                True,
            )
        if status == 429 or status >= 500:
            raise self._fault(XtreamError, f"The provider answered HTTP {status} to {what}.", False)
        if status >= 400 or status < 200:
            raise self._fault(XtreamError, f"The provider answered HTTP {status} to {what}.", True)

    def _not_json(self, action: str | None) -> XtreamError:
        # Overloaded panels answer with PHP warnings or an HTML page: worth retrying.
        what = action or "the account check"
        return self._fault(
            XtreamError, f"The provider sent a response to {what} that is not JSON.", False
        )

    def _parse(self, parser: Callable[[Any], T], data: object) -> T:
        try:
            return parser(data)
        except XtreamError as exc:
            exc.message = self._safe(exc.message)
            exc.detail = self._safe(exc.detail)
            exc.args = (exc.message,)
            raise

    def _cached(self, key: tuple[str, int], load: Callable[[], T], *, fresh: bool = False) -> T:
        if self._cache_ttl <= 0:
            return load()
        now = time.monotonic()
        with self._cache_lock:
            hit = None if fresh else self._cache.get(key)
            if hit is not None and hit[0] > now:
                return hit[1]  # type: ignore[return-value]
        value = load()
        with self._cache_lock:
            if len(self._cache) >= _MAX_CACHE_ENTRIES:
                self._cache = {k: v for k, v in self._cache.items() if v[0] > now}
                while len(self._cache) >= _MAX_CACHE_ENTRIES:
                    del self._cache[next(iter(self._cache))]
            self._cache[key] = (now + self._cache_ttl, value)
        return value

    def _unreachable(self, reason: str) -> XtreamUnreachable:
        return self._fault(XtreamUnreachable, f"The provider is not reachable ({reason}).")

    def _fault(self, kind: type[E], sentence: str, permanent: bool | None = None) -> E:
        """``sentence`` says "The provider"; its ``detail`` names the provider by host."""
        detail = sentence.replace("The provider", f"The provider at {self._display}", 1)
        return kind(self._safe(sentence), permanent=permanent, detail=self._safe(detail))

    def _safe(self, text: str) -> str:
        return redact_text(text, secrets=self._secrets)


def _category(category_id: str | int | None) -> dict[str, str]:
    return {} if category_id in (None, "") else {"category_id": str(category_id)}


def _require_id(value: int | str, what: str) -> int:
    ident = parsing.as_int(value)
    if ident is None or ident <= 0:
        raise XtreamNotFound(f"{str(value)[:40]!r} is not a valid {what} id.")
    return ident
