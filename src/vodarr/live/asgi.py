"""Open streams hold no thread: the live channel's requests share one for their sync work.

Django's ASGI handler gives every request its own single-thread executor for thread-sensitive
work (signals, sync middleware, session and user loading) and keeps it — with its thread —
until the response ends. For a page that is milliseconds; for a stream that stays open for
minutes it is one idle thread per open tab (100 streams, 100 threads: ``make bench``).

Requests for the live channel instead enter asgiref's ``ThreadSensitiveContext`` with ONE
executor shared by all of them, so their sync work queues on one thread and an open stream
holds none while it waits for events. That is safe here because that work is short and never
waits on another request: the view authenticates and returns at once, the stream itself is
async (it waits on the watcher's queue), and the watcher has a thread of its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from asgiref.sync import ThreadSensitiveContext

from vodarr.ops.pages import close_connections_on

ASGIApp = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


class StreamsOnOneThread:
    """``app``, with requests for ``paths`` doing their sync work on one shared thread."""

    def __init__(self, app: ASGIApp, paths: Collection[str]) -> None:
        self.app, self.paths = app, paths
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vodarr-streams")

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and scope.get("path") in self.paths:
            async with ThreadSensitiveContext(executor=self.executor):
                await self.app(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def close(self) -> None:
        """End the thread, closing its database connections: a stream cut short by the
        server stopping never reached Django's ``request_finished``, which would have."""
        close_connections_on(self.executor)
        self.executor.shutdown(wait=False, cancel_futures=True)
