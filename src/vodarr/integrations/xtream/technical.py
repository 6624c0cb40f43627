"""A title's technical details and trailer, as panels describe them in ``get_vod_info`` and
``get_series_info`` (``info.video``, ``info.audio``, ``info.bitrate``, ``youtube_trailer``).

Panels run ffprobe on their files and pass its stream objects on, more or less whole, and
often not at all; anything unusable is simply left out. A trailer is a YouTube video id or a
full URL; only an http(s) URL or an id that looks like one becomes a link.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from vodarr.integrations.xtream.coerce import as_dict, as_float, as_int, as_text
from vodarr.integrations.xtream.models import TechnicalDetails

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_MAX_DIMENSION = 20_000
_MAX_BITRATE_KBPS = 1_000_000
_HDR_TRANSFER = {"smpte2084": "HDR10", "arib-std-b67": "HLG"}


def parse_technical(info: dict[str, object]) -> TechnicalDetails | None:
    """The details in an ``info`` block, or None when it holds none."""
    video = as_dict(info.get("video"))
    audio = as_dict(info.get("audio"))
    details = TechnicalDetails(
        width=_dimension(video.get("width")),
        height=_dimension(video.get("height")),
        video_codec=_word(video.get("codec_name")),
        video_profile=_word(video.get("profile")),
        frame_rate=_frame_rate(video.get("avg_frame_rate") or video.get("r_frame_rate")),
        hdr=_HDR_TRANSFER.get(_word(video.get("color_transfer")).lower(), ""),
        audio_codec=_word(audio.get("codec_name")),
        audio_channels=_small(audio.get("channels"), 32),
        audio_layout=_word(audio.get("channel_layout")),
        audio_language=_word(as_dict(audio.get("tags")).get("language")),
        bitrate_kbps=_small(info.get("bitrate"), _MAX_BITRATE_KBPS),
    )
    return None if details == TechnicalDetails() else details


def trailer_url(value: object) -> str | None:
    """A link to the trailer: a YouTube watch URL for a bare id, or the panel's http(s) URL."""
    text = as_text(value)
    if not text:
        return None
    if _YOUTUBE_ID.match(text):
        return f"https://www.youtube.com/watch?v={text}"
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme in ("http", "https") and parts.hostname and len(text) <= 500:
        return text
    return None


def _dimension(value: object) -> int | None:
    return _small(value, _MAX_DIMENSION)


def _small(value: object, upper: int) -> int | None:
    number = as_int(value)
    return number if number is not None and 0 < number <= upper else None


def _word(value: object) -> str:
    """A short name ("h264", "stereo"); a number or a list is no codec's name."""
    text = as_text(value) if isinstance(value, str) else ""
    return text[:40] if text.isprintable() else ""


def _frame_rate(value: object) -> float | None:
    """ "24000/1001" → 23.976; "25" → 25.0."""
    text = as_text(value)
    top, slash, bottom = text.partition("/")
    numerator, denominator = as_float(top), as_float(bottom) if slash else 1.0
    if not numerator or not denominator:
        return None
    rate = numerator / denominator
    return round(rate, 3) if 0 < rate <= 1000 else None
