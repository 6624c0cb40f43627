"""`vodarr aria2`: aria2 as a service of its own, on the configured port and secret."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from tests.fixtures.processes import VODARR, isolated_env, run_vodarr
from tests.fixtures.server import free_port
from tests.fixtures.waiting import wait_for
from vodarr.integrations.aria2 import Aria2Client, Aria2Error

pytestmark = pytest.mark.aria2


def test_it_serves_rpc_on_the_configured_port_until_sigterm(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/jsonrpc"
    env = isolated_env(tmp_path / "data", ARIA2_RPC_URL=url, ARIA2_RPC_SECRET="a-long-secret")
    service = subprocess.Popen([*VODARR, "aria2"], env=env, stdout=subprocess.PIPE)

    def answers() -> bool:
        try:
            with Aria2Client(url, "a-long-secret", timeout=1) as client:
                return client.get_global_option()["max-tries"] == "1"
        except Aria2Error:
            return False

    try:
        wait_for(answers, timeout=20, message="`vodarr aria2` to answer RPC")
    finally:
        service.send_signal(signal.SIGTERM)
        assert service.wait(timeout=15) == 0
    assert (tmp_path / "data" / "aria2.session").exists()


def test_it_refuses_to_run_without_a_secret(tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "data", ARIA2_RPC_URL="http://127.0.0.1:6800/jsonrpc")
    result = run_vodarr(env, "aria2")
    assert result.returncode != 0
    assert "Set ARIA2_RPC_SECRET" in result.stderr
