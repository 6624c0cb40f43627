"""Free space in the download folder, checked before a download is (re)added.

A full disk otherwise shows up as aria2 error 9 somewhere in the middle of a 4 GB file, after
the provider connection (often one of very few the account allows) has been spent. Checking
first turns it into one sentence the user can act on. Starts, manual retries, automatic
retries and re-adds all check it (``gateway.Aria2Gateway``). ``NotEnoughDiskSpace`` is a
``StartError`` so a start reports it as it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings

from vodarr.downloads.errors import StartError
from vodarr.downloads.paths import download_root

# Headroom kept free besides the file itself: aria2's control files, the database, the OS.
DEFAULT_RESERVE_BYTES = 64 * 1024 * 1024


class NotEnoughDiskSpace(StartError):
    """The download folder's disk cannot take the file; ``message`` says how far off it is."""

    def __init__(self, free: int, needed: int) -> None:
        self.free = free
        self.needed = needed
        self.message = (
            "Not enough free space in the download folder: "
            f"{format_size(free)} free, {format_size(needed)} needed."
        )
        super().__init__(self.message)


def format_size(size: int) -> str:
    """1288490188 → "1.2 GiB": binary units, one decimal, as file managers show them."""
    value = float(max(0, size))
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024:
            return f"{value:.0f} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TiB"


def free_bytes(folder: Path | None = None) -> int:
    """Free bytes on the disk holding ``folder`` (default DOWNLOAD_ROOT), for this user."""
    path = Path(folder) if folder is not None else download_root()
    # The folder may not exist yet (first download): its nearest existing parent is on the
    # same disk in every setup that matters.
    while not path.exists() and path != path.parent:
        path = path.parent
    return shutil.disk_usage(path).free


def check_free_space(expected_bytes: int, *, folder: Path | None = None) -> None:
    """Raise ``NotEnoughDiskSpace`` unless ``expected_bytes`` (plus a reserve) fit.

    ``expected_bytes`` is what is still to be written (0 when the size is unknown: only the
    reserve is checked then). The reserve is ``VODARR_DISK_RESERVE_BYTES`` (default 64 MiB).
    """
    reserve = int(getattr(settings, "VODARR_DISK_RESERVE_BYTES", DEFAULT_RESERVE_BYTES))
    needed = max(0, int(expected_bytes)) + max(0, reserve)
    free = free_bytes(folder)
    if free < needed:
        raise NotEnoughDiskSpace(free, needed)
