"""Turns: how many of a web process's page threads run at once, and giving a turn up while
waiting on another server.

Page work holds the GIL most of the time. With four page threads all running, each SQL call
(which lets the GIL go) left its thread queued behind the others for the GIL: under 16
clients on the Downloads page, p99 135 to 641 ms over eight runs (four above 350 ms),
against 103 to 293 ms (one above 200 ms) with two threads, requests/s alike (two web
processes; benchmarks/README.md). But with only two threads, two slow provider calls (up to
their 15 s timeout) would hold up every page of the process. So a process keeps more threads
than turns: a page thread runs a request only while it holds a turn (``Turns.taken``), and
gives the turn up while it waits on the provider, a media server, a webhook target or an
image host (``waiting_on_network``), so a slow server holds up only the pages that need it.

Outside a page thread (the worker, tests, management commands) ``waiting_on_network`` does
nothing.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

_held = threading.local()  # .turns: the Turns whose turn this thread holds, if any


class Turns:
    """``count`` turns shared by a process's page threads, handed out first come, first served.

    Not a ``threading.Semaphore``: a thread releasing it may take it straight back for its next
    request before the waiter it woke runs, and under load some requests then waited seconds
    (p99 1.4 to 4.1 s, measured). Here a released turn goes straight to the longest waiter.
    """

    def __init__(self, count: int) -> None:
        self._free = count
        self._lock = threading.Lock()
        self._waiting: deque[threading.Lock] = deque()

    @contextmanager
    def taken(self) -> Iterator[None]:
        """Wait for a turn and hold it while inside."""
        self._take()
        try:
            yield
        finally:
            self._give_up()

    def free(self) -> int:
        """Turns nobody holds, now."""
        with self._lock:
            return self._free

    def _take(self) -> None:
        with self._lock:
            if self._free:
                self._free -= 1
                _held.turns = self
                return
            gate = threading.Lock()
            gate.acquire()
            self._waiting.append(gate)
        gate.acquire()  # opened by the thread that handed this one its turn
        _held.turns = self

    def _give_up(self) -> None:
        _held.turns = None
        with self._lock:
            if self._waiting:
                self._waiting.popleft().release()
            else:
                self._free += 1


@contextmanager
def waiting_on_network() -> Iterator[None]:
    """Around a call to another server: the thread's turn, if it holds one, goes to another
    page thread meanwhile and is taken back (waiting for it if need be) afterwards."""
    turns: Turns | None = getattr(_held, "turns", None)
    if turns is None:
        yield
        return
    turns._give_up()
    try:
        yield
    finally:
        turns._take()
