"""Running ``ffprobe`` on a finished file: does it open, how long is it, what is inside.

ffprobe is told which demuxer to use (the one the file's signature named) and may only read
local files, so a crafted file cannot make it fetch URLs or pose as a playlist. It runs with
a timeout: a probe reads headers (and, for an MP4 whose index sits at the end, seeks there),
which takes well under a second even for a 4 GB film, but a stuck disk must not hold the
worker.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from vodarr.integrations.media.containers import Container

DEFAULT_TIMEOUT_SECONDS = 60.0


class ProbeFailed(Exception):
    """ffprobe could not open the file (``message``: its own first error line)."""

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.timed_out = timed_out


@dataclass(frozen=True)
class Probe:
    """What is inside a media file, as a title page shows it."""

    container: str
    duration_secs: float | None
    width: int | None
    height: int | None
    video_codec: str | None
    audio_codecs: tuple[str, ...] = ()
    audio_languages: tuple[str, ...] = ()
    subtitle_languages: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("audio_codecs", "audio_languages", "subtitle_languages"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Probe:
        return cls(
            container=str(data.get("container") or ""),
            duration_secs=_float(data.get("duration_secs")),
            width=_int(data.get("width")),
            height=_int(data.get("height")),
            video_codec=data.get("video_codec") or None,
            audio_codecs=tuple(data.get("audio_codecs") or ()),
            audio_languages=tuple(data.get("audio_languages") or ()),
            subtitle_languages=tuple(data.get("subtitle_languages") or ()),
        )


def ffprobe_path() -> str | None:
    """The ffprobe binary on PATH (``make`` installs ffmpeg), or None."""
    return shutil.which("ffprobe")


def probe_file(
    path: Path,
    container: Container,
    *,
    ffprobe: str,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> Probe:
    """Open ``path`` with ffprobe as ``container``; raises ``ProbeFailed``."""
    command = [
        ffprobe,
        "-v",
        "error",
        "-protocol_whitelist",
        "file",
        "-f",
        container.ffprobe_format,
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        f"file:{path}",  # "file:" keeps a name like "concat:…" from being read as a protocol
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ProbeFailed(f"ffprobe took longer than {timeout:.0f} s", timed_out=True) from None
    except OSError as error:
        raise ProbeFailed(f"ffprobe could not run: {error.strerror or error}") from None
    if done.returncode != 0:
        raise ProbeFailed(_last_line(done.stderr) or f"ffprobe exited with {done.returncode}")
    try:
        report = json.loads(done.stdout or b"{}")
    except ValueError:
        raise ProbeFailed("ffprobe's report was not readable") from None
    return _summary(report, container)


def _summary(report: dict[str, Any], container: Container) -> Probe:
    streams = [s for s in report.get("streams") or [] if isinstance(s, dict)]
    # Cover art inside a Matroska/MP4 is a "video" stream too: the film is the other one.
    video = next(
        (s for s in streams if s.get("codec_type") == "video" and not _attached_picture(s)),
        None,
    )
    audio = [s for s in streams if s.get("codec_type") == "audio"]
    subtitles = [s for s in streams if s.get("codec_type") == "subtitle"]
    fmt = report.get("format") or {}
    return Probe(
        container=container.value,
        duration_secs=_float(fmt.get("duration")),
        width=_int(video.get("width")) if video else None,
        height=_int(video.get("height")) if video else None,
        video_codec=str(video.get("codec_name")) if video and video.get("codec_name") else None,
        audio_codecs=tuple(str(s.get("codec_name")) for s in audio if s.get("codec_name")),
        audio_languages=_languages(audio),
        subtitle_languages=_languages(subtitles),
    )


def _attached_picture(stream: dict[str, Any]) -> bool:
    return bool((stream.get("disposition") or {}).get("attached_pic"))


def _languages(streams: list[dict[str, Any]]) -> tuple[str, ...]:
    found: list[str] = []
    for stream in streams:
        language = str((stream.get("tags") or {}).get("language") or "").lower()
        if language and language not in ("und", "unk", "zxx") and language not in found:
            found.append(language)
    return tuple(found)


def _last_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", errors="replace").strip()
    return text.splitlines()[-1][:200] if text else ""


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and number >= 0 else None  # NaN is not a duration


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
