"""`vodarr serve` brings the whole app up (embedded aria2, demo provider, worker, web), keeps
its files private and its access log free of secrets, and takes everything down with it."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import httpx
import pytest

from tests.fixtures.serving import Served, alive, child_pids, kill
from tests.fixtures.waiting import wait_for

pytestmark = [pytest.mark.aria2, pytest.mark.slow]


def test_serve_starts_everything_privately_and_stops_it_on_sigterm(tmp_path: Path) -> None:
    served = Served(tmp_path).start()
    try:
        page = httpx.get(f"{served.url}/login").text
        assert '<script data-page="app" type="application/json">' in page
        asset = re.search(r'src="(/static/dist/assets/main-[^"]+\.js)"', page).group(1)
        assert httpx.get(f"{served.url}{asset}").status_code == 200
        status, health = served.healthz()
        assert status == 200 and health["status"] == "ok"
        httpx.get(f"{served.url}/reset-password/MQ/a-secret-reset-token")
        text = served.log()
        assert "Started the embedded aria2" in text
        assert "Demo catalogue loaded" in text
        children = served.children()
        assert set(children) == {"aria2c", "worker"}
        # Everything in the data directory is private, aria2's session and config included.
        wait_for(lambda: (served.data / "aria2.session").exists(), timeout=15)
        for path in [served.data, *served.data.rglob("*")]:
            if served.data / "downloads" not in [path, *path.parents]:
                assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    finally:
        assert served.stop() == 0
    wait_for(lambda: not any(alive(pid) for pid in children.values()), timeout=15)
    log = served.log()
    assert '"GET /reset-password/*** HTTP/1.1" 302' in log
    assert "a-secret-reset-token" not in log


def test_no_child_outlives_a_serve_killed_with_sigkill(tmp_path: Path) -> None:
    served = Served(tmp_path, WEB_WORKERS="2").start()
    assert set(served.children()) == {"aria2c", "worker"}
    descendants = all_descendants(served.pid)
    assert len(descendants) >= 4  # aria2c, the worker, two uvicorn processes

    kill(served.pid)

    served.stop()  # reaps it
    wait_for(
        lambda: not any(alive(pid) for pid in descendants),
        timeout=15,
        message=lambda: f"{[p for p in descendants if alive(p)]} to die with serve",
    )


def all_descendants(pid: int) -> list[int]:
    found = child_pids(pid)
    return found + [grandchild for child in found for grandchild in all_descendants(child)]
