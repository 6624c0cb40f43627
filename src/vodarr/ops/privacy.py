"""Who may read Vodarr's files: the data directory is 0700 and everything in it 0600.

The data directory holds the database (sign-in sessions, the encrypted provider password),
the secret key that signs sessions and decrypts that password, and aria2's session file,
which lists media URLs with the provider password in clear. Another local account able to
read any of them can take over Vodarr or the provider account.

Vodarr's processes create files with the umask 077 (``use_private_umask``, called by the
`vodarr` command), so new files are private from the first byte. Files from before, or put
there by hand, are found here: `vodarr serve`, `vodarr worker` and every other command
refuse to start through Django's system checks, and `vodarr doctor --fix` narrows them.
DOWNLOAD_ROOT is left alone even inside the data directory: media servers read it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PRIVATE_UMASK = 0o077


def use_private_umask() -> None:
    """Every file and directory this process creates from now on is its owner's alone."""
    os.umask(PRIVATE_UMASK)


@dataclass(frozen=True)
class Exposure:
    """A path in the data directory that others can reach (or that is not ours)."""

    path: Path
    mode: int
    owner: int
    is_dir: bool

    @property
    def wanted(self) -> int:
        """The same permissions for the owner, none for anybody else (0600, 0700…)."""
        return self.mode & ~PRIVATE_UMASK

    def sentence(self) -> str:
        kind = "directory" if self.is_dir else "file"
        if self.owner != os.geteuid():
            return (
                f"The {kind} {self.path} belongs to another user (uid {self.owner}); "
                f"Vodarr's data must belong to the user that runs it."
            )
        return (
            f"The {kind} {self.path} can be read by other users (mode {self.mode:04o}); "
            f"it must be {self.wanted:04o}. Run `vodarr doctor --fix` or "
            f"`chmod {self.wanted:o} {self.path}`."
        )

    def fix(self) -> None:
        """Narrow the mode (an owner problem is for root to solve, not us)."""
        if self.owner == os.geteuid():
            os.chmod(self.path, self.wanted, follow_symlinks=False)


def exposures(data_dir: Path, download_root: Path) -> Iterator[Exposure]:
    """Everything under ``data_dir`` (itself included) that is not private to its owner."""
    data_dir, download_root = data_dir.resolve(), download_root.resolve()
    if not data_dir.is_dir():
        return
    yield from _check(data_dir)
    for folder, dirs, files in os.walk(data_dir):
        here = Path(folder)
        dirs[:] = [name for name in dirs if (here / name) != download_root]
        for name in [*dirs, *files]:
            yield from _check(here / name)


def _check(path: Path) -> Iterator[Exposure]:
    try:
        info = path.lstat()
    except FileNotFoundError:
        return  # gone meanwhile (a SQLite journal, a test database)
    if stat.S_ISLNK(info.st_mode):
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & PRIVATE_UMASK or info.st_uid != os.geteuid():
        yield Exposure(path, mode, info.st_uid, stat.S_ISDIR(info.st_mode))


def shared_folder_problem(session_file: Path, download_root: Path) -> str | None:
    """Why the aria2 session file must not live where it would: in the shared downloads."""
    session_dir = session_file.resolve().parent
    root = download_root.resolve()
    if session_dir == root or root in session_dir.parents:
        return (
            f"aria2's session file {session_file} would sit inside DOWNLOAD_ROOT ({root}), which "
            "media servers and other users read; it holds the provider password. Keep "
            "VODARR_DATA_DIR outside DOWNLOAD_ROOT."
        )
    return None
