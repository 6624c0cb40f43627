"""Typed views of aria2's answers: integers instead of strings, no URIs, redacted messages.

aria2 sends every number as a string and only the keys that were asked for, so parsing is
lenient: a missing key becomes 0, "" or None rather than an exception. File entries drop
aria2's ``uris`` on purpose: they are the provider's media URLs, with the password inside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from vodarr.integrations.redact import redact_text

# The keys Vodarr asks for in every status call; asking for fewer keeps answers small.
STATUS_KEYS: list[str] = [
    "gid",
    "status",
    "totalLength",
    "completedLength",
    "downloadSpeed",
    "errorCode",
    "errorMessage",
    "dir",
    "files",
]


class Aria2Status(StrEnum):
    """aria2's download states, as it spells them."""

    ACTIVE = "active"
    WAITING = "waiting"
    PAUSED = "paused"
    ERROR = "error"
    COMPLETE = "complete"
    REMOVED = "removed"


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _bool(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


@dataclass(frozen=True)
class FileEntry:
    """One file of a download. Deliberately without ``uris``: they carry credentials."""

    index: int
    path: str
    length: int
    completed_length: int
    selected: bool

    @classmethod
    def from_rpc(cls, raw: dict[str, Any]) -> FileEntry:
        return cls(
            index=_int(raw.get("index")),
            path=str(raw.get("path") or ""),
            length=_int(raw.get("length")),
            completed_length=_int(raw.get("completedLength")),
            selected=_bool(raw.get("selected", True)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "path": self.path,
            "length": self.length,
            "completedLength": self.completed_length,
            "selected": self.selected,
        }


@dataclass(frozen=True)
class DownloadStatus:
    """What aria2 knows about one download (``aria2.tellStatus``), typed."""

    gid: str
    status: Aria2Status | None = None
    total_length: int = 0
    completed_length: int = 0
    download_speed: int = 0
    error_code: int | None = None
    error_message: str | None = None
    dir: str = ""
    files: list[FileEntry] = field(default_factory=list)

    @classmethod
    def from_rpc(cls, raw: dict[str, Any], *, gid: str = "") -> DownloadStatus:
        """Parse a ``tellStatus`` struct; ``gid`` fills in when ``gid`` was not requested."""
        raw = raw if isinstance(raw, dict) else {}
        try:
            status: Aria2Status | None = Aria2Status(raw["status"])
        except (KeyError, ValueError):
            status = None
        error_code = _int(raw.get("errorCode"), 0) or None  # aria2 says "0" for no error
        error_message = redact_text(str(raw.get("errorMessage") or "")) or None
        return cls(
            gid=str(raw.get("gid") or gid),
            status=status,
            total_length=_int(raw.get("totalLength")),
            completed_length=_int(raw.get("completedLength")),
            download_speed=_int(raw.get("downloadSpeed")),
            error_code=error_code,
            error_message=error_message,
            dir=str(raw.get("dir") or ""),
            files=[FileEntry.from_rpc(f) for f in _list(raw.get("files")) if isinstance(f, dict)],
        )

    @property
    def progress(self) -> float:
        """Fraction done, 0..1; 0 while the total length is still unknown."""
        if self.total_length <= 0:
            return 1.0 if self.status is Aria2Status.COMPLETE else 0.0
        return min(1.0, max(0.0, self.completed_length / self.total_length))

    @property
    def eta_seconds(self) -> int | None:
        """Seconds left at the current speed; None when not moving or length unknown."""
        if self.download_speed <= 0 or self.total_length <= 0:
            return None
        remaining = max(0, self.total_length - self.completed_length)
        return -(-remaining // self.download_speed)  # ceiling: "0 s left" only when done

    def to_dict(self) -> dict[str, Any]:
        """The camelCase wire shape, with integers, for JSON props and the database."""
        return {
            "gid": self.gid,
            "status": self.status.value if self.status else None,
            "totalLength": self.total_length,
            "completedLength": self.completed_length,
            "downloadSpeed": self.download_speed,
            "errorCode": self.error_code,
            "errorMessage": self.error_message,
            "dir": self.dir,
            "files": [f.to_dict() for f in self.files],
        }


@dataclass(frozen=True)
class GlobalStat:
    """``aria2.getGlobalStat``, typed."""

    download_speed: int = 0
    upload_speed: int = 0
    num_active: int = 0
    num_waiting: int = 0
    num_stopped: int = 0
    num_stopped_total: int = 0

    @classmethod
    def from_rpc(cls, raw: dict[str, Any]) -> GlobalStat:
        return cls(
            download_speed=_int(raw.get("downloadSpeed")),
            upload_speed=_int(raw.get("uploadSpeed")),
            num_active=_int(raw.get("numActive")),
            num_waiting=_int(raw.get("numWaiting")),
            num_stopped=_int(raw.get("numStopped")),
            num_stopped_total=_int(raw.get("numStoppedTotal")),
        )


@dataclass(frozen=True)
class Aria2Event:
    """A WebSocket notification: ``kind`` is start, pause, stop, complete or error."""

    kind: str
    gid: str
