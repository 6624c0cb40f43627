"""The HTTP side of the fake provider: the request handler and the server thread.

Handlers snapshot what they need of ``ProviderState`` (state.py) under its lock and stream
bytes outside it, so a throttled download never blocks the control API or other requests.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote

from vodarr.demo.catalogue import Catalogue
from vodarr.demo.media import (
    RangeNotSatisfiable,
    content_type,
    media_content,
    parse_range,
    poster_png,
    poster_svg,
)
from vodarr.demo.panel import EntryStream, Panel
from vodarr.demo.state import Key, ProviderState, item_prefix

_CHUNK = 64 * 1024


class ProviderServer:
    """A ThreadingHTTPServer in a daemon thread that can be stopped mid-transfer."""

    def __init__(self, state: ProviderState) -> None:
        self.state = state
        server_class = _Server6 if ":" in state.host else _Server
        self._httpd = server_class((state.host, state.port), _Handler)
        self._httpd.state = state
        self._httpd.connections = set()
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.02},
            name=f"fake-provider-{self.port}",
            daemon=True,
        )
        self._thread.start()

    def close(self) -> None:
        self.state.stopping.set()
        self.state.responding.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        # Keep-alive connections would otherwise go on being served by their threads.
        with self.state.lock:
            connections = list(self._httpd.connections)
            self._httpd.connections.clear()
        for conn in connections:
            _shutdown(conn)
        self._thread.join(timeout=5)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    state: ProviderState
    connections: set[socket.socket]

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up (aria2 stopping a transfer, a test's connection closed) is not
        # an error; socketserver would print its trace to stderr, into the test's output.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "FakeXtream/1.0"
    timeout = 30  # idle keep-alive connections end on their own
    # Headers and body go out in separate writes; with Nagle on, keep-alive requests stall
    # ~40 ms on the client's delayed ACK.
    disable_nagle_algorithm = True

    def setup(self) -> None:
        super().setup()
        with self.server.state.lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.state.lock:
            self.server.connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: request lines carry the credentials, and tests want quiet output."""

    def do_GET(self) -> None:
        self._dispatch(head=False)

    def do_HEAD(self) -> None:
        self._dispatch(head=True)

    # --- routing -----------------------------------------------------------------------------

    def _dispatch(self, head: bool) -> None:
        state = self.server.state
        with state.lock:
            state.log.append(self.path)
        while not state.responding.wait(0.05):
            if state.stopping.is_set():
                self.close_connection = True
                return
        path, _, query = self.path.partition("?")
        # Split before unquoting so an encoded "/" in a password stays inside its segment.
        parts = [unquote(p) for p in path.split("/")[1:]]
        if path == "/player_api.php":
            self._serve_api(dict(parse_qsl(query, keep_blank_values=True)), head)
        elif len(parts) == 4 and parts[0] in ("movie", "series"):
            self._serve_media(parts, head)
        elif len(parts) == 3 and parts[0] == "images":
            self._serve_image(parts[1], parts[2], head)
        else:
            self._reply(404, b"Not Found", "text/plain", head=head)

    def _serve_api(self, params: dict[str, str], head: bool) -> None:
        state = self.server.state
        action = params.get("action", "")
        with state.lock:
            state.api_calls[action] += 1
            count, status, only = state.api_failures
            if count > 0 and only in (None, action):
                state.api_failures = (count - 1, status, only)
                self._reply(status, b"Service Unavailable", "text/plain", head=head)
                return
            override = state.overrides.get(action)
            if override is not None and override.times is not None:
                override.times -= 1
                if override.times <= 0:
                    del state.overrides[action]
            if override is not None:
                body, status = override.body, override.status
            elif not state.authorized(params.get("username"), params.get("password")):
                body, status = {"user_info": {"auth": 0}}, 200
            elif not action:
                body, status = _account_json(state), 200
            else:
                body, status = (
                    Panel(state.catalogue, state.quirks, self._origin()).respond(action, params),
                    200,
                )
            payload = body if isinstance(body, EntryStream) else _encode(body)
        if isinstance(payload, EntryStream):
            self._reply_chunked(status, payload.chunks(), "application/json", head=head)
        else:
            self._reply(status, payload, "application/json", head=head)

    def _serve_media(self, parts: list[str], head: bool) -> None:
        state = self.server.state
        word, username, password, filename = parts
        kind = "movie" if word == "movie" else "episode"
        stem, _, ext = filename.rpartition(".")
        key = (kind, _number(stem))
        with state.lock:
            state.hits[key] += 1
            item = state.catalogue.media(*key)
            if not state.authorized(username, password):
                return self._reply(403, b"Forbidden", "text/plain", head=head)
            if key in state.gone or item is None or item.ext != ext:
                return self._reply(404, b"Not Found", "text/plain", head=head)
            count, status = state.failures.get(key, (0, 0))
            if count > 0:
                state.failures[key] = (count - 1, status)
                return self._reply(status, b"Try again later", "text/plain", head=head)
            body = state.bodies.get(key)
            if body is not None and body.times is not None:
                body.times -= 1
                if body.times <= 0:
                    del state.bodies[key]
            bytes_per_sec = state.throttles.get(key, item.bytes_per_sec)
            drop_at: int | None = None
            nbytes, times = state.drops.get(key, (0, 0))
            if times > 0 and not head:
                state.drops[key] = (nbytes, times - 1)
                drop_at = nbytes
        if body is not None:
            # What panels do: HTTP 200 whatever was asked, with a body that is not the film.
            return self._reply(200, body.data, body.content_type, head=head)
        prefix = item_prefix(item)
        size = item.size
        try:
            byte_range = parse_range(self.headers.get("Range"), size)
        except RangeNotSatisfiable:
            extra = {"Content-Range": f"bytes */{size}"}
            return self._reply(416, b"", "text/plain", head=head, extra=extra)
        start, end = (0, size) if byte_range is None else (byte_range.start, byte_range.end)
        headers = {"Accept-Ranges": "bytes", "ETag": f'"{kind}-{key[1]}-{size}"'}
        if byte_range is not None:
            headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
        try:
            self._start_reply(206 if byte_range else 200, content_type(ext), end - start, headers)
        except OSError:
            self.close_connection = True
            return None
        if not head:
            self._stream(key, prefix, start, end, bytes_per_sec, drop_at)
        return None

    def _stream(
        self,
        key: Key,
        prefix: bytes,
        start: int,
        end: int,
        bytes_per_sec: int | None,
        drop_at: int | None,
    ) -> None:
        state = self.server.state
        limit = end if drop_at is None else min(end, start + drop_at)
        chunk = _CHUNK if not bytes_per_sec else max(1, min(_CHUNK, bytes_per_sec // 8))
        offset = start
        try:
            while offset < limit and not state.stopping.is_set():
                step = min(chunk, limit - offset)
                # Pause before each chunk, not after: once the client holds the last byte,
                # every pause has been taken (a test sums them as soon as its GET returns).
                if bytes_per_sec:
                    state.pause(step / bytes_per_sec)
                self.wfile.write(media_content(key[0], key[1], offset, offset + step, prefix))
                offset += step
            self.wfile.flush()
        except OSError:  # the client went away
            offset = -1
        if offset != end:
            # Content-Length promised more: closing makes the client see a truncated body.
            self.close_connection = True
            _shutdown(self.connection)

    def _serve_image(self, kind: str, filename: str, head: bool) -> None:
        stem, _, ext = filename.rpartition(".")
        wide = stem.endswith("-wide")
        media_id = _number(stem.removesuffix("-wide"))
        with self.server.state.lock:
            self.server.state.image_hits[filename] += 1
            label = _image_label(self.server.state.catalogue, kind, media_id)
        if label is None or ext not in ("svg", "png"):
            return self._reply(404, b"Not Found", "text/plain", head=head)
        extra = {"Cache-Control": "max-age=86400"}
        if ext == "png":
            image = poster_png(media_id, wide=wide)
            return self._reply(200, image, "image/png", head=head, extra=extra)
        svg = poster_svg(label[0], label[1], media_id, wide=wide)
        return self._reply(200, svg, "image/svg+xml", head=head, extra=extra)

    # --- responses ---------------------------------------------------------------------------

    def _origin(self) -> str:
        # Image URLs follow the Host the client used, so the demo works under any name.
        state = self.server.state
        return f"http://{self.headers.get('Host') or f'{state.host}:{state.port}'}"

    def _start_reply(
        self, status: int, ctype: str, length: int, extra: Mapping[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(length))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def _reply(
        self,
        status: int,
        body: bytes,
        ctype: str,
        *,
        head: bool = False,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        try:
            self._start_reply(status, ctype, len(body), extra)
            if not head:
                self.wfile.write(body)
        except OSError:
            self.close_connection = True

    def _reply_chunked(
        self, status: int, chunks: Iterator[bytes], ctype: str, *, head: bool = False
    ) -> None:
        """A body of unknown length, as nginx in front of a PHP panel sends big lists."""
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            if head:
                return
            for chunk in chunks:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            self.close_connection = True


def _account_json(state: ProviderState) -> dict[str, Any]:
    acc = state.account
    return {
        "user_info": {
            "username": state.username,
            "password": state.password,  # real panels echo it back
            "message": "Welcome to the Vodarr demo provider",
            "auth": acc.auth,
            "status": acc.status,
            "exp_date": None if acc.exp_date is None else str(acc.exp_date),
            "is_trial": "1" if acc.is_trial else "0",
            "active_cons": str(acc.active_cons),
            "created_at": str(acc.created_at),
            "max_connections": str(acc.max_connections),
            "allowed_output_formats": ["m3u8", "ts"],
        },
        "server_info": {
            "url": state.host,
            "port": str(state.port),
            "https_port": "",
            "server_protocol": "http",
            "rtmp_port": "",
            "timezone": "UTC",
            "timestamp_now": 1_700_000_000,
            "time_now": "2023-11-14 22:13:20",
        },
    }


def _image_label(catalogue: Catalogue, kind: str, media_id: int) -> tuple[str, str] | None:
    if kind == "movie" and (movie := catalogue.movies.get(media_id)):
        return movie.name, str(movie.year or "")
    if kind == "series" and (show := catalogue.series.get(media_id)):
        return show.name, str(show.year or "")
    if kind == "episode" and (found := catalogue.find_episode(media_id)):
        show, episode = found
        return episode.title, f"{show.name} S{episode.season:02d}E{episode.episode_num:02d}"
    return None


def _number(text: str) -> int:
    return int(text) if text.isascii() and text.isdigit() else -1


def _encode(body: Any) -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode()
    return json.dumps(body).encode()


def _shutdown(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)
