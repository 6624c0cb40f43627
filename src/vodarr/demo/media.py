"""Deterministic media bytes and generated posters for the fake provider.

A file's filler is a pure function of ``(kind, media_id, offset)``: 4 KiB blocks of
SHAKE-128 output seeded with the block number. Any byte range can be produced without the
bytes before it, so tests can check a finished or resumed download byte for byte. A served
file starts with a real container header (``container.container_prefix``) that spans the
filler, so it opens as video: ``media_content`` puts the two together.
"""

from __future__ import annotations

import hashlib
import html
import struct
import textwrap
import zlib

# Served with Range support like a real panel; the parsing is the web layer's, shared with
# the links Vodarr serves itself.
from vodarr.web.ranges import ByteRange, RangeNotSatisfiable, parse_range

__all__ = [
    "ByteRange",
    "RangeNotSatisfiable",
    "media_bytes",
    "media_content",
    "parse_range",
    "poster_svg",
]

BLOCK_SIZE = 4096
KINDS = ("movie", "episode")


def normalize_kind(kind: str) -> str:
    """``"movie"`` or ``"episode"``; ``"series"`` (the URL word for episodes) is accepted."""
    value = kind.strip().lower()
    if value == "series":
        return "episode"
    if value not in KINDS:
        raise ValueError(f"kind must be 'movie' or 'episode', not {kind!r}")
    return value


def _block(kind: str, media_id: int, index: int) -> bytes:
    return hashlib.shake_128(f"vodarr:{kind}:{media_id}:{index}".encode()).digest(BLOCK_SIZE)


def media_bytes(kind: str, media_id: int, start: int, end: int) -> bytes:
    """Bytes ``[start, end)`` of the deterministic content of one media item."""
    kind = normalize_kind(kind)
    if end <= start:
        return b""
    first, last = start // BLOCK_SIZE, (end - 1) // BLOCK_SIZE
    data = b"".join(_block(kind, media_id, i) for i in range(first, last + 1))
    offset = start - first * BLOCK_SIZE
    return data[offset : offset + (end - start)]


def media_content(kind: str, media_id: int, start: int, end: int, prefix: bytes = b"") -> bytes:
    """Bytes ``[start, end)`` of a file that begins with ``prefix`` and goes on with filler."""
    if end <= start:
        return b""
    head = prefix[start:end]
    if start + len(head) >= end:
        return head
    return head + media_bytes(kind, media_id, start + len(head), end)


def content_type(ext: str) -> str:
    return {
        "mp4": "video/mp4",
        "m4v": "video/mp4",
        "mkv": "video/x-matroska",
        "avi": "video/x-msvideo",
        "ts": "video/mp2t",
    }.get(ext.lower(), "application/octet-stream")


def poster_svg(title: str, subtitle: str, seed: int, *, wide: bool = False) -> bytes:
    """A small gradient poster (2:3, or 16:9 when ``wide``) with the title written on it."""
    width, height = (640, 360) if wide else (300, 450)
    hue = (seed * 47) % 360
    lines = textwrap.wrap(title, width=24 if wide else 14)[:4] or [""]
    font = 30 if wide else 32
    top = height // 2 - (len(lines) - 1) * font // 2
    text = "".join(
        f'<text x="50%" y="{top + i * font * 6 // 5}" text-anchor="middle" '
        f'font-size="{font}" font-weight="bold">{html.escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
        '<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="hsl({hue},55%,38%)"/>'
        f'<stop offset="1" stop-color="hsl({(hue + 40) % 360},60%,12%)"/>'
        "</linearGradient></defs>"
        f'<rect width="{width}" height="{height}" fill="url(#g)"/>'
        f'<g fill="#fff" font-family="Georgia, serif">{text}'
        f'<text x="50%" y="{height - 36}" text-anchor="middle" font-size="20" '
        f'opacity="0.8">{html.escape(subtitle)}</text></g></svg>'
    )
    return svg.encode()


def poster_png(seed: int, *, wide: bool = False) -> bytes:
    """A small solid-colour PNG (2:3, or 16:9 when ``wide``): real panels serve rasters."""
    width, height = (64, 36) if wide else (40, 60)
    colour = bytes(((seed * 47) % 256, (seed * 89) % 256, (seed * 131) % 256))
    rows = b"".join(b"\x00" + colour * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
