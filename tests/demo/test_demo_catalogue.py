"""The demo catalogue, served by the demo provider and read through XtreamClient."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from tests.fakes import FakeProvider
from vodarr.demo import demo_catalogue, demo_provider
from vodarr.demo.catalogue import MIB, FakeEpisode, FakeMovie
from vodarr.integrations.xtream import XtreamClient


@pytest.fixture
def demo() -> Iterator[FakeProvider]:
    with demo_provider(throttle=False) as provider:
        yield provider


def test_the_demo_catalogue_reads_through_the_client(demo: FakeProvider) -> None:
    with XtreamClient(demo.base_url, demo.username, demo.password) as client:
        assert client.account().user_info.is_active
        assert [c.name for c in client.vod_categories()] == [
            "Silent Classics",
            "Film Noir",
            "Horror & Sci-Fi",
        ]
        assert [c.name for c in client.series_categories()] == ["Drama", "Comedy", "Documentary"]
        movies = client.vod_streams()
        assert len(movies) == 24
        assert all(m.name and m.poster and m.rating and m.container_extension for m in movies)
        details = [client.vod_info(m.stream_id) for m in movies]
        assert all(d.year and d.plot and d.director and d.duration_secs for d in details)
        shows = client.series()
        assert len(shows) == 6
        for show in shows:
            info = client.series_info(show.series_id)
            assert 2 <= len(info.seasons) <= 3
            assert all(e.title and e.container_extension for e in info.episodes)


def test_the_demo_catalogue_is_the_same_on_every_run() -> None:
    assert demo_catalogue() == demo_catalogue()


def test_demo_media_are_a_few_mib_and_throttled_so_progress_shows() -> None:
    catalogue = demo_catalogue()
    episodes = [e for s in catalogue.series.values() for e in s.episodes]
    items: list[FakeMovie | FakeEpisode] = [*catalogue.movies.values(), *episodes]
    assert all(2 * MIB <= item.size <= 8 * MIB for item in items)
    assert all(item.bytes_per_sec == 2 * MIB for item in items)


def test_it_is_what_a_provider_without_arguments_serves() -> None:
    assert FakeProvider().catalogue == demo_catalogue()


def test_it_serves_svg_posters_for_the_ui(demo: FakeProvider) -> None:
    with XtreamClient(demo.base_url, demo.username, demo.password) as client:
        movie = client.vod_info(1)
        episode = client.series_info(101).episodes[0]
    assert movie.poster and movie.backdrop and episode.image
    for url in (movie.poster, movie.backdrop, episode.image):
        response = httpx.get(url)
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "image/svg+xml"
        assert response.text.startswith("<svg")
    assert "Nosferatu" in httpx.get(movie.poster).text
    assert httpx.get(f"{demo.base_url}/images/movie/999.svg").status_code == 404


def test_a_demo_movie_downloads_whole(demo: FakeProvider) -> None:
    with XtreamClient(demo.base_url, demo.username, demo.password) as client:
        url = client.movie_url(5, client.movie_extension(5))
    assert httpx.get(url).content == demo.expected_bytes("movie", 5)


def test_python_m_vodarr_demo_prints_its_url_and_credentials() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "vodarr.demo", "--port", "0", "--no-throttle"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        assert lines[0].startswith("Vodarr demo provider running at http://127.0.0.1:")
        base_url = lines[0].rsplit(" ", 1)[1].strip()
        assert lines[2].strip() == "XTREAM_USERNAME=demo"
        assert lines[3].strip() == "XTREAM_PASSWORD=demo-secret"
        with XtreamClient(base_url, "demo", "demo-secret") as client:
            assert len(client.vod_streams()) == 24
    finally:
        process.terminate()
        process.wait(timeout=10)
