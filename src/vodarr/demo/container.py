"""Fake media files that open as real video: a tiny real file, stretched to any size.

The fake provider serves deterministic bytes so tests can check a download byte for byte;
since Vodarr refuses files that are not media (``downloads/verify.py``), those bytes start
with a real container. The templates below are one black 1280x720 H.264 frame and 0.1 s of
silent AAC (language "eng"), made once with ffmpeg's lavfi generator::

    ffmpeg -f lavfi -i color=black:s=1280x720:r=10:d=0.1 \\
        -f lavfi -i anullsrc=r=48000:cl=stereo:d=0.1 -c:v libx264 -preset veryslow \\
        -tune stillimage -c:a aac -b:a 16k -metadata:s:a:0 language=eng -map_metadata -1 \\
        -fflags +bitexact -flags:v +bitexact -flags:a +bitexact [-movflags +faststart] OUT

``container_prefix`` rewrites a template to announce the item's duration and size and ends
with the header of a padding element (Matroska ``Void``, MP4 ``free``) that spans the rest of
the file, so the provider's filler bytes after the prefix sit inside the container. (ffprobe
skips a Matroska element only below 2 GiB: a larger fake ``.mkv`` makes it read the whole
padding. Demo and test files are a few MiB; a fake film of several GiB should be ``.mp4``.)
"""

from __future__ import annotations

import base64
import functools
import struct

from vodarr.integrations.media.containers import EBML_MAGIC, MATROSKA_SEGMENT, read_vint

