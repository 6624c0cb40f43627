"""HTTP ``Range`` requests (RFC 9110 §14): which bytes of a file a client asks for.

Players seek and download managers resume with ``Range: bytes=…``; a server that honours it
answers 206 with that slice, and 416 when it lies wholly past the end. One range is served;
a malformed header or several ranges get the whole file (200), as RFC 9110 allows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # exclusive

    @property
    def length(self) -> int:
        return self.end - self.start


class RangeNotSatisfiable(Exception):
    """The requested range lies entirely beyond the end of the file (HTTP 416)."""


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """The single range a ``Range`` header asks for, or None to send the whole file.

    Supports ``bytes=a-b``, ``bytes=a-`` and ``bytes=-n``. Malformed headers and multiple
    ranges are ignored (RFC 9110 allows answering them with the full 200 response).
    """
    if not header:
        return None
    unit, _, spec = header.strip().partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, dash, last = spec.strip().partition("-")
    if not dash:
        return None
    first, last = first.strip(), last.strip()
    if not first:
        if not _is_number(last):
            return None
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise RangeNotSatisfiable(f"bytes */{size}")
        return ByteRange(max(0, size - suffix), size)
    if not _is_number(first) or (last and not _is_number(last)):
        return None
    start = int(first)
    end = int(last) + 1 if last else size
    if last and end <= start:
        return None  # "bytes=5-2" is invalid, not unsatisfiable
    if start >= size:
        raise RangeNotSatisfiable(f"bytes */{size}")
    return ByteRange(start, min(end, size))


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit()
