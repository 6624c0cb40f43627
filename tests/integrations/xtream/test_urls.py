"""Provider URL validation and media URL building."""

from __future__ import annotations

import httpx
import pytest

from tests.fakes import FakeProvider
from vodarr.integrations.xtream import (
    XtreamClient,
    XtreamError,
    XtreamInvalidURL,
    clean_extension,
    episode_url,
    movie_url,
    normalize_base_url,
)


def test_it_builds_a_movie_url() -> None:
    assert movie_url("http://panel:8080", "user", "pass", 12, "mkv") == (
        "http://panel:8080/movie/user/pass/12.mkv"
    )


def test_it_builds_an_episode_url_from_the_episode_id() -> None:
    assert episode_url("http://panel:8080/", "user", "pass", "10201", "mp4") == (
        "http://panel:8080/series/user/pass/10201.mp4"
    )


def test_it_quotes_credentials_so_they_cannot_change_the_path() -> None:
    url = movie_url("http://panel", "a b@c", "p/w?x#y%z", 1, "mp4")
    assert url == "http://panel/movie/a%20b%40c/p%2Fw%3Fx%23y%25z/1.mp4"


def test_it_cleans_the_extension() -> None:
    assert movie_url("http://panel", "u", "p", 1, " .MKV ") == "http://panel/movie/u/p/1.mkv"
    assert clean_extension("mp4") == "mp4"
    assert clean_extension("") is None
    assert clean_extension("mp4/../../x") is None
    assert clean_extension(None) is None


@pytest.mark.parametrize(("ext", "media_id"), [("", 1), ("../x", 1), ("mp4", ""), ("mp4", "..")])
def test_it_refuses_media_url_parts_that_make_no_sense(ext: str, media_id: str | int) -> None:
    with pytest.raises(XtreamInvalidURL):
        movie_url("http://panel", "u", "p", media_id, ext)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://panel.example:8080", "http://panel.example:8080"),
        ("  HTTP://Panel.Example:8080/  ", "http://panel.example:8080"),
        ("https://panel.example/xtream/", "https://panel.example/xtream"),
        ("http://panel.example:8080/player_api.php", "http://panel.example:8080"),
        ("http://[::1]:8080", "http://[::1]:8080"),
    ],
)
def test_it_normalizes_the_provider_url(given: str, expected: str) -> None:
    assert normalize_base_url(given) == expected


@pytest.mark.parametrize(
    "given",
    [
        "",
        "panel.example:8080",
        "ftp://panel.example",
        "http://",
        "javascript:alert(1)",
        "http://panel.example:99999",
        "http://user:pw-secret@panel.example",
        "http://panel.example/player_api.php?username=u&password=pw-secret",
    ],
)
def test_it_refuses_a_provider_url_that_makes_no_sense(given: str) -> None:
    with pytest.raises(XtreamInvalidURL) as caught:
        XtreamClient(given, "u", "pw-secret")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, XtreamError) and caught.value.permanent
    assert "pw-secret" not in caught.value.message


def test_the_clients_media_urls_fetch_the_file(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    movie = httpx.get(xtream_client.movie_url(2, "mkv"))
    episode = httpx.get(xtream_client.episode_url("10102", "mp4"))
    assert movie.status_code == 200
    assert movie.content == fake_provider.expected_bytes("movie", 2)
    assert episode.content == fake_provider.expected_bytes("episode", 10102)
