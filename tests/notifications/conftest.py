"""A local HTTP receiver standing in for a person's webhook (Apprise's ``json://`` target)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.downloads.conftest import FAST_MOVIE, MISSING_MOVIE, Stack, stack
from tests.fixtures.server import free_port
from tests.worker.conftest import Worker, reconciler, worker

__all__ = [
    "FAST_MOVIE",
    "MISSING_MOVIE",
    "Receiver",
    "Stack",
    "Worker",
    "closed_url",
    "reconciler",
    "stack",
    "worker",
]


class Receiver:
    """Collects the JSON bodies POSTed to it; answers ``status`` (200 unless told)."""

    def __init__(self) -> None:
        self.messages: list[dict] = []
        self.status = 200
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with receiver._lock:
                    receiver.messages.append(body)
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The Apprise URL of this receiver; the path plays the part of a secret token."""
        return f"json://127.0.0.1:{self.server.server_address[1]}/hook-s3cr3t-token"

    def titles(self) -> list[str]:
        with self._lock:
            return [m.get("title", "") for m in self.messages]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    found.thread.start()
    yield found
    found.server.shutdown()
    found.server.server_close()


def closed_url() -> str:
    """A target nobody listens on: every send fails at once (connection refused)."""
    return f"json://127.0.0.1:{free_port()}/hook"
