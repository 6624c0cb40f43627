"""The processes `vodarr serve` runs, and how they die with it.

Each child gets its own process group (a Ctrl-C in the terminal reaches `vodarr serve`
alone, which then stops the children in order) and ``PR_SET_PDEATHSIG``: when the process
that started it dies — even by ``kill -9``, which runs no clean-up code — the kernel sends
the child SIGTERM. No worker is ever left running beside the next `vodarr serve`'s.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from vodarr.integrations.aria2.daemon import EmbeddedAria2

logger = logging.getLogger("vodarr.serve")

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
STOP_TIMEOUT_SECONDS = 10.0


def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    return prctl


def _die_with(prctl: Callable[..., int] | None, parent_pid: int) -> None:
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent died before the line above took effect
        os.kill(os.getpid(), signal.SIGTERM)


def die_with(parent_pid: int) -> None:
    """In a child process: get SIGTERM when ``parent_pid`` ends (at once if it has)."""
    _die_with(_prctl(), parent_pid)


def die_with_parent() -> dict[str, Any]:
    """``subprocess.Popen`` arguments for a child that must not outlive this process."""
    parent = os.getpid()
    prctl = _prctl()  # looked up now: between fork and exec the child should do little
    return {"preexec_fn": lambda: _die_with(prctl, parent), "process_group": 0}


class CommandChild:
    """A `vodarr` subcommand run as a child process (the worker)."""

    def __init__(self, name: str, args: list[str], env: dict[str, str]) -> None:
        self.name = name
        self.args = args
        self.env = env
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "vodarr.cli", *self.args], env=self.env, **die_with_parent()
        )

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def exit_status(self) -> int | None:
        return self._process.poll() if self._process else None

    def stop(self) -> None:
        process = self._process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            logger.warning(
                "The %s did not stop within %g s: killing it.", self.name, STOP_TIMEOUT_SECONDS
            )
            process.kill()
            process.wait()


class Aria2Child:
    """The embedded aria2c: started again on its port and secret after it dies."""

    name = "embedded aria2c"

    def __init__(self, daemon: EmbeddedAria2) -> None:
        self.daemon = daemon
        self._started = False

    @property
    def pid(self) -> int | None:
        return self.daemon.pid

    def start(self) -> None:
        if self._started:
            self.daemon.revive()
        else:
            self.daemon.start()
            self._started = True

    def alive(self) -> bool:
        return self.daemon.running

    def exit_status(self) -> int | None:
        return self.daemon.exit_status

    def stop(self) -> None:
        self.daemon.stop()
