"""Where downloads land: media-server names, sanitised, and always inside DOWNLOAD_ROOT.

Names come from the provider and cannot be trusted: `../../etc/passwd`, control characters,
leading dots and 900-byte titles all become one safe path component each.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path, PurePosixPath

from django.conf import settings

MAX_COMPONENT_BYTES = 200  # below the 255-byte limit of ext4/NTFS/SMB, leaving room for ".aria2"
_FORBIDDEN = re.compile(r'[<>"|?*\\/]')  # separators, and what Windows/SMB shares refuse
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


REJECTED_SUFFIX = ".rejected"  # a file the verification refused, kept beside the output
# A download's own file, aria2's control file, and a copy the verification refused.
_BESIDE_A_DOWNLOAD = ("", ".aria2", REJECTED_SUFFIX)


class UnsafePath(Exception):
    """A path would leave DOWNLOAD_ROOT."""


def clean_component(
    name: str, fallback: str = "Untitled", max_bytes: int = MAX_COMPONENT_BYTES
) -> str:
    text = unicodedata.normalize("NFC", name or "")
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    text = text.replace(":", " -")
    text = _FORBIDDEN.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = text.lstrip(". ").rstrip(". ")
    text = _cap_bytes(text, max_bytes).rstrip(". ")
    if not text or text.split(".")[0].lower() in _RESERVED:
        text = f"{fallback} {text}".strip() if text else fallback
    return text


def clean_extension(extension: str | None) -> str:
    ext = re.sub(r"[^a-z0-9]", "", (extension or "").lower())[:8]
    return ext or "mp4"


def _cap_bytes(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    # errors="ignore" drops a multi-byte character cut in half rather than corrupting it.
    return encoded[:max_bytes].decode("utf-8", errors="ignore").rstrip()


def _titled(name: str, year: int | None) -> str:
    clean = clean_component(name, max_bytes=MAX_COMPONENT_BYTES - 8)
    return f"{clean} ({year})" if year else clean


def movie_output_path(name: str, year: int | None, extension: str | None, version: str = "") -> str:
    """`Movies/{Name} ({Year})/{Name} ({Year}).{ext}`, relative to DOWNLOAD_ROOT.

    A ``version`` ("2160p MULTI") makes it `{Name} ({Year}) - {version}.{ext}`: variants of
    one film share its folder under distinct names, the way Jellyfin groups versions.
    """
    folder = _titled(name, year)
    label = clean_component(version, fallback="", max_bytes=40)
    stem = f"{folder} - {label}" if label else folder
    return str(PurePosixPath("Movies", folder, f"{stem}.{clean_extension(extension)}"))


def episode_output_path(
    series: str, year: int | None, season: int, episode: int, title: str, extension: str | None
) -> str:
    """`Shows/{Series} ({Year})/Season {NN}/{Series} - S{NN}E{NN} - {Title}.{ext}`."""
    folder = _titled(series, year)
    code = f"S{season:02d}E{episode:02d}"
    show = clean_component(series, max_bytes=80)
    base = f"{show} - {code}"
    ext = clean_extension(extension)
    title = plain_episode_title(series, season, episode, title)
    title_clean = clean_component(
        title, fallback="", max_bytes=MAX_COMPONENT_BYTES - len(base.encode()) - 12
    )
    # Providers often title an episode with its own code or nothing at all: keep names short then.
    if title_clean and title_clean.lower() not in {code.lower(), f"episode {episode}"}:
        base = f"{base} - {title_clean}"
    return str(PurePosixPath("Shows", folder, f"Season {season:02d}", f"{base}.{ext}"))


def plain_episode_title(series: str, season: int, episode: int, title: str) -> str:
    """The episode's own title: panels often send "Show - S01E02 - Title" as the title."""
    text = (title or "").strip()
    separators = r"[\s\-\u2013\u2014:.|]*"  # spaces, hyphen, en and em dashes, colon
    if series and text.lower().startswith(series.strip().lower()):
        text = re.sub(rf"^{separators}", "", text[len(series.strip()) :])
    code = rf"(s0*{season}\s*e0*{episode}|0*{season}x0*{episode})"
    text = re.sub(rf"^{code}(?![0-9]){separators}", "", text, flags=re.IGNORECASE)
    return text.strip()


def download_root() -> Path:
    return _resolved(str(settings.DOWNLOAD_ROOT))


@lru_cache(maxsize=8)
def _resolved(root: str) -> Path:
    # Resolving walks the path on disk: done once per setting, not for each of a page's rows
    # (a tenth of the Downloads page's time, profiled).
    return Path(root).resolve()


def absolute_path(relative: str) -> Path:
    """The absolute path of ``relative`` under DOWNLOAD_ROOT; raises UnsafePath outside it."""
    root = download_root()
    candidate = (root / relative).resolve()
    if candidate == root or not candidate.is_relative_to(root):
        raise UnsafePath(f"Refusing a path outside the download folder: {relative!r}")
    return candidate


def delete_partial_files(relative: str, extra_paths: list[str] | None = None) -> list[str]:
    """Delete a download's file, its `.aria2` control file and a refused earlier copy
    (`.rejected`, see worker/verifying.py), only inside DOWNLOAD_ROOT.

    ``extra_paths`` are absolute paths aria2 reported; each is checked against the root too.
    Returns the paths (relative) that were deleted.
    """
    root = download_root()
    targets: set[Path] = set()
    for path in [str(root / relative), *(extra_paths or [])]:
        try:
            target = absolute_path(str(Path(path).resolve().relative_to(root)))
        except (UnsafePath, ValueError):
            continue
        targets.update(
            target.with_name(target.name + suffix) for suffix in ("", ".aria2", ".rejected")
        )
    deleted = []
    for target in sorted(targets):
        if target.is_file() and not target.is_symlink():
            target.unlink()
            deleted.append(str(target.relative_to(root)))
    return deleted


def delete_rejected_copy(relative: str) -> bool:
    """Delete the refused copy kept beside a download's file (inside DOWNLOAD_ROOT only)."""
    target = absolute_path(relative)
    aside = target.with_name(target.name + REJECTED_SUFFIX)
    if aside.is_file() and not aside.is_symlink():
        aside.unlink()
        return True
    return False