_MKV_TEMPLATE = (
    "GkXfo6NChoEBQveBAULygQRC84EIQoKIbWF0cm9za2FCh4EEQoWBAhhTgGcBAAAAAAAGVxFNm3TAv4ROTWlPTbuL"
    "U6uEFUmpZlOsgaFNu4tTq4QWVK5rU6yBzE27jFOrhBJUw2dTrIIBok27jFOrhBxTu2tTrIIGO+wBAAAAAAAAUwAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAFUmpZqa/hKuC0Dgq17GDD0JATYCETGF2ZldBhExhdmZEiYhAXkAAAAAAABZUrmtA0L+E"
    "IZRqRa4BAAAAAAAAeNeBAXPFiAAAAAAAAAABnIEAIrWcg3VuZIiBAIaPVl9NUEVHNC9JU08vQVZDg4EBI+ODhAX1"
    "4QDgi7CCBQC6ggLQmoECY6KxAWQAMv/hABtnZAAyrHIEQFAFuwEQAAADABAAAAMBQPGDGEYBAAdo6EOPEyEw/fj4"
    "AK4BAAAAAAAAQNeBAnPFiAAAAAAAAAACnIEAIrWcg2VuZ4iBAIaFQV9BQUODgQLhkZ+BArWIQOdwAAAAAABiZIEg"
    "Y6KFEZBW5QASVMNnQKa/hNzDg2tzc89jwItjxYgAAAAAAAAAAWfImUWjh0VOQ09ERVJEh4xMYXZjIGxpYngyNjRn"
    "yKJFo4hEVVJBVElPTkSHlDAwOjAwOjAwLjEyMTAwMDAwMAAAc3PLY8CLY8WIAAAAAAAAAAJnyJVFo4dFTkNPREVS"
    "RIeITGF2YyBhYWNnyKJFo4hEVVJBVElPTkSHlDAwOjAwOjAwLjEyMTAwMDAwMAAAH0O2dUPnv4QavM4v54EAo4qC"
    "AACAIRAEYIwco0OTgQAVgAAAArIGBf//rtxF6b3m2Ui3lizYINkj7u94MjY0IC0gY29yZSAxNjQgcjMwOTUgYmFl"
    "ZTQwMCAtIEguMjY0L01QRUctNCBBVkMgY29kZWMgLSBDb3B5bGVmdCAyMDAzLTIwMjIgLSBodHRwOi8vd3d3LnZp"
    "ZGVvbGFuLm9yZy94MjY0Lmh0bWwgLSBvcHRpb25zOiBjYWJhYz0xIHJlZj0xNiBkZWJsb2NrPTE6LTM6LTMgYW5h"
    "bHlzZT0weDM6MHgxMzMgbWU9dW1oIHN1Ym1lPTEwIHBzeT0xIHBzeV9yZD0yLjAwOjAuNzAgbWl4ZWRfcmVmPTEg"
    "bWVfcmFuZ2U9MjQgY2hyb21hX21lPTEgdHJlbGxpcz0yIDh4OGRjdD0xIGNxbT0wIGRlYWR6b25lPTIxLDExIGZh"
    "c3RfcHNraXA9MSBjaHJvbWFfcXBfb2Zmc2V0PS00IHRocmVhZHM9MyBsb29rYWhlYWRfdGhyZWFkcz0xIHNsaWNl"
    "ZF90aHJlYWRzPTAgbnI9MCBkZWNpbWF0ZT0xIGludGVybGFjZWQ9MCBibHVyYXlfY29tcGF0PTAgY29uc3RyYWlu"
    "ZWRfaW50cmE9MCBiZnJhbWVzPTggYl9weXJhbWlkPTIgYl9hZGFwdD0yIGJfYmlhcz0wIGRpcmVjdD0zIHdlaWdo"
    "dGI9MSBvcGVuX2dvcD0wIHdlaWdodHA9MiBrZXlpbnQ9MjUwIGtleWludF9taW49MTAgc2NlbmVjdXQ9NDAgaW50"
    "cmFfcmVmcmVzaD0wIHJjX2xvb2thaGVhZD02MCByYz1jcmYgbWJ0cmVlPTEgY3JmPTIzLjAgcWNvbXA9MC42MCBx"
    "cG1pbj0wIHFwbWF4PTY5IHFwc3RlcD00IGlwX3JhdGlvPTEuNDAgYXE9MToxLjIwAIAAAADVZYiBAAIZz/73gb8y"
    "y2Q/qslx+ed9LKzPPOQ8cl2JrrjQAAADAAADAAADAAADAyyfy2lanQ/d/4gAAAMAABCQAA0YABRgAC3gAH0AAZIA"
    "BxAAH8AAmQAENAAfYADFAAdYAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAAD"
    "AAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAAD"
    "ABsxo4qCABWAIRAEYIwco4qCACqAIRAEYIwco4qCAECAIRAEYIwco4qCAFWAIRAEYIwco4qCAGqAIRAEYIwcHFO7"
    "a5e/hKu30rm7j7OBFbeK94EB8YICTvCBFQ=="
)
_MP4_TEMPLATE = (
    "AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDEAAAU+bW9vdgAAAGxtdmhkAAAAAAAAAAAAAAAAAAAD6AAA"
    "AGQAAQAAAQAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAwAAAkR0cmFrAAAAXHRraGQAAAADAAAAAAAAAAAAAAABAAAAAAAAAGQAAAAAAAAAAAAA"
    "AAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAABAAAAABQAAAALQAAAAAAAkZWR0cwAAABxlbHN0"
    "AAAAAAAAAAEAAABkAAAAAAABAAAAAAG8bWRpYQAAACBtZGhkAAAAAAAAAAAAAAAAAAAoAAAABABVxAAAAAAALWhk"
    "bHIAAAAAAAAAAHZpZGUAAAAAAAAAAAAAAABWaWRlb0hhbmRsZXIAAAABZ21pbmYAAAAUdm1oZAAAAAEAAAAAAAAA"
    "AAAAACRkaW5mAAAAHGRyZWYAAAAAAAAAAQAAAAx1cmwgAAAAAQAAASdzdGJsAAAAw3N0c2QAAAAAAAAAAQAAALNh"
    "dmMxAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAABQAC0ABIAAAASAAAAAAAAAABDExhdmMgbGlieDI2NAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAGP//AAAAOWF2Y0MBZAAy/+EAG2dkADKscgRAUAW7ARAAAAMAEAAAAwFA8YMYRgEAB2joQ48T"
    "ITD9+PgAAAAAEHBhc3AAAAABAAAAAQAAABRidHJ0AAAAAAABHLAAARywAAAAGHN0dHMAAAAAAAAAAQAAAAEAAAQA"
    "AAAAHHN0c2MAAAAAAAAAAQAAAAEAAAABAAAAAQAAABRzdHN6AAAAAAAAA48AAAABAAAAFHN0Y28AAAAAAAAAAQAA"
    "BXQAAAJJdHJhawAAAFx0a2hkAAAAAwAAAAAAAAAAAAAAAgAAAAAAAABkAAAAAAAAAAAAAAABAQAAAAABAAAAAAAA"
    "AAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAJGVkdHMAAAAcZWxzdAAAAAAAAAABAAAAZAAA"
    "BAAAAQAAAAABwW1kaWEAAAAgbWRoZAAAAAAAAAAAAAAAAAAAu4AAABbAFccAAAAAAC1oZGxyAAAAAAAAAABzb3Vu"
    "AAAAAAAAAAAAAAAAU291bmRIYW5kbGVyAAAAAWxtaW5mAAAAEHNtaGQAAAAAAAAAAAAAACRkaW5mAAAAHGRyZWYA"
    "AAAAAAAAAQAAAAx1cmwgAAAAAQAAATBzdGJsAAAAfnN0c2QAAAAAAAAAAQAAAG5tcDRhAAAAAAAAAAEAAAAAAAAA"
    "AAACABAAAAAAu4AAAAAAADZlc2RzAAAAAAOAgIAlAAIABICAgBdAFQAAAAAAPoAAAAlFBYCAgAURkFblAAaAgIAB"
    "AgAAABRidHJ0AAAAAAAAPoAAAAlFAAAAIHN0dHMAAAAAAAAAAgAAAAUAAAQAAAAAAQAAAsAAAAAoc3RzYwAAAAAA"
    "AAACAAAAAQAAAAEAAAABAAAAAgAAAAUAAAABAAAAFHN0c3oAAAAAAAAABgAAAAYAAAAYc3RjbwAAAAAAAAACAAAF"
    "bgAACQMAAAAac2dwZAEAAAByb2xsAAAAAgAAAAH//wAAABxzYmdwAAAAAHJvbGwAAAABAAAABgAAAAEAAAA9dWR0"
    "YQAAADVtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABtZGlyYXBwbAAAAAAAAAAAAAAAAAhpbHN0AAAACGZyZWUAAAO7"
    "bWRhdCEQBGCMHAAAArIGBf//rtxF6b3m2Ui3lizYINkj7u94MjY0IC0gY29yZSAxNjQgcjMwOTUgYmFlZTQwMCAt"
    "IEguMjY0L01QRUctNCBBVkMgY29kZWMgLSBDb3B5bGVmdCAyMDAzLTIwMjIgLSBodHRwOi8vd3d3LnZpZGVvbGFu"
    "Lm9yZy94MjY0Lmh0bWwgLSBvcHRpb25zOiBjYWJhYz0xIHJlZj0xNiBkZWJsb2NrPTE6LTM6LTMgYW5hbHlzZT0w"
    "eDM6MHgxMzMgbWU9dW1oIHN1Ym1lPTEwIHBzeT0xIHBzeV9yZD0yLjAwOjAuNzAgbWl4ZWRfcmVmPTEgbWVfcmFu"
    "Z2U9MjQgY2hyb21hX21lPTEgdHJlbGxpcz0yIDh4OGRjdD0xIGNxbT0wIGRlYWR6b25lPTIxLDExIGZhc3RfcHNr"
    "aXA9MSBjaHJvbWFfcXBfb2Zmc2V0PS00IHRocmVhZHM9MyBsb29rYWhlYWRfdGhyZWFkcz0xIHNsaWNlZF90aHJl"
    "YWRzPTAgbnI9MCBkZWNpbWF0ZT0xIGludGVybGFjZWQ9MCBibHVyYXlfY29tcGF0PTAgY29uc3RyYWluZWRfaW50"
    "cmE9MCBiZnJhbWVzPTggYl9weXJhbWlkPTIgYl9hZGFwdD0yIGJfYmlhcz0wIGRpcmVjdD0zIHdlaWdodGI9MSBv"
    "cGVuX2dvcD0wIHdlaWdodHA9MiBrZXlpbnQ9MjUwIGtleWludF9taW49MTAgc2NlbmVjdXQ9NDAgaW50cmFfcmVm"
    "cmVzaD0wIHJjX2xvb2thaGVhZD02MCByYz1jcmYgbWJ0cmVlPTEgY3JmPTIzLjAgcWNvbXA9MC42MCBxcG1pbj0w"
    "IHFwbWF4PTY5IHFwc3RlcD00IGlwX3JhdGlvPTEuNDAgYXE9MToxLjIwAIAAAADVZYiBAAIZz/73gb8yy2Q/qslx"
    "+ed9LKzPPOQ8cl2JrrjQAAADAAADAAADAAADAyyfy2lanQ/d/4gAAAMAABCQAA0YABRgAC3gAH0AAZIABxAAH8AA"
    "mQAENAAfYADFAAdYAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAAD"
    "AAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADAAADABsxIRAE"
    "YIwcIRAEYIwcIRAEYIwcIRAEYIwcIRAEYIwc"
)
_MKV_INFO = b"\x15\x49\xa9\x66"
_MKV_TRACKS = b"\x16\x54\xae\x6b"
_MKV_CLUSTER = b"\x1f\x43\xb6\x75"
_MKV_VOID = b"\xec"
_MP4_CONTAINERS = (b"moov", b"trak", b"mdia", b"edts")
# What the longest prefix needs beyond its template: a new Info element and a padding header.
_HEADROOM = 64


