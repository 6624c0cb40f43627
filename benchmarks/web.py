"""The web process for benchmarks: uvicorn serving Vodarr as `vodarr serve` does, waiting
until it answers, and a signed-in session on it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

PASSWORD = "bench passphrase"


@contextmanager
def uvicorn_serving(
    workers: int = 1, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A uvicorn process on a free port: (its base URL, the process), stopped afterwards."""
    from tests.fixtures.server import free_port

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "vodarr.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--lifespan",
            "off",
            "--workers",
            str(workers),
        ],
        env=env or os.environ.copy(),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until_up(base: str, timeout: float = 30.0) -> None:
    """Until ``/healthz`` answers at all (200 or 503: the web server is up)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def login(base: str, email: str, password: str = PASSWORD) -> dict[str, str]:
    """Sign in as the app's login form does; returns the session's cookies."""
    with httpx.Client(base_url=base) as http:
        http.get("/login")
        response = http.post(
            "/login",
            json={"email": email, "password": password, "remember": True},
            headers={"X-XSRF-TOKEN": http.cookies["XSRF-TOKEN"], "X-Inertia": "true"},
        )
        assert response.status_code in (302, 303), response.text
        return dict(http.cookies)
