"""Run aria2c ourselves: the embedded default when no ``ARIA2_RPC_URL`` is configured.

``EmbeddedAria2`` spawns aria2c bound to loopback with a random RPC secret and a session
file, so unfinished downloads survive restarts. The process follows ours
(``--stop-with-process``) so a crashed Vodarr never leaves an orphan downloading forever.

aria2 runs with ``--max-tries=1``: Vodarr decides about retries itself (``codes.is_transient``)
and records each attempt, which it could not do if aria2 retried silently.

aria2c runs with the umask 077: its session file (rewritten every few seconds, so its mode
comes from the umask) holds media URLs with the provider's password. With ``shared_umask``
set, a finished download is then opened up to that umask by the ``finished`` hook.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any, NoReturn

from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.errors import Aria2DaemonError, Aria2Error, Aria2NotInstalled
from vodarr.integrations.redact import redact_text

_BIND_FAILED = re.compile(r"failed to bind|address already in use", re.IGNORECASE)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def find_aria2c() -> str:
    """The path of the aria2c binary; ``Aria2NotInstalled`` with the install hint if absent."""
    path = shutil.which("aria2c")
    if path is None:
        raise Aria2NotInstalled()
    return path


def free_loopback_port() -> int:
    """A TCP port free on 127.0.0.1 right now (another process may take it before us)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class EmbeddedAria2:
    """An aria2c child process with RPC on loopback. Use as a context manager or start/stop."""

    def __init__(
        self,
        download_root: Path,
        session_file: Path,
        *,
        port: int | None = None,
        secret: str | None = None,
        extra_options: dict[str, str] | None = None,
        startup_timeout: float = 10.0,
        stop_timeout: float = 5.0,
        shared_umask: int | None = None,
        spawn_options: dict[str, Any] | None = None,
    ) -> None:
        """``spawn_options`` go to ``subprocess.Popen`` (a supervisor's process group and
        death signal); ``shared_umask`` opens finished downloads up (see the module)."""
        self.download_root = Path(download_root)
        self.session_file = Path(session_file)
        self.secret = secret or secrets.token_urlsafe(24)
        self.extra_options = dict(extra_options or {})
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.shared_umask = shared_umask
        self.spawn_options = dict(spawn_options or {})
        self._port = port
        self._port_was_given = port is not None
        self._process: subprocess.Popen[bytes] | None = None
        self._output: IO[bytes] | None = None

    # -- properties --------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            self._port = free_loopback_port()
        return self._port

    @property
    def rpc_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/jsonrpc"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def client(self, *, timeout: float = 10.0, connect_timeout: float = 3.0) -> Aria2Client:
        """A new client for this daemon; the caller closes it."""
        return Aria2Client(
            self.rpc_url, self.secret, timeout=timeout, connect_timeout=connect_timeout
        )

    def __repr__(self) -> str:
        return f"EmbeddedAria2(port={self._port}, pid={self.pid})"

    # -- lifecycle ---------------------------------------------------------------------------

    def options(self) -> dict[str, str]:
        """aria2c options for the next start (``extra_options`` win)."""
        options = {
            "enable-rpc": "true",
            "rpc-listen-all": "false",
            "rpc-listen-port": str(self.port),
            "dir": str(self.download_root),
            "save-session": str(self.session_file),
            "save-session-interval": "10",
            "force-save": "false",
            "continue": "true",
            "auto-file-renaming": "false",
            "allow-overwrite": "true",
            "max-tries": "1",
            "retry-wait": "0",
            # Finished results are how the worker learns the outcome; keep plenty of them and
            # keep failed-unfinished ones too, the worker removes each one once recorded.
            "max-download-result": "5000",
            "keep-unfinished-download-result": "true",
            "stop-with-process": str(os.getpid()),
            # Providers are IPv4 in practice; trying AAAA first only adds connect failures.
            "disable-ipv6": "true",
            # Preallocating a 4 GB movie writes 4 GB of zeros before the first byte arrives.
            "file-allocation": "none",
            "daemon": "false",
            # Not --quiet: a failed start (port taken, bad option) must be able to say why.
            "quiet": "false",
            "console-log-level": "error",
            "show-console-readout": "false",
            "summary-interval": "0",
            "download-result": "hide",
            "enable-color": "false",
        }
        if self.session_file.exists():
            options["input-file"] = str(self.session_file)
        if self.shared_umask is not None:
            options["on-download-complete"] = str(self._hook_path())
        options.update(self.extra_options)
        return options

    @property
    def exit_status(self) -> int | None:
        """aria2c's exit status once it has exited (negative: killed by that signal)."""
        return self._process.poll() if self._process else None

    def start(self) -> EmbeddedAria2:
        """Spawn aria2c and return once it answers RPC; ``Aria2DaemonError`` if it cannot."""
        if self.running:
            return self
        self._terminate()  # reap a process that died by itself, and close its output
        binary = find_aria2c()
        self.download_root.mkdir(parents=True, exist_ok=True)
        # The session file lists media URLs, passwords included: keep a new state dir private.
        self.session_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for attempt in range(3):
            try:
                self._spawn(binary)
                self._wait_until_answering()
                return self
            except Aria2DaemonError as error:
                # The free port we picked can be taken before aria2c binds it; pick another.
                if self._port_was_given or attempt == 2 or not _BIND_FAILED.search(error.message):
                    raise
                self._port = None
        raise AssertionError("unreachable")  # pragma: no cover

    def _spawn(self, binary: str) -> None:
        conf = self._write_secret_conf()
        if self.shared_umask is not None:
            self._write_hook()
        args = [binary, f"--conf-path={conf}"]
        args += [f"--{key}={value}" for key, value in self.options().items()]
        # Outlives this method: closed in _terminate once aria2c has exited.
        self._output = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=self._output,
            stderr=subprocess.STDOUT,
            cwd=self.download_root,
            umask=0o077,
            **self.spawn_options,
        )

    def _write_secret_conf(self) -> Path:
        """Pass the secret in a 0600 file: a command line is readable by every local user."""
        conf = self.session_file.with_name(self.session_file.name + ".rpc.conf")
        _write_private(conf, f"rpc-secret={self.secret}\n", 0o600)
        return conf

    def _hook_path(self) -> Path:
        return self.session_file.with_name(self.session_file.name + ".on-complete")

    def _write_hook(self) -> None:
        """The script aria2 runs when a download finishes (aria2 takes a path, no arguments)."""
        command = [sys.executable, "-m", "vodarr.integrations.aria2.finished"]
        command += [str(self.download_root.resolve()), f"{self.shared_umask:03o}"]
        script = f'#!/bin/sh\nexec {shlex.join(command)} "$@"\n'
        _write_private(self._hook_path(), script, 0o700)

    def _wait_until_answering(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        with self.client(timeout=2.0, connect_timeout=0.5) as probe:
            while True:
                if self._process.poll() is not None:
                    self._fail_start(f"aria2c exited with status {self._process.returncode}")
                try:
                    probe.get_version()
                    return
                except Aria2Error:
                    if time.monotonic() >= deadline:
                        self._fail_start(
                            f"aria2c did not answer RPC at {self.rpc_url} "
                            f"within {self.startup_timeout:g} s"
                        )
                # Doubles as the poll interval and returns at once if aria2c dies.
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._process.wait(timeout=0.02)

    def _fail_start(self, what: str) -> NoReturn:
        output = self._captured_output() or "(no output)"
        self._terminate()
        raise Aria2DaemonError(f"{what} while starting: {output}", secrets=(self.secret,))

    def _captured_output(self) -> str:
        if self._output is None:
            return ""
        self._output.seek(0)
        text = _ANSI.sub("", self._output.read()[-4000:].decode(errors="replace"))
        return redact_text(" ".join(text.split()), (self.secret,))

    def stop(self) -> None:
        """Save the session, then end aria2c (SIGTERM, SIGKILL after ``stop_timeout``)."""
        if self._process is None:
            return
        if self.running:
            try:
                with self.client(timeout=2.0, connect_timeout=0.5) as rpc:
                    rpc.save_session()
            except Aria2Error:
                pass  # SIGTERM saves the session too; this is belt and braces.
        self._terminate()

    def _terminate(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            self._wake_event_loop()
            try:
                process.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._output is not None:
            self._output.close()
            self._output = None

    def _wake_event_loop(self) -> None:
        # aria2c notices SIGTERM only when its event loop wakes, up to a second later when
        # idle; a connection to its RPC port wakes it now. Best effort: it may be gone.
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()

    def restart(self) -> None:
        """Stop and start again on the same port and secret (a new aria2 session id)."""
        self.stop()
        self.revive()

    def revive(self) -> None:
        """Start again after aria2c died: on the same port and secret, which clients and
        listeners hold (a port taken meanwhile is an error, not a move elsewhere)."""
        self._port_was_given = True
        self.start()

    def __enter__(self) -> EmbeddedAria2:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _write_private(path: Path, text: str, mode: int) -> None:
    """Write ``text`` to ``path`` with ``mode`` from the first byte (not after a chmod)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