def container_prefix(ext: str, size: int, duration_secs: int) -> bytes:
    """The first bytes of a ``size``-byte file of ``duration_secs`` (b"" if it cannot hold one).

    ``.mkv`` gets Matroska; every other extension gets MP4 (what panels serve most).
    """
    if ext.lower() in ("mkv", "webm"):
        return _matroska_prefix(size, duration_secs)
    return _mp4_prefix(size, duration_secs)


# --- Matroska -------------------------------------------------------------------------------


def _ebml_size(value: int, length: int = 0) -> bytes:
    """An EBML size: the shortest encoding, or exactly ``length`` bytes."""
    for width in range(max(1, length), 9):
        if value < (1 << (7 * width)) - 1:
            return ((1 << (7 * width)) | value).to_bytes(width, "big")
    raise ValueError("too large for EBML")


def _element(ident: bytes, payload: bytes) -> bytes:
    return ident + _ebml_size(len(payload)) + payload


@functools.cache
def _matroska_parts() -> tuple[bytes, bytes]:
    """The template's EBML header element, and its Tracks and Cluster elements."""
    data = base64.b64decode("".join(_MKV_TEMPLATE))
    header = read_vint(data, len(EBML_MAGIC))
    assert header is not None and data.startswith(EBML_MAGIC)
    offset = len(EBML_MAGIC) + header[1] + header[0]
    ebml_header = data[:offset]
    assert data[offset : offset + 4] == MATROSKA_SEGMENT
    segment = read_vint(data, offset + 4)
    assert segment is not None
    offset += 4 + segment[1]
    kept = b""
    while offset < len(data):
        id_length = 9 - data[offset].bit_length()  # IDs are length-prefixed like sizes
        ident = data[offset : offset + id_length]
        element_size = read_vint(data, offset + id_length)
        assert element_size is not None
        end = offset + id_length + element_size[1] + element_size[0]
        if ident in (_MKV_TRACKS, _MKV_CLUSTER):  # SeekHead and Cues would point wrongly
            kept += data[offset:end]
        offset = end
    return ebml_header, kept


