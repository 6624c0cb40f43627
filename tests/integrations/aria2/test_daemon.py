"""EmbeddedAria2: starting, failing to start, restarting with the session, stopping."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from tests.fixtures.aria2 import wait_for_status
from tests.fixtures.media_server import MediaServer
from tests.fixtures.waiting import wait_for
from vodarr.integrations.aria2 import (
    Aria2DaemonError,
    Aria2NotInstalled,
    Aria2Status,
    EmbeddedAria2,
    find_aria2c,
)
from vodarr.integrations.aria2.finished import share_finished_file

pytestmark = pytest.mark.aria2


def test_it_says_how_to_install_aria2c_when_it_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(Aria2NotInstalled) as caught:
        find_aria2c()

    assert str(caught.value) == (
        "aria2c was not found on PATH. Install it with: sudo apt-get install aria2 (Debian/Ubuntu)"
    )


def test_it_creates_its_directories_and_answers_on_loopback(tmp_path: Path) -> None:
    root = tmp_path / "deep" / "downloads"
    with EmbeddedAria2(root, tmp_path / "state" / "aria2.session") as daemon:
        assert root.is_dir()
        assert daemon.rpc_url == f"http://127.0.0.1:{daemon.port}/jsonrpc"
        with daemon.client() as client:
            options = client.get_global_option()
        assert options["rpc-listen-all"] == "false"
        assert options["stop-with-process"] == str(os.getpid())
        assert options["max-tries"] == "1"


def test_it_keeps_the_secret_off_the_command_line(aria2: EmbeddedAria2) -> None:
    cmdline = Path(f"/proc/{aria2.pid}/cmdline").read_bytes()
    assert aria2.secret.encode() not in cmdline
    assert b"--rpc-listen-port" in cmdline


def test_it_fails_to_start_with_aria2cs_own_explanation(tmp_path: Path) -> None:
    daemon = EmbeddedAria2(
        tmp_path / "downloads", tmp_path / "session.txt", extra_options={"max-tries": "many"}
    )

    with pytest.raises(Aria2DaemonError) as caught:
        daemon.start()

    assert "aria2c exited with status 28 while starting" in caught.value.message
    assert "max-tries" in caught.value.message
    assert daemon.secret not in caught.value.message
    assert not daemon.running


def test_it_explains_a_port_that_is_already_taken(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        daemon = EmbeddedAria2(tmp_path / "downloads", tmp_path / "session.txt", port=port)
        with pytest.raises(Aria2DaemonError) as caught:
            daemon.start()
    assert "Address already in use" in caught.value.message


def test_it_restarts_on_the_same_port_and_secret_and_keeps_unfinished_downloads(
    aria2: EmbeddedAria2, media_server: MediaServer
) -> None:
    port, secret, pid = aria2.port, aria2.secret, aria2.pid
    url = media_server.add_file("/movie/u/p/kept.mp4", 1000)
    with aria2.client() as client:
        gid = client.add_uri([url], {"out": "kept.mp4", "pause": "true"})
        session = client.get_session_info()

    aria2.restart()

    assert (aria2.port, aria2.secret) == (port, secret)
    assert aria2.pid != pid
    with aria2.client() as client:
        assert client.get_session_info() != session
        assert client.tell_status(gid).status is Aria2Status.PAUSED


def test_it_stops_the_process(tmp_path: Path) -> None:
    daemon = EmbeddedAria2(tmp_path / "downloads", tmp_path / "session.txt").start()
    process = daemon._process
    assert process is not None

    daemon.stop()

    assert process.returncode is not None
    assert not daemon.running
    assert daemon.pid is None
    daemon.stop()  # a second stop is harmless


def test_its_session_is_private_and_finished_downloads_open_up_to_the_shared_umask(
    tmp_path: Path, media_server: MediaServer
) -> None:
    root = tmp_path / "downloads"
    url = media_server.add_file("/movie/u/p/shared.mp4", 50_000)
    with (
        EmbeddedAria2(root, tmp_path / "state" / "aria2.session", shared_umask=0o022) as daemon,
        daemon.client() as client,
    ):
        gid = client.add_uri([url], {"dir": str(root / "Movies" / "Shared (2001)")})
        wait_for_status(client, gid, Aria2Status.COMPLETE)
        client.save_session()
        finished = root / "Movies" / "Shared (2001)" / "shared.mp4"
        wait_for(lambda: mode(finished) == 0o644, message=lambda: f"0644, not {mode(finished):o}")
        assert mode(finished.parent) == mode(finished.parent.parent) == 0o755
        assert mode(tmp_path / "state" / "aria2.session") == 0o600
        assert mode(tmp_path / "state" / "aria2.session.rpc.conf") == 0o600


def test_the_hook_never_touches_anything_outside_the_download_root(tmp_path: Path) -> None:
    root, outside = tmp_path / "downloads", tmp_path / "elsewhere.txt"
    root.mkdir()
    outside.write_text("x")
    outside.chmod(0o600)
    (root / "link.txt").symlink_to(outside)
    assert not share_finished_file(root, root / "link.txt", 0o022)
    assert not share_finished_file(root, root / ".." / "elsewhere.txt", 0o022)
    assert mode(outside) == 0o600


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
