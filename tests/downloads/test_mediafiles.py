""".nfo documents and artwork: valid XML a Jellyfin-style reader understands, escaping, the
title's folder only, a person's edits left alone, pictures fetched once."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest

from vodarr.downloads.mediafiles.nfo import episode_nfo, is_ours_unedited, movie_nfo, tvshow_nfo
from vodarr.downloads.mediafiles.writing import Outcome, TitleFolder
from vodarr.downloads.paths import UnsafePath
from vodarr.integrations.fetch import FetchError, Image, fetch_image, image_extension
from vodarr.integrations.xtream.models import Episode, MovieData, Season, SeriesInfo, VodInfo

HOSTILE = 'Evil </title><script>alert("x")</script> & Sons \x01\x0b]]> -->'


def vod_info(**overrides: object) -> VodInfo:
    fields: dict[str, object] = {
        "stream_id": 7,
        "name": "FR| Nosferatu 4K (1922)",
        "original_name": "Nosferatu, eine Symphonie des Grauens",
        "poster": "http://img.example/p.jpg",
        "backdrops": ("http://img.example/b.jpg",),
        "plot": "An estate agent travels to Transylvania.",
        "genre": "Horror, Fantasy",
        "cast": "Max Schreck, Greta Schröder",
        "director": "F. W. Murnau",
        "rating": 7.8,
        "duration_secs": 94 * 60,
        "year": 1922,
        "release_date": "1922-03-04",
        "tmdb_id": "653",
        "trailer": None,
        "movie_data": MovieData(7, "Nosferatu", "1", None, "mkv"),
    }
    fields.update(overrides)
    return VodInfo(**fields)  # type: ignore[arg-type]


def series_info(**overrides: object) -> SeriesInfo:
    fields: dict[str, object] = {
        "series_id": 10,
        "name": "The Lighthouse Keepers",
        "category_id": "1",
        "poster": None,
        "backdrops": (),
        "plot": "Three generations keep a lighthouse.",
        "genre": "Drama",
        "cast": "A. Actor",
        "director": "",
        "rating": 7.9,
        "year": 2019,
        "episode_run_time_secs": 45 * 60,
        "tmdb_id": "4242",
        "seasons": (Season(1, "Season 1", 2),),
        "episodes": (Episode("10101", 1, 1, "Pilot", "mkv", 2700, "It begins.", None),),
    }
    fields.update(overrides)
    return SeriesInfo(**fields)  # type: ignore[arg-type]


def read(document: bytes) -> ET.Element:
    return ET.fromstring(document)  # noqa: S314 - our own document, in a test


def test_a_movie_nfo_is_valid_xml_with_the_elements_jellyfin_reads() -> None:
    root = read(movie_nfo(vod_info(), title="Nosferatu"))

    assert root.tag == "movie"
    assert root.findtext("title") == "Nosferatu"
    assert root.findtext("originaltitle") == "Nosferatu, eine Symphonie des Grauens"
    assert (root.findtext("year"), root.findtext("premiered")) == ("1922", "1922-03-04")
    assert root.findtext("runtime") == "94"
    assert root.findtext("plot") == "An estate agent travels to Transylvania."
    assert root.findtext("rating") == "7.8"
    assert root.findtext("ratings/rating/value") == "7.8"
    assert [g.text for g in root.findall("genre")] == ["Horror", "Fantasy"]
    assert root.findtext("director") == "F. W. Murnau"
    assert [a.findtext("name") for a in root.findall("actor")] == ["Max Schreck", "Greta Schröder"]
    assert root.findtext("tmdbid") == "653"
    unique = root.find("uniqueid")
    assert unique is not None and unique.attrib == {"type": "tmdb", "default": "true"}
    assert unique.text == "653"


def test_show_and_episode_nfos_carry_their_own_elements() -> None:
    show = series_info()
    tvshow = read(tvshow_nfo(show, title=show.name))
    episode = read(episode_nfo(show, show.episodes[0], title="Pilot", show_title=show.name))

    assert tvshow.tag == "tvshow" and tvshow.findtext("uniqueid[@type='tmdb']") == "4242"
    assert tvshow.findtext("runtime") == "45"
    assert episode.tag == "episodedetails"
    assert (episode.findtext("season"), episode.findtext("episode")) == ("1", "1")
    assert episode.findtext("showtitle") == "The Lighthouse Keepers"
    assert episode.findtext("title") == "Pilot"


def test_a_hostile_title_cannot_escape_the_xml() -> None:
    document = movie_nfo(vod_info(plot=HOSTILE, cast=HOSTILE), title=HOSTILE)

    root = read(document)  # still one well-formed document
    assert root.findtext("title") == 'Evil </title><script>alert("x")</script> & Sons ]]> -->'
    assert root.find("script") is None
    assert len(root.findall("title")) == 1
    assert b"<script>" not in document and b"&lt;script&gt;" in document


def test_an_edit_makes_a_document_a_persons() -> None:
    document = movie_nfo(vod_info(), title="Nosferatu")
    assert is_ours_unedited(document)
    assert not is_ours_unedited(document.replace(b"Nosferatu", b"My Nosferatu"))
    assert not is_ours_unedited(b"<movie><title>Hand made</title></movie>")


def test_a_title_folder_writes_inside_the_download_root_only(tmp_path: Path, settings) -> None:
    settings.DOWNLOAD_ROOT = tmp_path / "library"
    with pytest.raises(UnsafePath):
        TitleFolder("../elsewhere")
    folder = TitleFolder("Movies/Film (2000)")
    for name in ("../movie.nfo", "sub/movie.nfo", ".hidden", ""):
        with pytest.raises(ValueError, match="Not a plain file name"):
            folder.write_document(name, b"x")

    assert folder.write_document("movie.nfo", b"<movie/>") is Outcome.WRITTEN
    assert [p.name for p in (tmp_path / "library" / "Movies" / "Film (2000)").iterdir()] == [
        "movie.nfo"
    ]


def test_ours_is_refreshed_but_a_persons_edit_or_link_is_left_alone(
    tmp_path: Path, settings
) -> None:
    settings.DOWNLOAD_ROOT = tmp_path
    folder = TitleFolder("Movies/Film (2000)")
    first = movie_nfo(vod_info(), title="Film")
    newer = movie_nfo(vod_info(plot="A better plot."), title="Film")
    target = folder.path / "movie.nfo"

    assert folder.write_document("movie.nfo", first) is Outcome.WRITTEN
    assert folder.write_document("movie.nfo", first) is Outcome.UNCHANGED
    assert folder.write_document("movie.nfo", newer) is Outcome.WRITTEN  # ours: updated
    edited = target.read_bytes().replace(b"A better plot.", b"My own words.")
    target.write_bytes(edited)
    assert folder.write_document("movie.nfo", first) is Outcome.KEPT
    assert target.read_bytes() == edited

    outside = tmp_path / "outside.nfo"
    outside.write_bytes(b"theirs")
    link = folder.path / "poster.nfo"
    link.symlink_to(outside)
    assert folder.write_document("poster.nfo", first) is Outcome.KEPT
    assert outside.read_bytes() == b"theirs"


def test_a_picture_is_fetched_once_and_named_by_its_bytes(tmp_path: Path, settings) -> None:
    settings.DOWNLOAD_ROOT = tmp_path
    folder = TitleFolder("Movies/Film (2000)")
    fetched: list[str] = []

    def fetch() -> Image:
        fetched.append("poster")
        return Image(b"\x89PNG\r\n\x1a\n...", "png")

    assert folder.save_picture("poster", fetch) is Outcome.WRITTEN
    assert folder.save_picture("poster", fetch) is Outcome.EXISTS
    assert fetched == ["poster"]
    assert (folder.path / "poster.png").exists()


def test_only_raster_images_are_pictures() -> None:
    assert image_extension(b"\xff\xd8\xff\xe0") == "jpg"
    assert image_extension(b"RIFF\x00\x00\x00\x00WEBPVP8") == "webp"
    assert image_extension(b"<svg xmlns=") is None
    assert image_extension(b"<html>") is None


def answering(status: int, body: bytes, **headers: str) -> httpx.MockTransport:
    return httpx.MockTransport(
        lambda request: httpx.Response(status, content=body, headers=headers)
    )


def test_a_fetch_keeps_to_images_of_a_bounded_size_and_names_the_host_only() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(100)
    url = "https://img.example/t/secret-token/p.png"

    assert fetch_image(url, user_agent="t", transport=answering(200, png)).extension == "png"
    with pytest.raises(FetchError, match="larger than 50 bytes") as too_big:
        fetch_image(url, user_agent="t", max_bytes=50, transport=answering(200, png))
    with pytest.raises(FetchError, match="not a JPEG, PNG or WebP"):
        fetch_image(url, user_agent="t", transport=answering(200, b"<svg/>"))
    with pytest.raises(FetchError, match="answered HTTP 404") as missing:
        fetch_image(url, user_agent="t", transport=answering(404, b""))
    with pytest.raises(FetchError, match="Not a web address"):
        fetch_image("file:///etc/passwd", user_agent="t")
    for error in (too_big.value, missing.value):
        assert "secret-token" not in error.message and "img.example" in error.message
