"""`vodarr serve` brings the whole app up (embedded aria2, demo provider, worker, web) and down."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.fixtures.server import free_port
from tests.fixtures.waiting import wait_for


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.aria2
def test_serve_starts_everything_and_stops_it_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ARIA2_", "XTREAM_", "DJANGO_", "DATABASE_URL"))
    }
    env |= {"VODARR_DATA_DIR": str(tmp_path / "data"), "PORT": str(port), "HOST": "127.0.0.1"}
    vodarr = [sys.executable, "-m", "vodarr.cli"]
    subprocess.run([*vodarr, "migrate", "--noinput"], env=env, check=True, capture_output=True)
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([*vodarr, "serve"], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:

        def healthy() -> bool:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(
            healthy, timeout=30, message=lambda: f"the server to answer; log:\n{log.read_text()}"
        )
        page = httpx.get(f"http://127.0.0.1:{port}/login").text
        assert '<script data-page="app" type="application/json">' in page
        assert re.search(r'src="/static/dist/assets/main-[^"]+\.js"', page)
        asset = re.search(r'src="(/static/dist/assets/main-[^"]+\.js)"', page).group(1)
        assert httpx.get(f"http://127.0.0.1:{port}{asset}").status_code == 200
        text = log.read_text()
        assert "Started the embedded aria2" in text
        assert "DEMO catalogue" in text
        assert "Demo catalogue loaded" in text
        aria2_pid = (
            int(re.search(r"aria2c pid (\d+)", text).group(1)) if "aria2c pid" in text else None
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert server.returncode == 0
    if aria2_pid is not None:
        wait_for(lambda: not _alive(aria2_pid), timeout=10, message="aria2c to stop")
    assert (tmp_path / "data" / "demo-port").exists()
