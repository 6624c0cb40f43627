"""A title's technical details and trailer, as panels send them (or half of them, or junk)."""

from __future__ import annotations

from vodarr.integrations.xtream.models import TechnicalDetails
from vodarr.integrations.xtream.parsing import parse_series_info, parse_vod_info
from vodarr.integrations.xtream.technical import parse_technical, trailer_url

PROBE = {
    "video": {
        "codec_name": "hevc",
        "profile": "Main 10",
        "width": 3840,
        "height": "1600",
        "avg_frame_rate": "24000/1001",
        "color_transfer": "smpte2084",
    },
    "audio": {
        "codec_name": "eac3",
        "channels": 6,
        "channel_layout": "5.1(side)",
        "tags": {"language": "eng"},
    },
    "bitrate": "15342",
}


def test_a_probe_becomes_typed_details() -> None:
    assert parse_technical(PROBE) == TechnicalDetails(
        width=3840,
        height=1600,
        video_codec="hevc",
        video_profile="Main 10",
        frame_rate=23.976,
        hdr="HDR10",
        audio_codec="eac3",
        audio_channels=6,
        audio_layout="5.1(side)",
        audio_language="eng",
        bitrate_kbps=15342,
    )


def test_junk_is_left_out_and_nothing_at_all_is_none() -> None:
    junk = {
        "video": {"width": -5, "height": 10**9, "codec_name": ["x"], "avg_frame_rate": "0/0"},
        "audio": "stereo",
        "bitrate": "fast",
    }
    assert parse_technical(junk) is None
    assert parse_technical({}) is None
    assert parse_technical({"video": [], "audio": None}) is None


def test_a_trailer_is_a_link_whatever_the_panel_sends() -> None:
    assert trailer_url("dQw4w9WgXcQ") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert trailer_url("https://youtu.be/abc") == "https://youtu.be/abc"
    assert trailer_url("javascript:alert(1)") is None
    assert trailer_url("") is None
    assert trailer_url(12) is None


def test_vod_and_series_info_carry_them() -> None:
    movie = parse_vod_info(
        {"info": {"name": "X", "youtube_trailer": "dQw4w9WgXcQ", **PROBE}, "movie_data": {}}, 5
    )
    assert movie.trailer == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert movie.technical is not None and movie.technical.height == 1600
    show = parse_series_info(
        {
            "info": {"name": "S", "youtube_trailer": "https://example.test/t"},
            "episodes": {"1": [{"id": "7", "episode_num": 1, "info": {"bitrate": 900}}]},
        },
        3,
    )
    assert show.trailer == "https://example.test/t"
    assert show.episodes[0].technical == TechnicalDetails(bitrate_kbps=900)
