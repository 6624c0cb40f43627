"""What makes a finished file "the film": signatures, declared lengths, ffprobe, sentences."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.fixtures.videos import Videos, make_video
from vodarr.demo.container import container_prefix
from vodarr.downloads.verify import FileCheck, check_file
from vodarr.integrations.media import Container, declared_length, ffprobe_path, sniff

FFPROBE = ffprobe_path()


def check(path: Path, *, duration: int | None = None, what: str = "film", **kwargs) -> FileCheck:  # type: ignore[no-untyped-def]
    return FileCheck(
        path=path,
        expected_length=path.stat().st_size if path.exists() else 0,
        expected_duration_secs=duration,
        what=what,
        **kwargs,
    )


def written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture(autouse=True)
def _ffprobe_is_installed() -> None:
    assert FFPROBE, "ffprobe is missing: `make setup` installs ffmpeg"


@pytest.mark.parametrize(
    ("head", "container"),
    [
        (b"\x1a\x45\xdf\xa3\x9f", Container.MATROSKA),
        (b"\x00\x00\x00\x20ftypisom", Container.MP4),
        (b"\x00\x00\x00\x08moov", Container.MP4),
        (b"RIFF\x00\x10\x00\x00AVI LIST", Container.AVI),
        (
            bytes([0x47]) + bytes(187) + bytes([0x47]) + bytes(187) + bytes([0x47]),
            Container.MPEG_TS,
        ),
        (
            bytes(4) + bytes([0x47]) + bytes(191) + bytes([0x47]) + bytes(191) + bytes([0x47]),
            Container.MPEG_TS,
        ),
        (b'{"error": "max connections reached"}', None),
        (b"<!DOCTYPE html><html>", None),
        (bytes([0x47]) + bytes(300), None),  # one sync byte is a coincidence, not a stream
        (b"", None),
    ],
)
def test_the_signature_table_names_each_container(head: bytes, container: Container | None) -> None:
    assert sniff(head) is container


def test_a_real_file_passes_with_what_is_inside(videos: Videos) -> None:
    verdict = check_file(check(videos.mkv, duration=4), ffprobe=FFPROBE)

    assert verdict.passed, verdict.reason
    probe = verdict.probe
    assert probe is not None
    assert (probe.container, probe.width, probe.height) == ("Matroska", 160, 90)
    assert probe.video_codec == "h264" and probe.audio_codecs == ("aac",)
    assert probe.audio_languages == ("fra",)
    assert probe.duration_secs is not None and 3.5 < probe.duration_secs < 4.5


def test_a_real_mp4_with_its_index_at_the_end_passes(videos: Videos) -> None:
    verdict = check_file(check(videos.mp4), ffprobe=FFPROBE)
    assert verdict.passed and verdict.probe and verdict.probe.container == "MP4"


def test_a_short_text_reply_is_refused_with_its_first_line(tmp_path: Path) -> None:
    path = written(tmp_path, "film.mp4", b"max connections reached\nretry later\n")

    verdict = check_file(check(path), ffprobe=FFPROBE)

    assert not verdict.passed
    assert verdict.reason == (
        'The provider sent a 36-byte text reply instead of the film: "max connections reached"'
    )
    assert verdict.transient  # a connection limit: fetching again later may work


def test_a_json_or_html_reply_shows_its_message_not_its_markup(tmp_path: Path) -> None:
    as_json = written(
        tmp_path, "a.mp4", b'{"user_info": {"auth": 1}, "message": "Account expired"}'
    )
    as_html = written(
        tmp_path,
        "b.mp4",
        b"<!DOCTYPE html>\n<html><head><script>x()</script></head>"
        b"<body><h1>403 Forbidden</h1><p>Line blocked</p></body></html>",
    )

    refused_json = check_file(check(as_json, what="episode"), ffprobe=FFPROBE)
    refused_html = check_file(check(as_html), ffprobe=FFPROBE)

    assert refused_json.reason.endswith('instead of the episode: "Account expired"')
    assert not refused_json.transient  # an expired account does not heal by itself
    assert refused_html.reason.endswith('text reply instead of the film: "403 Forbidden"')


def test_a_reply_that_echoes_the_credentials_shows_them_redacted(tmp_path: Path) -> None:
    path = written(tmp_path, "a.mp4", b"User tester with password s3cret-pass is over its limit")

    verdict = check_file(check(path, secrets=("s3cret-pass", "tester")), ffprobe=FFPROBE)

    assert "s3cret-pass" not in verdict.reason and "tester" not in verdict.reason
    assert '"User *** with password *** is over its limit"' in verdict.reason


def test_a_long_line_is_shortened(tmp_path: Path) -> None:
    path = written(tmp_path, "a.mp4", b"busy " * 100)
    verdict = check_file(check(path), ffprobe=FFPROBE)
    shown = verdict.reason.split(": ", 1)[1]
    assert len(shown) == 122 and shown.endswith('…"')
    assert verdict.transient


def test_bytes_that_are_not_video_are_refused_for_good(tmp_path: Path) -> None:
    path = written(tmp_path, "film.mkv", bytes(range(1, 256)) * 8000)

    verdict = check_file(check(path), ffprobe=FFPROBE)

    assert verdict.reason == (
        "The provider sent 1.9 MiB that is not video: no Matroska, MP4, MPEG-TS or AVI header."
    )
    assert not verdict.transient


@pytest.mark.parametrize("ext", ["mkv", "mp4"])
def test_a_file_cut_short_is_refused_by_the_length_its_header_announces(
    videos: Videos, tmp_path: Path, ext: str
) -> None:
    whole = videos.bytes(ext)
    path = written(tmp_path, f"film.{ext}", whole[: len(whole) // 3])

    verdict = check_file(check(path), ffprobe=FFPROBE)

    container = "Matroska" if ext == "mkv" else "MP4"
    assert verdict.reason.startswith("The provider's file is cut short: ")
    assert verdict.reason.endswith(f"its {container} header announces.")
    assert verdict.transient


def test_a_short_clip_instead_of_the_film_is_refused_and_worth_retrying(videos: Videos) -> None:
    verdict = check_file(check(videos.mkv, duration=94 * 60), ffprobe=FFPROBE)

    assert verdict.reason == "The provider sent a 4-second clip instead of the 94-minute film."
    assert verdict.transient


def test_a_file_somewhat_shorter_than_announced_passes(tmp_path: Path) -> None:
    clip = make_video(tmp_path / "clip.mkv", 80)
    assert check_file(check(clip, duration=100), ffprobe=FFPROBE).passed


def test_a_file_that_starts_like_video_but_does_not_open_is_refused(tmp_path: Path) -> None:
    body = b"\x1a\x45\xdf\xa3" + bytes(range(256)) * 100
    path = written(tmp_path, "film.mkv", body)

    verdict = check_file(check(path), ffprobe=FFPROBE)

    assert verdict.reason == (
        "The provider's file starts like a Matroska video but does not open: "
        "it is damaged or incomplete."
    )
    assert verdict.note  # ffprobe's own words, for the log


def test_a_file_of_another_length_than_aria2_reported_is_refused(videos: Videos) -> None:
    verdict = check_file(
        FileCheck(path=videos.mkv, expected_length=videos.mkv.stat().st_size + 10),
        ffprobe=FFPROBE,
    )
    assert verdict.reason.startswith("The file on disk is ")
    assert verdict.transient


def test_a_missing_or_empty_file_is_refused(tmp_path: Path) -> None:
    empty = written(tmp_path, "empty.mp4", b"")
    assert check_file(check(empty), ffprobe=FFPROBE).reason == (
        "The provider sent an empty reply instead of the film."
    )
    gone = check_file(check(tmp_path / "gone.mp4"), ffprobe=FFPROBE)
    assert gone.reason == "The downloaded file is no longer in the download folder."


def test_without_ffprobe_the_signature_and_length_still_decide(
    videos: Videos, tmp_path: Path
) -> None:
    assert check_file(check(videos.mkv, duration=5640), ffprobe=None).passed
    text = written(tmp_path, "a.mp4", b"max connections reached")
    assert not check_file(check(text), ffprobe=None).passed


@pytest.mark.parametrize("ext", ["mkv", "mp4"])
def test_the_fake_providers_files_open_as_video_of_their_duration(tmp_path: Path, ext: str) -> None:
    size = 300_000
    prefix = container_prefix(ext, size, 5640)
    path = written(tmp_path, f"film.{ext}", prefix + bytes(size - len(prefix)))

    assert declared_length(path, sniff(prefix) or Container.MPEG_TS) == size
    verdict = check_file(check(path, duration=5640), ffprobe=FFPROBE)
    assert verdict.passed, verdict.reason
    assert verdict.probe and verdict.probe.duration_secs == 5640
    assert (verdict.probe.width, verdict.probe.height) == (1280, 720)


def test_an_mp4_whose_last_box_runs_past_the_end_is_cut_short(tmp_path: Path) -> None:
    boxes = struct.pack(">I4s", 16, b"ftyp") + b"isom\x00\x00\x02\x00"
    boxes += struct.pack(">I4s", 5000, b"mdat") + bytes(100)
    path = written(tmp_path, "film.mp4", boxes)
    assert declared_length(path, Container.MP4) == 16 + 5000
