"""How uvicorn serves Vodarr: the web application and the options `vodarr serve` (and the
tests' live server) use.

Pages run as WSGI on a few long-lived threads (``ops.pages``); only streams take Django's
ASGI path. Under Django's ASGI handler every request got a new thread (a fresh
single-thread executor per request) and therefore a new database connection, and every sync
middleware and signal hopped between the event loop and that thread: profiled under 16
clients (benchmarks/README.md), connecting and closing SQLite alone was a fifth of the
server's time. On a fixed pool the connection of each thread is kept (``CONN_MAX_AGE``) and
a request crosses threads once each way.
Streams — a response that stays open for minutes — would pin one of those few threads
each, so they stay async and hold no thread while they wait: the live channel goes through
Django's ASGI handler (its sync parts on one shared thread, ``live/asgi.py``) and links
(``/dl/…``) are served beside Django (``links/asgi.py``).

uvicorn believes ``X-Forwarded-For`` and ``X-Forwarded-Proto`` from 127.0.0.1 unless told
otherwise, so any local process could pick its client address and dodge the rate limits.
Here forwarded headers count only when the request comes from ``TRUSTED_PROXIES``; the
client address Django sees (``REMOTE_ADDR``) and whether the request was HTTPS then come
from the proxy's headers, and from the connection itself for everyone else.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from vodarr.ops.pages import PageThreads, close_connections_on

ASGIApp = Callable[[dict[str, Any], Any, Any], Awaitable[None]]

# Threads serving pages in one web process, and how many of them run at once (turns): page
# work mostly holds the GIL, so threads running together only contend for it (under 16
# clients, 8 threads cost ~13 ms of CPU per Downloads page where 4 cost ~10.5; 4 running
# together had p99 135 to 641 ms over eight runs where 2 had 103 to 293). Four threads
# still leave room for slow provider calls (up to their 15 s timeout): a thread waiting on
# the network gives its turn to another (``vodarr.turns``).
PAGE_THREADS = 4
PAGE_TURNS = 2

# Set by `vodarr serve` for uvicorn's worker processes: the pid they must die with.
PARENT_PID_VARIABLE = "VODARR_SERVE_PID"


def die_with_serve() -> None:
    """In a uvicorn worker process started by `vodarr serve`: end when it ends."""
    from vodarr.ops.children import die_with

    raw = os.environ.get(PARENT_PID_VARIABLE, "")
    if raw.isdigit() and int(raw) != os.getpid():
        die_with(int(raw))


class PortSocket(socket.socket):
    """The address several web processes serve: each opens a socket of its own on it.

    uvicorn's processes (``WEB_WORKERS`` > 1) share ONE listening socket, and whichever wakes
    first accepts every connection waiting: under 16 keep-alive clients the split between two
    processes was 12/4 or 13/3 in most runs, and the busier process's clients waited twice as
    long (p99 up to ~600 ms). With ``SO_REUSEPORT`` each process has its own socket and the
    kernel spreads new connections over them by their addresses. A ``PortSocket`` handed to
    a process (pickled, as uvicorn hands its sockets over) arrives there as a new socket of
    its own on the same address; this one, never listening, only holds the address and says
    early when it is taken.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        host, port = self.getsockname()[:2]
        return (port_socket, (host, port))


def port_socket(host: str, port: int) -> PortSocket:
    """A ``PortSocket`` bound to ``host``:``port`` (0: a free port) and not listening."""
    sock = PortSocket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except BaseException:
        sock.close()
        raise
    return sock


def uvicorn_options() -> dict[str, Any]:
    trusted = list(settings.TRUSTED_PROXIES)
    return {
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": trusted,
        # No logging set-up of uvicorn's own: its access log then goes through Django's
        # handlers, whose filter redacts reset and verification tokens from the paths.
        "log_config": None,
        "lifespan": "off",
        # uvloop's event loop (libuv, in C) rather than asyncio's: under 16 clients on the
        # Downloads page ~25 % less of serve's CPU a request (8.3 to 11.2 → 6.2 to 7.1 ms, two web
        # processes, alternating runs; benchmarks/README.md).
        "loop": "uvloop",
    }


@dataclass
class WebApplication:
    """The ASGI app `vodarr serve` runs: links beside Django, streams async, pages on
    ``PAGE_THREADS`` threads taking ``PAGE_TURNS`` turns.

    A new instance builds its own Django handlers (their middlewares read settings when
    they load); ``close()`` ends its page threads, and with them their database connections.
    """

    threads: int = PAGE_THREADS
    stream_paths: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        # Here, not at the top: these modules use the ORM, so Django is set up first.
        from django.core.asgi import get_asgi_application
        from django.core.wsgi import get_wsgi_application

        from vodarr.links.asgi import LinkServer
        from vodarr.live.asgi import StreamsOnOneThread
        from vodarr.live.props import LIVE_URL

        self.stream_paths = self.stream_paths | {LIVE_URL}
        self.streams = StreamsOnOneThread(get_asgi_application(), self.stream_paths)
        # Django's handler returns its response, an iterable of bytes as WSGI wants.
        wsgi: Any = get_wsgi_application()
        self._pages = PageThreads(wsgi, self.threads, min(self.threads, PAGE_TURNS))
        # /dl/… never reaches the router below (links/asgi.py).
        self._served: ASGIApp = LinkServer(self._route)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        await self._served(scope, receive, send)

    async def _route(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] in self.stream_paths:
            await self.streams(scope, receive, send)
            return
        await self._pages(scope, receive, send)

    def close(self) -> None:
        """After the server stopped: end its threads and close their database connections."""
        from asgiref.sync import SyncToAsync
        from django.db import connections

        # Each page thread closes its own database connections, then the threads end.
        self._pages.close(connections.close_all)
        self.streams.close()
        # Links' database calls run on asgiref's one shared thread (links/asgi.py), which
        # closes their connection when a link's response ends: one cut short by the stop
        # left it open. (Django's connections are per thread: closed on that thread.)
        close_connections_on(SyncToAsync.single_thread_executor)
