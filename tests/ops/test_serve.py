"""`vodarr serve` brings the whole app up (embedded aria2, demo provider, worker, web), keeps
its files private and its access log free of secrets, and takes everything down with it."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import stat
from pathlib import Path

import httpx
import pytest

from tests.fixtures.processes import isolated_env, run_vodarr
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


def test_each_web_process_listens_on_its_own_socket(tmp_path: Path) -> None:
    """With several web processes each has its own socket on the port (SO_REUSEPORT), so the
    kernel spreads connections over them instead of the first to wake taking them all."""
    served = Served(tmp_path, WEB_WORKERS="2").start()
    try:
        web = [
            pid
            for pid in child_pids(served.pid)
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
        ]
        assert len(web) == 2
        listening = listening_sockets(served.port)
        own = [listening & socket_inodes(pid) for pid in web]
        assert all(len(inodes) == 1 for inodes in own), own
        assert own[0] != own[1]
        assert not listening & socket_inodes(served.pid)  # serve only holds the address
        for _ in range(6):  # new connections each, wherever they land
            assert (
                httpx.get(f"{served.url}/login", headers={"Connection": "close"}).status_code == 200
            )
    finally:
        assert served.stop() == 0


def test_serve_says_so_when_its_port_is_taken(tmp_path: Path) -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        env = isolated_env(tmp_path / "data", PORT=str(port), WEB_WORKERS="2")
        assert run_vodarr(env, "migrate", "--noinput").returncode == 0
        result = run_vodarr(env, "serve")
    finally:
        taken.close()
    assert result.returncode != 0
    assert f"Cannot listen on 127.0.0.1:{port}: Address already in use." in result.stderr


def listening_sockets(port: int) -> set[str]:
    """Inodes of the sockets listening on ``port`` (``/proc/net/tcp``: state 0A)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    return inodes


def socket_inodes(pid: int) -> set[str]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                found.add(target[len("socket:[") : -1])
    return found


def all_descendants(pid: int) -> list[int]:
    found = child_pids(pid)
    return found + [grandchild for child in found for grandchild in all_descendants(child)]
