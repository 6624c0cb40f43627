"""`vodarr serve` restarts what dies: kill -9 its aria2c or its worker, as a crash would, and
the downloads carry on — the running one completes with the right bytes, the paused one
stays paused, a transient failure is still retried.

Black-box: the provider is the fake one (a real HTTP server here), everything else runs in
`vodarr serve`'s own processes and is driven over HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.fakes import FakeProvider
from tests.fixtures.serving import Served, kill
from tests.fixtures.waiting import wait_for

pytestmark = [pytest.mark.aria2, pytest.mark.slow]

NOSFERATU, METROPOLIS, DETOUR = 1, 2, 3


@pytest.fixture
def served(tmp_path: Path, fake_provider: FakeProvider) -> Iterator[Served]:
    served = Served(
        tmp_path,
        XTREAM_BASE_URL=fake_provider.base_url,
        XTREAM_USERNAME=fake_provider.username,
        XTREAM_PASSWORD=fake_provider.password,
    ).start()
    yield served
    served.stop()


def start_movie(client: httpx.Client, stream_id: int) -> None:
    # As the browser's click sends it: a same-origin navigation.
    headers = {"Sec-Fetch-Site": "same-origin", "Referer": f"{client.base_url}/movies/{stream_id}"}
    response = client.get(f"/movies/{stream_id}/download", headers=headers)
    assert response.status_code == 200, response.text


def downloads(client: httpx.Client) -> dict[int, dict[str, Any]]:
    """The Downloads page's rows by movie id."""
    page = client.get("/downloads", headers={"X-Inertia": "true", "X-Inertia-Version": "1"})
    return {row["downloadable_id"]: row for row in page.json()["props"]["downloads"]["data"]}


def metropolis_status(client: httpx.Client) -> tuple[str, str]:
    status = downloads(client)[METROPOLIS]["downloadStatus"]
    return status["status"], status.get("source", "live")


def media_files(served: Served, name: str) -> list[Path]:
    return [p for p in (served.data / "downloads").rglob(f"{name}*.mp4") if p.is_file()]


def finished_file(served: Served, name: str, size: int) -> Path | None:
    """The downloaded movie once complete (all bytes, aria2's control file gone), else None."""
    done = [
        p
        for p in media_files(served, name)
        if p.stat().st_size == size and not p.with_name(p.name + ".aria2").exists()
    ]
    return done[0] if done else None


def bytes_so_far(served: Served, name: str) -> int:
    return sum(p.stat().st_size for p in media_files(served, name))


def test_aria2_killed_mid_download_comes_back_and_the_downloads_carry_on(
    served: Served, fake_provider: FakeProvider
) -> None:
    client = served.signed_in()
    fake_provider.set_throttle("movie", NOSFERATU, 48 * 1024)  # 256 KiB in about 5 s
    fake_provider.set_throttle("movie", METROPOLIS, 16 * 1024)
    start_movie(client, METROPOLIS)
    metropolis = downloads(client)[METROPOLIS]
    paused = client.patch(f"/downloads/{metropolis['id']}", json={"action": "pause"})
    assert paused.status_code == 200, paused.text
    start_movie(client, NOSFERATU)
    wait_for(lambda: bytes_so_far(served, "Nosferatu") > 0, message="Nosferatu to be under way")
    old_aria2 = served.children()["aria2c"]

    kill(old_aria2)

    served.new_child("aria2c", old_aria2, timeout=10)
    done = wait_for(
        lambda: finished_file(served, "Nosferatu", fake_provider.media_size("movie", NOSFERATU)),
        timeout=40,
        message=lambda: f"Nosferatu to finish; rows {downloads(client)}\n{served.log()}",
    )
    assert done.read_bytes() == fake_provider.expected_bytes("movie", NOSFERATU)
    # Paused as aria2 reports it now ("live"), not merely as last recorded.
    wait_for(
        lambda: metropolis_status(client) == ("paused", "live"),
        message=lambda: f"Metropolis to be paused in the new aria2: {downloads(client)}",
    )
    assert bytes_so_far(served, "Metropolis") < fake_provider.media_size("movie", METROPOLIS)
    assert "The embedded aria2c exited (killed by signal 9)" in served.log()


def test_a_killed_worker_is_restarted_and_still_retries_a_transient_failure(
    served: Served, fake_provider: FakeProvider
) -> None:
    client = served.signed_in()
    old_worker = served.children()["worker"]

    kill(old_worker)

    served.new_child("worker", old_worker, timeout=10)
    fake_provider.fail_next("movie", DETOUR, count=1, status=503)
    start_movie(client, DETOUR)
    done = wait_for(
        lambda: finished_file(served, "Detour", fake_provider.media_size("movie", DETOUR)),
        timeout=40,
        message=lambda: f"Detour to be retried and finish: {downloads(client)}\n{served.log()}",
    )
    assert done.read_bytes() == fake_provider.expected_bytes("movie", DETOUR)
    assert fake_provider.hits("movie", DETOUR) >= 2  # the 503, then the retry
    assert "The worker is running again" in served.log()
