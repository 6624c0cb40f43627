"""Talking to a Vodarr under uvicorn from a benchmark: wait until it answers, sign in."""

from __future__ import annotations

import time

import httpx


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


def login(base: str, email: str, password: str) -> dict[str, str]:
    """Sign in as an Inertia form would; the session's cookies."""
    with httpx.Client(base_url=base) as http:
        http.get("/login")
        response = http.post(
            "/login",
            json={"email": email, "password": password, "remember": True},
            headers={"X-XSRF-TOKEN": http.cookies["XSRF-TOKEN"], "X-Inertia": "true"},
        )
        assert response.status_code in (302, 303), response.text
        return dict(http.cookies)
