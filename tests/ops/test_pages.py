"""Pages through ``PageThreads``: WSGI on a thread pool, a whole response handed over once.

Driven as uvicorn drives an ASGI app (scope, receive, send) with plain WSGI apps, so each
test sees exactly the messages the HTTP server would send.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.loops import run_in_own_loop
from vodarr.ops import pages
from vodarr.ops.pages import FILE_BLOCK, FileChunks, PageThreads


def scope(method: str = "GET", headers: list[tuple[bytes, bytes]] | None = None) -> dict:
    return {
        "type": "http",
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": "/somewhere",
        "root_path": "",
        "query_string": b"a=1",
        "headers": headers or [(b"host", b"vodarr.test")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }


def call(app: PageThreads, messages: list[dict], request_scope: dict | None = None) -> list[dict]:
    """What ``app`` sends for a request whose body arrives as ``messages``."""
    sent: list[dict] = []
    incoming = list(messages)

    async def receive() -> dict:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    try:
        run_in_own_loop(lambda: app(request_scope or scope(), receive, send))
    finally:
        app.executor.shutdown()
    return sent


def body(data: bytes = b"", more: bool = False) -> dict:
    return {"type": "http.request", "body": data, "more_body": more}


class Recording:
    """A WSGI app answering from ``answer(environ)``, noting what it saw and where it ran."""

    def __init__(self, answer: Any = None, status: str = "200 OK") -> None:
        self.answer = answer or (lambda environ: [b"hello ", b"world"])
        self.status = status
        self.environ: dict[str, Any] = {}
        self.read = b""
        self.thread = ""

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        self.environ = environ
        self.read = environ["wsgi.input"].read()
        self.thread = threading.current_thread().name
        start_response(self.status, [("Content-Type", "text/plain"), ("X-Extra", "yes")])
        return self.answer(environ)


def test_a_whole_response_is_sent_as_its_start_and_one_body() -> None:
    app = Recording()

    sent = call(PageThreads(app, 2), [body()])

    assert sent == [
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/plain"), (b"x-extra", b"yes")],
        },
        {"type": "http.response.body", "body": b"hello world"},
    ]
    assert app.thread.startswith("page")  # a page thread, not the event loop's
    assert app.environ["PATH_INFO"] == "/somewhere"
    assert app.environ["QUERY_STRING"] == "a=1"
    assert app.environ["HTTP_HOST"] == "vodarr.test"
    assert app.environ["REMOTE_ADDR"] == "127.0.0.1"


def test_the_response_is_closed_on_the_thread_that_served_it() -> None:
    """Django ends a request (request_finished: its thread's stale connections) in close()."""
    closed_on: list[str] = []

    class Response(list):
        def close(self) -> None:
            closed_on.append(threading.current_thread().name)

    app = Recording(lambda environ: Response([b"x"]))

    call(PageThreads(app, 2), [body()])

    assert closed_on == [app.thread]


def test_a_body_in_several_messages_reaches_the_app_whole() -> None:
    app = Recording()
    parts = [body(b"a" * 700_000, more=True), body(b"b" * 700_000, more=True), body(b"c")]

    sent = call(PageThreads(app, 2), parts, scope("POST"))

    assert app.read == b"a" * 700_000 + b"b" * 700_000 + b"c"
    assert sent[0]["status"] == 200


def test_a_client_that_leaves_before_its_body_is_read_reaches_no_app() -> None:
    app = Recording()

    sent = call(PageThreads(app, 2), [body(b"part", more=True)], scope("POST"))

    assert sent == [] and app.environ == {}


@pytest.mark.parametrize("declared", [True, False])
def test_a_body_over_the_limit_gets_413_with_a_reason(
    monkeypatch: pytest.MonkeyPatch, declared: bool
) -> None:
    monkeypatch.setattr(pages, "MAX_BODY", 1000)
    app = Recording()
    headers = [(b"content-length", b"1500")] if declared else []
    parts = [body(b"x" * 800, more=True), body(b"x" * 700)]

    sent = call(PageThreads(app, 2), parts, scope("POST", headers))

    assert app.environ == {}  # never reached
    assert sent[0]["status"] == 413
    assert b"Vodarr takes at most 1,000" in sent[1]["body"]
    assert b"1,500 bytes" in sent[1]["body"]


def test_a_streamed_response_is_handed_over_chunk_by_chunk() -> None:
    class Streamed:
        streaming = True

        def __iter__(self):
            yield b"one"
            yield b""  # an empty chunk is not sent: it would read as the end
            yield b"two"

    sent = call(PageThreads(Recording(lambda environ: Streamed()), 2), [body()])

    assert [m["type"] for m in sent] == ["http.response.start"] + ["http.response.body"] * 3
    assert [(m["body"], m.get("more_body", False)) for m in sent[1:]] == [
        (b"one", True),
        (b"two", True),
        (b"", False),
    ]


def test_a_file_is_streamed_in_large_blocks_and_closed(tmp_path: Path) -> None:
    path = tmp_path / "asset.js"
    content = bytes(range(256)) * (FILE_BLOCK * 2 // 256) + b"tail"
    path.write_bytes(content)
    opened: list[Any] = []

    def answer(environ: dict[str, Any]) -> Any:
        opened.append(path.open("rb"))
        return environ["wsgi.file_wrapper"](opened[0], 4096)  # Django's block size

    sent = call(PageThreads(Recording(answer), 2), [body()])

    chunks = [m["body"] for m in sent[1:]]
    assert b"".join(chunks) == content
    assert [len(c) for c in chunks] == [FILE_BLOCK, FILE_BLOCK, 4, 0]
    assert opened[0].closed


def test_file_chunks_read_in_the_larger_of_the_two_block_sizes(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"z" * (FILE_BLOCK * 3))
    with path.open("rb") as file:
        assert [len(c) for c in FileChunks(file, FILE_BLOCK * 2)] == [FILE_BLOCK * 2, FILE_BLOCK]


def test_closing_runs_the_last_words_once_on_each_thread_that_served() -> None:
    """How `vodarr serve`'s page threads close their own database connections."""
    gate = threading.Barrier(3)

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        gate.wait(timeout=30)  # three requests at once: three threads serve
        start_response("200 OK", [])
        return [b""]

    pages = PageThreads(app, threads=3)

    async def three() -> None:
        def request() -> Any:
            async def receive() -> dict:
                return body()

            async def send(message: dict) -> None:
                pass

            return pages(scope(), receive, send)

        await asyncio.gather(request(), request(), request())

    run_in_own_loop(three)
    closed_on: list[int] = []
    pages.close(lambda: closed_on.append(threading.get_ident()))

    assert len(closed_on) == 3 and len(set(closed_on)) == 3
