"""Pages: Django's WSGI handler on a few long-lived threads, one hand-over per response.

The event loop reads the request's body, a page thread runs Django, and a whole response
(every page, every JSON answer) comes back to the loop in ONE hand-over, which sends it.
a2wsgi, used before, handed each message over separately — the response's start, its body,
its end — and made the page thread wait for the loop each time: three round trips, each a
wake-up of the loop and a wait for the GIL in a thread that had just let it go. Under 16
clients on the Downloads page with two web processes: 192 to 253 requests/s with a2wsgi,
228 to 285 with this (three alternating runs each; benchmarks/README.md). A streamed
response (a static file through WhiteNoise) is still handed over chunk by chunk from its
thread, in blocks of ``FILE_BLOCK``.

A body is read in full before a thread takes the request, so a slow upload holds no page
thread; bodies over ``MAX_BODY`` get 413 at once (Django refuses form data over 2.5 MB
itself; nothing here takes more).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import io
import tempfile
import threading
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import IO, Any, cast

from a2wsgi.wsgi import build_environ

from vodarr.turns import Turns

Send = Callable[[dict[str, Any]], Coroutine[Any, Any, None]]
Receive = Callable[[], Awaitable[dict[str, Any]]]
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
Headers = list[tuple[bytes, bytes]]

MAX_BODY = 16 * 1024 * 1024
# A body up to this size stays in memory; a bigger one goes to a temporary file.
BODY_IN_MEMORY = 1024 * 1024
# Files (static assets) are read and handed to the loop in blocks of this size, not in
# Django's 4 KiB: each block is one round trip between the page thread and the loop.
FILE_BLOCK = 256 * 1024


def close_connections_on(executor: Executor, timeout: float = 10) -> None:
    """Close the database connections of a one-thread ``executor``'s thread, on that thread
    (Django's connections are per thread). When stopping: a busy thread is given ``timeout``
    seconds, and a failure is ignored."""
    from django.db import connections

    with contextlib.suppress(Exception):
        executor.submit(connections.close_all).result(timeout=timeout)


class PageThreads:
    """An ASGI app running the WSGI ``app`` on ``threads`` threads, at most ``turns`` of them at
    once (``vodarr.turns``); ``executor`` ends them."""

    def __init__(self, app: WSGIApp, threads: int, turns: int | None = None) -> None:
        self.app = app
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="page")
        self.turns = Turns(turns or threads)
        self._served_on: set[int] = set()  # the threads that have run a request

    def close(self, on_each_thread: Callable[[], object], timeout: float = 10) -> None:
        """End the threads, running ``on_each_thread`` once on each that served (closing its
        database connections: they are the thread's own, and left to the garbage collector
        they may outlive a test's database). Waits at most ``timeout`` for busy threads."""
        count = len(self._served_on)
        if count:
            everyone_done = threading.Barrier(count)

            def last_words() -> None:
                on_each_thread()
                # Held until every thread has taken one: none runs two, so each runs one.
                with contextlib.suppress(threading.BrokenBarrierError):
                    everyone_done.wait(timeout)

            done = [self.executor.submit(last_words) for _ in range(count)]
            concurrent.futures.wait(done, timeout)
        self.executor.shutdown(wait=False, cancel_futures=True)

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        body = await _read_body(scope, receive)
        if body is None:  # the client left before it finished sending
            return
        if isinstance(body, int):
            await _too_large(send, body)
            return
        # a2wsgi types its scope and environ as TypedDicts; both are plain dicts here.
        environ = cast(dict[str, Any], build_environ(cast(Any, scope), cast(Any, body)))
        environ["wsgi.file_wrapper"] = FileChunks
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()  # as run_in_executor does not: logging's, asgiref's
        try:
            whole = await loop.run_in_executor(
                self.executor, context.run, self._respond, environ, loop, send
            )
        finally:
            body.close()
        if whole is not None:
            status, headers, content = whole
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": content})

    def _respond(
        self, environ: dict[str, Any], loop: asyncio.AbstractEventLoop, send: Send
    ) -> tuple[int, Headers, bytes] | None:
        """In a page thread: the whole response, or None once a streamed one has been sent."""
        self._served_on.add(threading.get_ident())
        started: list[tuple[int, Headers]] = []

        def start_response(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], None]:
            code = int(status.split(" ", 1)[0])
            encoded = [(k.lower().encode("latin1"), v.encode("latin1")) for k, v in headers]
            started[:] = [(code, encoded)]
            return _no_write

        with self.turns.taken():
            iterable = self.app(environ, start_response)
            if not getattr(iterable, "streaming", False):
                # An HttpResponse's content is already in memory: join it here, send it there.
                try:
                    return (*started[0], b"".join(iterable))
                finally:
                    _close(iterable)
        # A stream: each chunk is read with a turn and handed over without one.
        try:
            status, headers = started[0]
            _hand_over(
                loop, send, {"type": "http.response.start", "status": status, "headers": headers}
            )
            chunks = iter(iterable)
            while True:
                with self.turns.taken():
                    chunk = next(chunks, None)
                if chunk is None:
                    break
                if chunk:  # an empty one would read as the end
                    _hand_over(
                        loop, send, {"type": "http.response.body", "body": chunk, "more_body": True}
                    )
            _hand_over(loop, send, {"type": "http.response.body", "body": b""})
            return None
        finally:
            with self.turns.taken():
                _close(iterable)


def _hand_over(loop: asyncio.AbstractEventLoop, send: Send, message: dict[str, Any]) -> None:
    """From a page thread: ``send(message)`` on the loop, waiting until it is done."""
    asyncio.run_coroutine_threadsafe(send(message), loop).result()


def _close(iterable: Iterable[bytes]) -> None:
    # Django's request_finished (closing this thread's stale connections) runs here, on the
    # thread that served the request.
    close = getattr(iterable, "close", None)
    if close is not None:
        close()


class FileChunks:
    """``wsgi.file_wrapper``: a FileResponse's file, read in ``FILE_BLOCK`` blocks."""

    streaming = True

    def __init__(self, file: IO[bytes], block_size: int = FILE_BLOCK) -> None:
        self.file = file
        self.block_size = max(block_size, FILE_BLOCK)

    def __iter__(self) -> Iterator[bytes]:
        while chunk := self.file.read(self.block_size):
            yield chunk

    def close(self) -> None:
        # Django points the file's close at the response's, which closes it and ends the request.
        self.file.close()


def _no_write(data: bytes) -> None:
    raise RuntimeError("WSGI's write() is not supported: Django never calls it")


async def _read_body(scope: dict[str, Any], receive: Receive) -> IO[bytes] | int | None:
    """The request's body as a file; its declared or reached size when over ``MAX_BODY``;
    None if the client disconnected first."""
    declared = _content_length(scope)
    if declared is not None and declared > MAX_BODY:
        return declared
    first = await receive()
    if first["type"] == "http.disconnect":
        return None
    if not first.get("more_body"):  # most requests: one message, often empty
        body = first.get("body", b"")
        return len(body) if len(body) > MAX_BODY else io.BytesIO(body)
    # Closed by the caller once the response is sent (a file on disk is deleted then).
    spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=BODY_IN_MEMORY)  # noqa: SIM115
    size, message = 0, first
    while True:
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            spool.close()
            return size
        spool.write(chunk)
        if not message.get("more_body"):
            break
        message = await receive()
        if message["type"] == "http.disconnect":
            spool.close()
            return None
    spool.seek(0)
    return spool


def _content_length(scope: dict[str, Any]) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


async def _too_large(send: Send, size: int) -> None:
    message = (
        f"This request's body is {size:,} bytes; Vodarr takes at most {MAX_BODY:,}.\n"
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(message)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": message})
