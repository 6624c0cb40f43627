"""Writing into one title's folder, and nowhere else, without trampling a person's files.

A ``TitleFolder`` is a folder under DOWNLOAD_ROOT (checked when it is made) and writes only
plain file names into it: no separators, no leading dot, so no name the provider sent can
reach another folder. Documents replace only our own unedited ones (``nfo.is_ours_unedited``)
and are written to a temporary name first, then moved over (a media server scanning at that
moment never reads half a file). Pictures are fetched once: any existing ``poster.*`` —
ours, a person's, a symlink — means there is nothing to do.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from vodarr.downloads.mediafiles.nfo import is_ours_unedited
from vodarr.downloads.paths import absolute_path
from vodarr.integrations.fetch import Image

PICTURE_EXTENSIONS = ("jpg", "png", "webp")


class Outcome(StrEnum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT = "kept"  # a person's file (or edit) stays as it is
    EXISTS = "exists"  # a picture is there already


class TitleFolder:
    def __init__(self, relative: str) -> None:
        """``relative`` to DOWNLOAD_ROOT; raises ``UnsafePath`` when it would leave it."""
        self.path = absolute_path(relative)

    def write_document(self, name: str, content: bytes) -> Outcome:
        target = self._child(name)
        if target.is_symlink():
            return Outcome.KEPT
        if target.exists():
            current = target.read_bytes()
            if current == content:
                return Outcome.UNCHANGED
            if not is_ours_unedited(current):
                return Outcome.KEPT
        self._write(target, content)
        return Outcome.WRITTEN

    def save_picture(self, stem: str, fetch: Callable[[], Image]) -> Outcome:
        """``stem.jpg`` (or .png/.webp, by the bytes) unless one exists; ``fetch`` raises
        ``FetchError`` when the picture cannot be had."""
        self._child(stem)
        for extension in PICTURE_EXTENSIONS:
            candidate = self.path / f"{stem}.{extension}"
            if candidate.exists() or candidate.is_symlink():
                return Outcome.EXISTS
        image = fetch()
        self._write(self._child(f"{stem}.{image.extension}"), image.content)
        return Outcome.WRITTEN

    def _child(self, name: str) -> Path:
        if not name or name != Path(name).name or name.startswith(".") or "\x00" in name:
            raise ValueError(f"Not a plain file name: {name!r}")
        return self.path / name

    def _write(self, target: Path, content: bytes) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.vodarr-tmp")
        try:
            with temporary.open("wb") as file:
                file.write(content)
            os.replace(temporary, target)  # replaces a name, never follows a symlink's target
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