def _matroska_prefix(size: int, duration_secs: int) -> bytes:
    ebml_header, tracks_and_cluster = _matroska_parts()
    info = _element(
        _MKV_INFO,
        _element(b"\x2a\xd7\xb1", (1_000_000).to_bytes(3, "big"))  # timestamps in ms
        + _element(b"\x44\x89", struct.pack(">d", duration_secs * 1000.0))
        + _element(b"\x4d\x80", b"Vodarr demo")
        + _element(b"\x57\x41", b"Vodarr demo"),
    )
    segment_header = len(MATROSKA_SEGMENT) + 8
    void_header = len(_MKV_VOID) + 8
    body = info + tracks_and_cluster
    void_payload = size - len(ebml_header) - segment_header - len(body) - void_header
    if void_payload < 0:
        return b""
    return (
        ebml_header
        + MATROSKA_SEGMENT
        + _ebml_size(size - len(ebml_header) - segment_header, 8)
        + body
        + _MKV_VOID
        + _ebml_size(void_payload, 8)
    )


# --- MP4 ------------------------------------------------------------------------------------


def _mp4_prefix(size: int, duration_secs: int) -> bytes:
    data = bytearray(base64.b64decode("".join(_MP4_TEMPLATE)))
    _set_durations(data, 0, len(data), duration_secs, movie_scale=None)
    padding = size - len(data)
    if padding < 16:
        return b""
    if padding < 1 << 32:
        return bytes(data) + struct.pack(">I4s", padding, b"free")
    return bytes(data) + struct.pack(">I4sQ", 1, b"free", padding)


def _set_durations(
    data: bytearray, start: int, end: int, seconds: int, movie_scale: int | None
) -> int | None:
    """Write ``seconds`` into every duration of the (version 0) boxes between start and end.

    Returns the movie timescale (from ``mvhd``), which ``tkhd`` and ``elst`` count in.
    """
    offset = start
    while offset + 8 <= end:
        box_size, kind = struct.unpack_from(">I4s", data, offset)
        body = offset + 8
        if kind == b"mvhd":
            movie_scale = struct.unpack_from(">I", data, body + 12)[0]
            struct.pack_into(">I", data, body + 16, seconds * movie_scale)
        elif kind == b"tkhd" and movie_scale:
            struct.pack_into(">I", data, body + 20, seconds * movie_scale)
        elif kind == b"mdhd":
            track_scale = struct.unpack_from(">I", data, body + 12)[0]
            struct.pack_into(">I", data, body + 16, seconds * track_scale)
        elif kind == b"elst" and movie_scale:
            struct.pack_into(">I", data, body + 8, seconds * movie_scale)
        elif kind in _MP4_CONTAINERS:
            movie_scale = _set_durations(data, body, offset + box_size, seconds, movie_scale)
        offset += box_size
    return movie_scale
