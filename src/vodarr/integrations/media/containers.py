"""Recognising a media container by its first bytes, and the length its structure announces.

A small table of signatures, not a guess: Matroska/WebM (the EBML magic), MP4/MOV (an
``ftyp`` box, or the boxes old QuickTime files start with), MPEG-TS (a sync byte every 188
bytes, or every 192 in Blu-ray's M2TS) and AVI (``RIFF…AVI ``). Anything else — a JSON or
HTML error page, random bytes — is not a film.

Three of these containers say how long the file is: Matroska's Segment has a size, MP4 is a
chain of sized boxes, AVI's RIFF chunk has a size. A file shorter than that was cut short,
even when the HTTP reply that carried it looked complete (a panel closing a stream early).
"""

from __future__ import annotations

import struct
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO


class Container(StrEnum):
    MATROSKA = "Matroska"
    MP4 = "MP4"
    MPEG_TS = "MPEG-TS"
    AVI = "AVI"

    @property
    def ffprobe_format(self) -> str:
        """The demuxer ffprobe is told to use, so a file cannot pose as another format."""
        return _FFPROBE_FORMATS[self]


_FFPROBE_FORMATS = {
    Container.MATROSKA: "matroska",
    Container.MP4: "mov",
    Container.MPEG_TS: "mpegts",
    Container.AVI: "avi",
}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
MATROSKA_SEGMENT = b"\x18\x53\x80\x67"
# Boxes a QuickTime file may start with when it has no `ftyp` (files older than MP4).
_QUICKTIME_FIRST_BOXES = (b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot")
_TS_PACKET, _M2TS_PACKET, _TS_SYNC = 188, 192, 0x47
# Enough to tell the containers apart (three TS packets) and to read a text reply's first line.
HEAD_BYTES = 64 * 1024
_MAX_BOXES = 10_000  # a file of millions of empty boxes is not worth walking


def sniff(head: bytes) -> Container | None:
    """The container whose signature ``head`` (a file's first bytes) carries, if any."""
    if head.startswith(EBML_MAGIC):
        return Container.MATROSKA
    if len(head) >= 8 and (head[4:8] == b"ftyp" or head[4:8] in _QUICKTIME_FIRST_BOXES):
        return Container.MP4
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Container.AVI
    if _synced(head, 0, _TS_PACKET) or _synced(head, 4, _M2TS_PACKET):
        return Container.MPEG_TS
    return None


def _synced(head: bytes, first: int, step: int) -> bool:
    positions = range(first, min(len(head), first + 3 * step), step)
    return len(positions) == 3 and all(head[i] == _TS_SYNC for i in positions)


def declared_length(path: Path, container: Container) -> int | None:
    """How long the file's own structure says it is; None when it does not say (MPEG-TS,
    a live-written Matroska with an unknown size, an MP4 whose last box runs to the end)."""
    with path.open("rb") as file:
        if container is Container.MATROSKA:
            return _matroska_length(file.read(HEAD_BYTES))
        if container is Container.AVI:
            head = file.read(8)
            return 8 + struct.unpack("<I", head[4:8])[0] if len(head) == 8 else None
        if container is Container.MP4:
            return _mp4_length(file, path.stat().st_size)
    return None


def read_vint(data: bytes, offset: int) -> tuple[int, int, bool] | None:
    """An EBML variable-length integer at ``offset``: (value, length, all value bits set)."""
    if offset >= len(data) or data[offset] == 0:
        return None
    first = data[offset]
    length = 8 - first.bit_length() + 1
    if offset + length > len(data):
        return None
    value = first & ((1 << (8 - length)) - 1)
    for byte in data[offset + 1 : offset + length]:
        value = (value << 8) | byte
    return value, length, value == (1 << (7 * length)) - 1


def _matroska_length(head: bytes) -> int | None:
    """The end of the first Segment: EBML header element, then the Segment's id and size."""
    header_size = read_vint(head, len(EBML_MAGIC))
    if header_size is None:
        return None
    offset = len(EBML_MAGIC) + header_size[1] + header_size[0]
    if head[offset : offset + 4] != MATROSKA_SEGMENT:
        return None
    segment_size = read_vint(head, offset + 4)
    if segment_size is None or segment_size[2]:  # unknown size: written live, says nothing
        return None
    return offset + 4 + segment_size[1] + segment_size[0]


def _mp4_length(file: BinaryIO, size: int) -> int | None:
    """Walk the top-level boxes; the end of the chain (past ``size`` when cut short)."""
    offset = 0
    for _ in range(_MAX_BOXES):
        if offset + 8 > size:
            return size  # the chain ends here, or a few stray trailing bytes follow it
        file.seek(offset)
        header = file.read(16)
        box_size, kind = struct.unpack(">I4s", header[:8])
        if not _box_type(kind):
            return size  # not a box: trailing bytes some muxers leave, not a promise
        if box_size == 1 and len(header) == 16:
            box_size = struct.unpack(">Q", header[8:16])[0]
        elif box_size == 0:
            return None  # "to the end of the file"
        if box_size < 8:
            return None
        offset += box_size
        if offset > size:
            return offset
    return None


def _box_type(kind: bytes) -> bool:
    return all(0x20 <= byte < 0x7F for byte in kind)
