"""Keep `vodarr serve`'s children running: restart what dies, with exponential backoff.

The web server runs in `vodarr serve`'s main thread; a supervisor thread watches aria2c and
the worker. A child that exits is started again after 1 s, then 2, 4… up to a minute while
it keeps dying soon after starting; one that ran for a minute first starts from 1 s again.
Restarting is all this does: the worker's reconcile puts aria2's downloads back (re-adds
what aria2 forgot, re-pauses what the user paused) once aria2 answers again.

Children started here die with `vodarr serve` (see ``children``); on a clean stop they are
stopped in the reverse order of starting (the worker before the aria2c it talks to).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

logger = logging.getLogger("vodarr.serve")

Clock = Callable[[], float]


class Child(Protocol):
    name: str

    @property
    def pid(self) -> int | None: ...

    def start(self) -> None: ...

    def alive(self) -> bool: ...

    def exit_status(self) -> int | None: ...

    def stop(self) -> None: ...


@dataclass
class Backoff:
    """The wait before the next start: doubling while a child keeps dying young."""

    first: float = 1.0
    longest: float = 60.0
    steady_after: float = 60.0  # a child up this long has recovered: back to ``first``
    _next: float | None = None

    def delay(self, ran_for: float) -> float:
        if self._next is None or ran_for >= self.steady_after:
            self._next = self.first
        delay = self._next
        self._next = min(self.longest, delay * 2)
        return delay


@dataclass
class _Watched:
    child: Child
    backoff: Backoff
    started_at: float
    restart_at: float | None = None


class Supervisor:
    def __init__(
        self,
        *,
        clock: Clock = time.monotonic,
        poll_seconds: float = 0.25,
        backoff: Callable[[], Backoff] = Backoff,
    ) -> None:
        self.clock = clock
        self.poll_seconds = poll_seconds
        self._backoff = backoff
        self._watched: list[_Watched] = []
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def add(self, child: Child) -> None:
        """Start ``child`` now (its failure to start is the caller's to report) and watch it."""
        child.start()
        self._watched.append(_Watched(child, self._backoff(), self.clock()))

    def watch(self) -> None:
        """Restart dead children from a background thread until ``stop()``."""
        self._thread = threading.Thread(target=self._run, name="supervisor", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching, then stop the children, newest first."""
        self._stopping.set()
        if self._thread is not None:
            # The thread stops the children itself: the ones it restarted die with it.
            self._thread.join()
        else:
            self._stop_children()

    def check(self) -> None:
        """One round: notice who died, restart who is due."""
        now = self.clock()
        for watched in self._watched:
            if watched.child.alive():
                continue
            if watched.restart_at is None:
                delay = watched.backoff.delay(now - watched.started_at)
                watched.restart_at = now + delay
                logger.warning(
                    "The %s exited (%s); starting it again in %g s.",
                    watched.child.name,
                    _describe(watched.child.exit_status()),
                    delay,
                )
            elif now >= watched.restart_at:
                self._restart(watched, now)

    def _restart(self, watched: _Watched, now: float) -> None:
        watched.started_at, watched.restart_at = now, None
        try:
            watched.child.start()
        except Exception as error:
            delay = watched.backoff.delay(ran_for=0.0)
            watched.restart_at = now + delay
            logger.warning(
                "The %s could not start again (%s); trying again in %g s.",
                watched.child.name,
                error,
                delay,
            )
            return
        logger.warning("The %s is running again (pid %s).", watched.child.name, watched.child.pid)

    def _run(self) -> None:
        try:
            while not self._stopping.wait(self.poll_seconds):
                try:
                    self.check()
                except Exception:
                    logger.exception("The supervisor's round failed; it keeps watching.")
        finally:
            self._stop_children()

    def _stop_children(self) -> None:
        for watched in reversed(self._watched):
            try:
                watched.child.stop()
            except Exception:
                logger.exception("Could not stop the %s cleanly.", watched.child.name)


def _describe(status: int | None) -> str:
    if status is None:
        return "it did not start"
    return f"killed by signal {-status}" if status < 0 else f"status {status}"
