"""Media-server files beside verified downloads, written by the worker from the provider."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.test import Client

from tests.downloads.conftest import SERIES, act, start
from tests.worker.conftest import FAST_MOVIE, Stack, Worker, fresh, tick_until
from vodarr.catalog.provider import provider_client
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.downloads.worker.mediafiles import RETRY_DELAYS, MediaFilesWriter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _png_posters(stack: Stack) -> None:
    stack.provider.set_quirks(png_images=True)


def folder_of(stack: Stack, ref: MediaDownloadRef, up: int = 1) -> Path:
    path = stack.root / fresh(ref).output_path
    for _ in range(up):
        path = path.parent
    return path


def test_a_verified_movie_gets_its_nfo_and_artwork_beside_it(
    stack: Stack, as_member: Client, worker: Worker
) -> None:
    stack.provider.add_movie(
        FAST_MOVIE, "FR| Fast Movie 4K [MULTI]", ext="mkv", year=2001, tmdb_id="603",
        plot="Fast & <furious>.", cast="Keanu Reeves, Carrie-Anne Moss",
    )  # fmt: skip
    ref = start(as_member, FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)
    worker.finish()

    folder = folder_of(stack, ref)
    assert (
        fresh(ref).output_path == "Movies/Fast Movie (2001)/Fast Movie (2001) - 2160p FR MULTI.mkv"
    )
    assert sorted(p.name for p in folder.iterdir()) == [
        "Fast Movie (2001) - 2160p FR MULTI.mkv",
        "fanart.png",
        "movie.nfo",
        "poster.png",
    ]
    nfo = ET.parse(folder / "movie.nfo").getroot()  # noqa: S314 - our own file, in a test
    assert nfo.findtext("title") == "Fast Movie"
    assert nfo.findtext("uniqueid[@type='tmdb']") == "603"
    assert nfo.findtext("plot") == "Fast & <furious>."
    assert stack.provider.image_hits(f"{FAST_MOVIE}.png") == 1


def test_episodes_get_the_show_files_once_and_their_own(
    stack: Stack, as_member: Client, worker: Worker
) -> None:
    body = {"episodes": [{"season": 1, "episode": 1}, {"season": 1, "episode": 2}]}
    as_member.post(f"/series/{SERIES}/download", body, content_type="application/json")
    refs = list(MediaDownloadRef.objects.order_by("episode"))

    tick_until(worker, lambda: all(fresh(r).status == Status.COMPLETE for r in refs))
    worker.finish()

    show, season = folder_of(stack, refs[0], up=2), folder_of(stack, refs[0])
    assert {"tvshow.nfo", "poster.png", "fanart.png", "season01-poster.png"} <= {
        p.name for p in show.iterdir()
    }
    for ref in refs:
        stem = Path(fresh(ref).output_path).stem
        episode = ET.parse(season / f"{stem}.nfo").getroot()  # noqa: S314
        assert episode.findtext("episode") == str(ref.episode)
        assert episode.findtext("showtitle") == "The Show"
        assert (season / f"{stem}-thumb.png").exists()
    assert stack.provider.image_hits(f"{SERIES}.png") == 2  # the show poster and season cover
    assert stack.provider.image_hits(f"{SERIES}-wide.png") == 1


def test_a_refused_file_gets_nothing_a_media_server_would_read(
    stack: Stack, as_member: Client, worker: Worker
) -> None:
    stack.provider.serve_body("movie", FAST_MOVIE, b"Account suspended")
    ref = start(as_member, FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).status == Status.ERROR)
    worker.finish()

    folder = folder_of(stack, ref)
    assert [p.name for p in folder.iterdir()] == ["Fast Movie (2001).mkv.rejected"]
    act(as_member, ref, "remove")  # the refused copy goes with the last request on it
    assert list(folder.iterdir()) == []


def test_the_setting_turns_it_off(
    stack: Stack, as_member: Client, worker: Worker, settings
) -> None:
    settings.VODARR_MEDIA_METADATA = False
    ref = start(as_member, FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)
    worker.finish()

    assert [p.name for p in folder_of(stack, ref).iterdir()] == ["Fast Movie (2001).mkv"]


def test_a_hostile_title_stays_inside_its_folder_and_its_xml(
    stack: Stack, as_member: Client, worker: Worker
) -> None:
    hostile = '../../../etc/passwd </title><uniqueid type="tmdb">1</uniqueid> & "x"'
    stack.provider.add_movie(FAST_MOVIE, hostile, ext="mkv", year=2001, tmdb_id="42")
    ref = start(as_member, FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)
    worker.finish()

    folder = folder_of(stack, ref)
    assert folder.parent == stack.root / "Movies"
    written = sorted(p.relative_to(stack.root).as_posix() for p in stack.root.rglob("*"))
    assert all(p == "Movies" or p.startswith(f"Movies/{folder.name}") for p in written)
    nfo = ET.parse(folder / "movie.nfo").getroot()  # noqa: S314
    assert nfo.findtext("title") == hostile
    assert [u.text for u in nfo.findall("uniqueid")] == ["42"]


def test_files_the_provider_could_not_describe_are_written_on_a_later_try(
    stack: Stack, as_member: Client, worker: Worker
) -> None:
    now = [1000.0]  # any origin: only the differences count
    worker.media_files = files = MediaFilesWriter(clock=lambda: now[0])
    stack.provider.add_movie(FAST_MOVIE, "Fast Movie", ext="mkv", year=2001, tmdb_id="603")
    ref = start(as_member, FAST_MOVIE)
    provider_client().clear_cache()  # the start read the details: the writer must ask again
    stack.provider.fail_next_api(count=1, status=503, action="get_vod_info")

    tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)
    files.settle()
    nfo = folder_of(stack, ref) / "movie.nfo"
    assert not nfo.exists() and files.retrying == 1

    now[0] += RETRY_DELAYS[0] - 1
    files.step()
    files.settle()
    assert not nfo.exists() and files.retrying == 1  # not due yet

    now[0] += 1
    files.step()
    files.settle()
    assert nfo.exists() and files.retrying == 0
    assert stack.provider.api_calls("get_vod_info") >= 2
