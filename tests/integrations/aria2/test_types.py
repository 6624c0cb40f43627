"""Parsing aria2's stringly-typed answers into DownloadStatus, FileEntry and GlobalStat."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from vodarr.integrations.aria2 import (
    STATUS_KEYS,
    Aria2Status,
    DownloadStatus,
    FileEntry,
    GlobalStat,
)

SECRET_URL = "http://provider.example:8080/movie/alice/S3cr3tPass/42.mp4"

RAW_STATUS: dict[str, Any] = {
    "gid": "2089b05ecca3d829",
    "status": "active",
    "totalLength": "1000",
    "completedLength": "250",
    "downloadSpeed": "50",
    "errorCode": "0",
    "errorMessage": "",
    "dir": "/downloads",
    "files": [
        {
            "index": "1",
            "path": "/downloads/Movie (2020).mp4",
            "length": "1000",
            "completedLength": "250",
            "selected": "true",
            "uris": [{"status": "used", "uri": SECRET_URL}],
        }
    ],
}


def test_it_parses_a_status_into_integers() -> None:
    status = DownloadStatus.from_rpc(RAW_STATUS)
    assert status.gid == "2089b05ecca3d829"
    assert status.status is Aria2Status.ACTIVE
    assert (status.total_length, status.completed_length, status.download_speed) == (1000, 250, 50)
    assert status.dir == "/downloads"
    assert status.files == [
        FileEntry(
            index=1,
            path="/downloads/Movie (2020).mp4",
            length=1000,
            completed_length=250,
            selected=True,
        )
    ]


def test_it_reads_error_code_zero_as_no_error() -> None:
    status = DownloadStatus.from_rpc(RAW_STATUS)
    assert status.error_code is None
    assert status.error_message is None


def test_it_drops_file_uris_because_they_carry_the_password() -> None:
    status = DownloadStatus.from_rpc(RAW_STATUS)
    assert "S3cr3tPass" not in repr(status)
    assert "S3cr3tPass" not in str(status.to_dict())
    assert "uris" not in status.to_dict()["files"][0]


def test_it_redacts_urls_in_error_messages() -> None:
    status = DownloadStatus.from_rpc(
        {"gid": "a", "status": "error", "errorCode": "3", "errorMessage": f"Failed {SECRET_URL}"}
    )
    assert status.error_code == 3
    assert status.error_message is not None
    assert "S3cr3tPass" not in status.error_message
    assert "alice" not in status.error_message


def test_it_tolerates_missing_keys_when_only_some_were_requested() -> None:
    status = DownloadStatus.from_rpc({"status": "paused"}, gid="abc")
    assert status.gid == "abc"
    assert status.status is Aria2Status.PAUSED
    assert (status.total_length, status.completed_length, status.download_speed) == (0, 0, 0)
    assert status.files == []
    assert status.dir == ""


def test_it_gives_the_camel_case_wire_shape_with_integers() -> None:
    assert DownloadStatus.from_rpc(RAW_STATUS).to_dict() == {
        "gid": "2089b05ecca3d829",
        "status": "active",
        "totalLength": 1000,
        "completedLength": 250,
        "downloadSpeed": 50,
        "errorCode": None,
        "errorMessage": None,
        "dir": "/downloads",
        "files": [
            {
                "index": 1,
                "path": "/downloads/Movie (2020).mp4",
                "length": 1000,
                "completedLength": 250,
                "selected": True,
            }
        ],
    }
    assert set(DownloadStatus.from_rpc(RAW_STATUS).to_dict()) == set(STATUS_KEYS)


def test_it_computes_progress_and_eta() -> None:
    status = DownloadStatus.from_rpc(RAW_STATUS)
    assert status.progress == 0.25
    assert status.eta_seconds == 15  # 750 bytes left at 50 B/s


def test_it_has_no_eta_when_not_moving_and_no_progress_without_a_length() -> None:
    still = DownloadStatus.from_rpc({**RAW_STATUS, "downloadSpeed": "0"})
    assert still.eta_seconds is None
    unknown = DownloadStatus.from_rpc({"gid": "a", "status": "active", "downloadSpeed": "9"})
    assert unknown.progress == 0.0
    assert unknown.eta_seconds is None


def test_it_rounds_the_eta_up_so_zero_means_done() -> None:
    status = DownloadStatus.from_rpc({**RAW_STATUS, "completedLength": "999", "downloadSpeed": "7"})
    assert status.eta_seconds == 1


def test_it_parses_the_global_stat_into_integers() -> None:
    stat = GlobalStat.from_rpc(
        {
            "downloadSpeed": "31113",
            "uploadSpeed": "0",
            "numActive": "1",
            "numWaiting": "2",
            "numStopped": "3",
            "numStoppedTotal": "4",
        }
    )
    assert stat == GlobalStat(31113, 0, 1, 2, 3, 4)


_FILE_KEYS = ["index", "path", "length", "completedLength", "selected", "uris"]
_wire_values = st.one_of(st.none(), st.text(max_size=12), st.integers(), st.booleans())


@given(
    st.dictionaries(
        st.sampled_from([*STATUS_KEYS, "bittorrent", "following"]),
        st.one_of(
            _wire_values,
            st.lists(st.dictionaries(st.sampled_from(_FILE_KEYS), _wire_values), max_size=2),
        ),
    )
)
def test_it_never_raises_on_odd_status_payloads(raw: dict[str, Any]) -> None:
    status = DownloadStatus.from_rpc(raw, gid="g")
    assert 0.0 <= status.progress <= 1.0
    assert isinstance(status.to_dict()["totalLength"], int)
