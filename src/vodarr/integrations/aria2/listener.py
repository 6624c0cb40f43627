"""Follow aria2's WebSocket notifications in a background thread.

aria2 pushes ``aria2.onDownloadStart`` and friends to every WebSocket client on its RPC port.
The worker uses them to react within a moment instead of waiting for its next reconcile tick.
Notifications are hints, not a ledger: any sent while the socket is down are lost, so the
worker still reconciles, and ``on_restart`` tells it when aria2 came back as a new session
(after a restart, GIDs aria2 held only in memory are gone).

The thread reconnects with capped exponential backoff and never dies of a callback's error.
"""

from __future__ import annotations

import json
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from websockets.exceptions import WebSocketException
from websockets.sync.client import ClientConnection, connect

from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.errors import Aria2AuthError, Aria2Error
from vodarr.integrations.aria2.types import Aria2Event
from vodarr.integrations.redact import redact_text, redact_url

logger = logging.getLogger("vodarr.aria2")

EVENT_KINDS: dict[str, str] = {
    "aria2.onDownloadStart": "start",
    "aria2.onDownloadPause": "pause",
    "aria2.onDownloadStop": "stop",
    "aria2.onDownloadComplete": "complete",
    "aria2.onDownloadError": "error",
    "aria2.onBtDownloadComplete": "complete",
}


def websocket_url(rpc_url: str) -> str:
    """``http://host:6800/jsonrpc`` → ``ws://host:6800/jsonrpc`` (https → wss)."""
    parts = urlsplit(rpc_url)
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    return urlunsplit((scheme, parts.netloc, parts.path or "/jsonrpc", parts.query, ""))


def parse_notification(raw: str | bytes) -> list[Aria2Event]:
    """The events in one WebSocket message; empty for anything that is not a notification."""
    try:
        message = json.loads(raw)
    except ValueError:
        return []
    if not isinstance(message, dict):
        return []
    kind = EVENT_KINDS.get(str(message.get("method")))
    if kind is None:
        return []
    return [
        Aria2Event(kind=kind, gid=str(p["gid"]))
        for p in message.get("params") or []
        if isinstance(p, dict) and p.get("gid")
    ]


class Aria2Listener:
    """Calls ``on_event`` for each aria2 notification, from a daemon thread."""

    def __init__(
        self,
        rpc_url: str,
        secret: str | None,
        on_event: Callable[[Aria2Event], None],
        *,
        on_restart: Callable[[str], None] | None = None,
        min_backoff: float = 0.1,
        max_backoff: float = 5.0,
    ) -> None:
        self._ws_url = websocket_url(rpc_url)
        self._shown_url = redact_url(self._ws_url)
        self._secret = secret
        self._client = Aria2Client(rpc_url, secret, timeout=3.0, connect_timeout=1.0)
        self._on_event = on_event
        self._on_restart = on_restart
        self._min_backoff = min_backoff
        self._max_backoff = max_backoff
        self._stopping = threading.Event()
        self._connected = threading.Event()
        self._lock = threading.Lock()
        self._socket: ClientConnection | None = None
        self._thread: threading.Thread | None = None
        self.session_id: str | None = None
        # How many times a connection was established; lets tests wait for a reconnect.
        self.connections = 0

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def wait_connected(self, timeout: float = 10.0) -> bool:
        """Block until connected (or ``timeout``); True when connected."""
        return self._connected.wait(timeout)

    def start(self) -> Aria2Listener:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="aria2-listener", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close the socket and join the thread."""
        self._stopping.set()
        with self._lock:
            sock = self._socket
        if sock is not None:
            sock.close()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._client.close()

    def __enter__(self) -> Aria2Listener:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- the thread --------------------------------------------------------------------------

    def _run(self) -> None:
        backoff = self._min_backoff
        while not self._stopping.is_set():
            reason = "closed"
            try:
                with connect(
                    self._ws_url, open_timeout=2.0, close_timeout=1.0, compression=None
                ) as sock:
                    with self._lock:
                        self._socket = sock
                    if self._stopping.is_set():
                        break
                    self._on_connected()
                    backoff = self._min_backoff
                    for raw in sock:
                        self._dispatch(raw)
            except Aria2AuthError as error:
                reason = error.message
                backoff = self._max_backoff  # hammering will not fix a wrong secret
                logger.warning("aria2 listener: %s", reason)
            except (OSError, WebSocketException, Aria2Error) as error:
                reason = redact_text(str(error) or type(error).__name__, self._secrets())
            finally:
                with self._lock:
                    self._socket = None
                self._connected.clear()
            if self._stopping.is_set():
                break
            logger.info(
                "aria2 WebSocket at %s disconnected (%s); reconnecting in %.1f s",
                self._shown_url,
                reason,
                backoff,
            )
            self._stopping.wait(backoff)
            backoff = min(self._max_backoff, backoff * 2)

    def _secrets(self) -> tuple[str, ...]:
        return (self._secret,) if self._secret else ()

    def _on_connected(self) -> None:
        session_id = self._client.get_session_info()
        previous, self.session_id = self.session_id, session_id
        self.connections += 1
        self._connected.set()
        if previous is None:
            logger.info("aria2 WebSocket connected to %s", self._shown_url)
            return
        logger.info("aria2 WebSocket reconnected to %s", self._shown_url)
        if session_id != previous:
            logger.info("aria2 restarted (new session); in-memory downloads may be gone")
            if self._on_restart is not None:
                self._call_safely(self._on_restart, session_id)

    def _dispatch(self, raw: str | bytes) -> None:
        for event in parse_notification(raw):
            self._call_safely(self._on_event, event)

    def _call_safely(self, callback: Callable[[Any], None], argument: Any) -> None:
        try:
            callback(argument)
        except Exception as error:
            # A bug in the handler must not stop the notifications for everyone else. The
            # traceback is redacted by hand: a handler's error may quote a media URL.
            trace = "".join(traceback.format_exception(error))
            logger.error("aria2 listener callback failed:\n%s", redact_text(trace, self._secrets()))
