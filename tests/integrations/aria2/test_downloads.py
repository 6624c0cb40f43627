"""Aria2Client against a real aria2c downloading from a real local HTTP server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.aria2 import wait_for_status
from tests.fixtures.media_server import MediaServer, expected_bytes
from tests.fixtures.waiting import wait_for
from vodarr.integrations.aria2 import (
    Aria2AuthError,
    Aria2Client,
    Aria2Error,
    Aria2GidNotFound,
    Aria2Status,
    DownloadStatus,
    EmbeddedAria2,
)

pytestmark = pytest.mark.aria2

STOPPED = (Aria2Status.COMPLETE, Aria2Status.ERROR, Aria2Status.REMOVED)


def test_it_downloads_a_file_with_exactly_the_served_bytes(
    aria2: EmbeddedAria2, aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    path = "/movie/alice/S3cr3tPass/101.mp4"
    url = media_server.add_file(path, 300_000)
    gid = aria2_client.add_uri([url], {"out": "Movies/Heat (1995)/Heat (1995).mp4"})

    status = wait_for_status(aria2_client, gid, *STOPPED)

    assert status.status is Aria2Status.COMPLETE
    assert status.error_code is None
    assert status.total_length == status.completed_length == 300_000
    assert status.progress == 1.0
    target = aria2.download_root / "Movies/Heat (1995)/Heat (1995).mp4"
    assert status.files[0].path == str(target)
    assert target.read_bytes() == expected_bytes(path, 300_000)


def test_it_reads_the_status_of_many_gids_in_one_request(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    url = media_server.add_file("/movie/u/p/1.mp4", 1000)
    gids = [aria2_client.add_uri([url], {"out": f"{n}.mp4", "pause": "true"}) for n in range(10)]
    before = aria2_client.request_count

    statuses = aria2_client.tell_statuses([*gids, "0123456789abcdef"])

    assert aria2_client.request_count == before + 1
    assert list(statuses) == [*gids, "0123456789abcdef"]
    for gid in gids:
        status = statuses[gid]
        assert isinstance(status, DownloadStatus)
        assert (status.gid, status.status) == (gid, Aria2Status.PAUSED)
    assert isinstance(statuses["0123456789abcdef"], Aria2GidNotFound)


def test_it_adds_a_batch_in_one_request_and_reports_each_failure_in_its_slot(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    url = media_server.add_file("/series/u/p/7.mkv", 5000)
    before = aria2_client.request_count

    results = aria2_client.add_uris(
        [
            ([url], {"out": "S01E01.mkv"}),
            ([url], {"out": "S01E02.mkv", "max-tries": "not-a-number"}),
            ([url], {"out": "S01E03.mkv"}),
        ]
    )

    assert aria2_client.request_count == before + 1
    first, refused, third = results
    assert isinstance(first, str)
    assert isinstance(third, str)
    assert isinstance(refused, Aria2Error)
    assert "max-tries" in refused.message
    for gid in (first, third):
        assert wait_for_status(aria2_client, gid, *STOPPED).status is Aria2Status.COMPLETE


def test_it_pauses_resumes_and_finishes_a_download_with_the_right_bytes(
    aria2: EmbeddedAria2, aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    path = "/movie/u/p/slow.mp4"
    url = media_server.add_file(path, 240_000, throttle=160_000)
    gid = aria2_client.add_uri([url], {"out": "slow.mp4"})
    wait_for_status(aria2_client, gid, Aria2Status.ACTIVE)

    assert aria2_client.pause(gid) == gid
    wait_for_status(aria2_client, gid, Aria2Status.PAUSED)
    assert aria2_client.unpause(gid) == gid

    assert wait_for_status(aria2_client, gid, *STOPPED).status is Aria2Status.COMPLETE
    assert (aria2.download_root / "slow.mp4").read_bytes() == expected_bytes(path, 240_000)


def test_it_sees_a_throttled_download_active_with_progress_then_complete(
    aria2: EmbeddedAria2, aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    path = "/movie/u/p/throttled.mp4"
    url = media_server.add_file(path, 200_000, throttle=200_000)
    gid = aria2_client.add_uri([url], {"out": "throttled.mp4"})

    def active_with_some_bytes() -> DownloadStatus | None:
        status = aria2_client.tell_status(gid)
        moving = status.status is Aria2Status.ACTIVE and status.completed_length > 0
        return status if moving else None

    moving = wait_for(active_with_some_bytes, message="the download to be active with some bytes")
    assert moving.total_length == 200_000
    assert 0 < moving.progress < 1

    assert wait_for_status(aria2_client, gid, *STOPPED).status is Aria2Status.COMPLETE
    assert (aria2.download_root / "throttled.mp4").read_bytes() == expected_bytes(path, 200_000)


def test_it_removes_an_active_download_and_then_forgets_its_result(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    url = media_server.add_file("/movie/u/p/removed.mp4", 200_000, throttle=50_000)
    gid = aria2_client.add_uri([url])
    wait_for_status(aria2_client, gid, Aria2Status.ACTIVE)

    assert aria2_client.force_remove(gid) == gid
    assert wait_for_status(aria2_client, gid, *STOPPED).status is Aria2Status.REMOVED
    assert aria2_client.remove_download_result(gid) == "OK"

    with pytest.raises(Aria2GidNotFound):
        aria2_client.tell_status(gid)


def test_it_forgets_a_paused_download_at_once_when_it_is_removed(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    # aria2 keeps no "removed" result for a download that never started: callers must
    # treat "GID not found" after a remove as success.
    url = media_server.add_file("/movie/u/p/never.mp4", 1000)
    gid = aria2_client.add_uri([url], {"pause": "true"})

    assert aria2_client.remove(gid) == gid

    with pytest.raises(Aria2GidNotFound):
        aria2_client.tell_status(gid)


def test_it_lists_active_waiting_and_stopped_downloads(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    url = media_server.add_file("/movie/u/p/list.mp4", 1000)
    paused = aria2_client.add_uri([url], {"out": "paused.mp4", "pause": "true"})
    done = aria2_client.add_uri([url], {"out": "done.mp4"})
    wait_for_status(aria2_client, done, *STOPPED)

    assert [s.gid for s in aria2_client.tell_waiting(0, 10)] == [paused]
    assert [s.gid for s in aria2_client.tell_stopped(0, 10)] == [done]
    assert aria2_client.tell_active() == []
    stat = aria2_client.get_global_stat()
    assert (stat.num_active, stat.num_waiting, stat.num_stopped) == (0, 1, 1)


def test_it_reports_an_unknown_gid_clearly(aria2_client: Aria2Client) -> None:
    with pytest.raises(Aria2GidNotFound) as caught:
        aria2_client.tell_status("abc123abc123abc1")
    assert caught.value.message == "aria2 has no download with GID abc123abc123abc1."
    assert caught.value.permanent is True


def test_it_reports_a_wrong_secret_clearly(aria2: EmbeddedAria2) -> None:
    with Aria2Client(aria2.rpc_url, "not-the-secret") as client, pytest.raises(Aria2AuthError) as e:
        client.get_version()
    assert e.value.message == "aria2 rejected the RPC secret (Unauthorized)."
    assert aria2.secret not in str(e.value)


def test_it_reads_and_changes_global_options(aria2_client: Aria2Client, tmp_path: Path) -> None:
    options = aria2_client.get_global_option()
    assert options["max-tries"] == "1"
    assert options["dir"] == str(tmp_path / "downloads")

    aria2_client.change_global_option({"max-concurrent-downloads": "3"})

    assert aria2_client.get_global_option()["max-concurrent-downloads"] == "3"


def test_it_saves_the_session_and_reports_its_id(
    aria2: EmbeddedAria2, aria2_client: Aria2Client
) -> None:
    assert len(aria2_client.get_session_info()) == 40
    assert aria2_client.get_version()["version"]
    aria2_client.save_session()
    assert aria2.session_file.exists()
