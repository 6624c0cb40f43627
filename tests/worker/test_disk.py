"""check_free_space: a clear sentence before a download that cannot fit is (re)added."""

from __future__ import annotations

from pathlib import Path

import pytest

from vodarr.downloads import disk
from vodarr.downloads.disk import NotEnoughDiskSpace, check_free_space, format_size
from vodarr.downloads.starting import StartError

GIB = 1024**3


def test_a_download_that_fits_passes(settings, tmp_path: Path) -> None:
    settings.DOWNLOAD_ROOT = tmp_path
    check_free_space(1024)


def test_a_download_that_does_not_fit_is_refused_with_both_figures(
    settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.DOWNLOAD_ROOT = tmp_path
    settings.VODARR_DISK_RESERVE_BYTES = 0
    monkeypatch.setattr(disk, "free_bytes", lambda folder=None: int(1.2 * GIB))

    with pytest.raises(NotEnoughDiskSpace) as refused:
        check_free_space(int(3.4 * GIB))

    assert refused.value.message == (
        "Not enough free space in the download folder: 1.2 GiB free, 3.4 GiB needed."
    )
    assert isinstance(refused.value, StartError)  # the start path reports it like any other
    assert refused.value.messages == [refused.value.message]


def test_the_reserve_counts_even_when_the_size_is_unknown(settings, tmp_path: Path) -> None:
    settings.DOWNLOAD_ROOT = tmp_path
    settings.VODARR_DISK_RESERVE_BYTES = 1 << 62

    with pytest.raises(NotEnoughDiskSpace):
        check_free_space(0)


def test_a_download_folder_not_created_yet_is_measured_on_its_disk(tmp_path: Path) -> None:
    assert disk.free_bytes(tmp_path / "not" / "yet") == disk.free_bytes(tmp_path)


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 B"),
        (512, "512 B"),
        (1536, "1.5 KiB"),
        (5 * 1024**2, "5.0 MiB"),
        (3 * 1024**4, "3.0 TiB"),
    ],
)
def test_sizes_read_like_a_file_manager(size: int, shown: str) -> None:
    assert format_size(size) == shown
