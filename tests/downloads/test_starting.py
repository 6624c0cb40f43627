"""Starting downloads against real aria2c and the fake provider."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tests.downloads.conftest import FAST_MOVIE, MISSING_MOVIE, SERIES, SLOW_MOVIE, Stack, start
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads import starting
from vodarr.downloads.models import MediaDownloadRef, Transfer
from vodarr.integrations.aria2 import Aria2Client, Aria2Status

pytestmark = pytest.mark.django_db
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}  # what a browser sends for Vodarr's own links


def test_starting_a_movie_downloads_it_to_its_media_server_path(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    response = client.get(f"/movies/{FAST_MOVIE}/download", headers=SAME_ORIGIN)
    assert response.status_code == 303
    assert response["Location"] == "/downloads"
    assert client.get("/downloads").json()["props"]["flash"]["success"] == "Download started."
    ref = MediaDownloadRef.objects.get()
    assert ref.user == member
    assert ref.downloadable_type == "VodStream"
    assert ref.downloadable_id == FAST_MOVIE
    assert ref.transfer.output_path == "Movies/Fast Movie (2001)/Fast Movie (2001).mkv"
    stack.wait_status(ref, Aria2Status.COMPLETE)
    written = (stack.root / ref.transfer.output_path).read_bytes()
    assert written == stack.provider.expected_bytes("movie", FAST_MOVIE)


def test_a_second_start_of_the_same_movie_starts_nothing(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    start(client, SLOW_MOVIE)
    client.post(f"/movies/{SLOW_MOVIE}/download")
    assert (
        client.get("/downloads").json()["props"]["flash"]["error"]
        == "Download already in progress."
    )
    assert MediaDownloadRef.objects.count() == 1
    assert len(stack.rpc.tell_active()) + len(stack.rpc.tell_waiting(0, 100)) == 1


def test_another_member_may_download_the_same_movie(
    stack: Stack, member: User, outsider: User
) -> None:
    start(inertia_client(member), SLOW_MOVIE)
    start(inertia_client(outsider), SLOW_MOVIE)
    assert MediaDownloadRef.objects.count() == 2
    assert Transfer.objects.count() == 1


def test_a_failed_download_started_again_is_tried_again(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    ref = start(client, MISSING_MOVIE)
    failed = stack.wait_status(ref, Aria2Status.ERROR)
    stack.provider.reset_faults()

    again = start(client, MISSING_MOVIE)

    assert again.pk == ref.pk  # the same row, not a second one
    assert again.transfer.gid != failed.gid
    stack.wait_status(ref, Aria2Status.COMPLETE)
    written = (stack.root / again.transfer.output_path).read_bytes()
    assert written == stack.provider.expected_bytes("movie", MISSING_MOVIE)


def test_a_movie_the_provider_does_not_know_gives_a_clear_flash(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    client.post("/movies/999999/download")
    flash = client.get("/downloads").json()["props"]["flash"]
    assert flash["error"] == "This movie is no longer available from the provider."
    assert not MediaDownloadRef.objects.exists()


def test_an_episode_is_found_by_season_and_episode_number(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    response = client.get(f"/series/{SERIES}/1/2/download", headers=SAME_ORIGIN)
    assert response["Location"] == "/downloads"
    ref = MediaDownloadRef.objects.get()
    assert (ref.downloadable_type, ref.downloadable_id, ref.season, ref.episode) == (
        "Series",
        SERIES,
        1,
        2,
    )
    assert ref.episode_id == str(SERIES * 1000 + 102)
    assert (
        ref.transfer.output_path == "Shows/The Show (2010)/Season 01/The Show - S01E02 - Second.mp4"
    )
    stack.wait_status(ref, Aria2Status.COMPLETE)
    expected = stack.provider.expected_bytes("series", SERIES * 1000 + 102)
    assert (stack.root / ref.transfer.output_path).read_bytes() == expected


def test_an_unknown_episode_says_which(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    client.get(f"/series/{SERIES}/9/9/download", headers=SAME_ORIGIN)
    assert client.get("/downloads").json()["props"]["flash"]["error"] == "S9E9 not found."
    assert not MediaDownloadRef.objects.exists()


def test_a_batch_starts_every_episode_in_one_aria2_request(
    stack: Stack, member: User, monkeypatch
) -> None:
    calls: list[str] = []
    original = Aria2Client._post

    def counting(self, method, params):  # type: ignore[no-untyped-def]
        calls.append(method)
        return original(self, method, params)

    monkeypatch.setattr(Aria2Client, "_post", counting)
    client = inertia_client(member)
    body = {
        "episodes": [
            {"season": 1, "episode": 1},
            {"season": 1, "episode": 3},
            {"season": 2, "episode": 1},
        ]
    }
    response = client.post(f"/series/{SERIES}/download", body, content_type="application/json")
    starting_calls = list(calls)
    assert response["Location"] == "/downloads"
    assert client.get("/downloads").json()["props"]["flash"]["success"] == (
        "Downloads started for selected episodes."
    )
    assert MediaDownloadRef.objects.count() == 3
    # Nothing was live before, so the only multicall of the start is the one holding the adds.
    assert starting_calls.count("system.multicall") == 1
    assert "aria2.addUri" not in starting_calls
    for ref in MediaDownloadRef.objects.all():
        stack.wait_status(ref, Aria2Status.COMPLETE)


def test_a_batch_with_unknown_episodes_starts_nothing_and_names_each(
    stack: Stack, member: User
) -> None:
    client = inertia_client(member)
    body = {
        "episodes": [
            {"season": 1, "episode": 1},
            {"season": 4, "episode": 1},
            {"season": 1, "episode": 9},
        ]
    }
    client.post(f"/series/{SERIES}/download", body, content_type="application/json")
    assert (
        client.get("/downloads").json()["props"]["flash"]["error"]
        == "S4E1 not found. S1E9 not found."
    )
    assert not MediaDownloadRef.objects.exists()


def test_a_batch_skips_episodes_already_downloading_and_says_so(stack: Stack, member: User) -> None:
    stack.provider.set_throttle("episode", SERIES * 1000 + 101, 16 * 1024)
    client = inertia_client(member)
    client.get(f"/series/{SERIES}/1/1/download", headers=SAME_ORIGIN)
    client.get("/downloads")
    body = {"episodes": [{"season": 1, "episode": 1}, {"season": 1, "episode": 2}]}
    client.post(f"/series/{SERIES}/download", body, content_type="application/json")
    flash = client.get("/downloads").json()["props"]["flash"]
    assert flash["success"] == "Downloads started for selected episodes."
    assert flash["error"] == "S01E01 is already downloading."
    assert MediaDownloadRef.objects.count() == 2


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"episodes": []},
        {"episodes": "1x2"},
        {"episodes": [1, 2]},
        {"episodes": [{"season": "a", "episode": 1}]},
        {"episodes": [{"season": True, "episode": 1}]},
    ],
)
def test_a_malformed_batch_is_refused_with_a_message(
    stack: Stack, member: User, body: dict
) -> None:
    client = inertia_client(member)
    response = client.post(f"/series/{SERIES}/download", body, content_type="application/json")
    assert response.status_code in (302, 303)
    assert client.get("/downloads").json()["props"]["errors"]["episodes"]
    assert not MediaDownloadRef.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain is another site for us
        {},  # no evidence at all
        {"Referer": "http://evil.example/page"},
        {"Origin": "http://evil.example"},
        {"Referer": "http://testserver.evil.example/"},
    ],
)
def test_a_link_from_elsewhere_cannot_start_a_download(
    stack: Stack, member: User, headers: dict[str, str]
) -> None:
    client = inertia_client(member)
    response = client.get(f"/movies/{FAST_MOVIE}/download", headers=headers)
    assert response.status_code == 403
    assert not MediaDownloadRef.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": "none"},  # typed into the address bar, or a bookmark
        {"Referer": "http://testserver/movies/102"},  # an older browser, from our own page
    ],
)
def test_a_link_from_vodarr_itself_starts_a_download(
    stack: Stack, member: User, headers: dict[str, str]
) -> None:
    response = inertia_client(member).get(f"/movies/{FAST_MOVIE}/download", headers=headers)
    assert response.status_code == 303
    assert MediaDownloadRef.objects.count() == 1


def test_the_account_connection_limit_sets_aria2_concurrency(stack: Stack, member: User) -> None:
    stack.provider.set_account(max_connections=2)
    start(inertia_client(member), SLOW_MOVIE)
    assert stack.rpc.get_global_option()["max-concurrent-downloads"] == "2"


def test_the_provider_being_down_gives_a_readable_flash(stack: Stack, member: User) -> None:
    stack.provider.stop()
    client = inertia_client(member)
    client.post(f"/movies/{FAST_MOVIE}/download")
    error = client.get("/downloads").json()["props"]["flash"]["error"]
    assert "not reachable" in error
    assert stack.provider.password not in error
    assert not MediaDownloadRef.objects.exists()


def test_aria2_being_down_starts_nothing(stack: Stack, member: User) -> None:
    stack.aria2.stop()
    client = inertia_client(member)
    client.post(f"/movies/{FAST_MOVIE}/download")
    assert "aria2 is not reachable" in client.get("/downloads").json()["props"]["flash"]["error"]
    assert not MediaDownloadRef.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_twelve_simultaneous_identical_starts_make_one_task_and_one_row(
    stack: Stack, member: User
) -> None:
    barrier = threading.Barrier(12)
    outcomes: list[str] = []

    def attempt() -> None:
        try:
            barrier.wait()
            starting.start_movie_download(member, SLOW_MOVIE)
            outcomes.append("started")
        except starting.StartError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("started") == 1
    assert outcomes.count(starting.ALREADY_IN_PROGRESS) == 11
    assert MediaDownloadRef.objects.count() == 1
    assert len(stack.rpc.tell_active()) + len(stack.rpc.tell_waiting(0, 100)) == 1


def test_a_nearly_full_disk_stops_a_start_with_a_clear_message(
    stack: Stack, member: User, settings
) -> None:
    settings.VODARR_DISK_RESERVE_BYTES = 1 << 60  # more than any disk has free
    client = inertia_client(member)
    client.post(f"/movies/{FAST_MOVIE}/download")
    error = client.get("/downloads").json()["props"]["flash"]["error"]
    assert error.startswith("Not enough free space in the download folder:")
    assert not MediaDownloadRef.objects.exists()


def test_a_batch_that_loses_a_race_for_one_episode_starts_the_others_one_by_one(
    stack: Stack, member: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another tab starts S1E2 after the batch read who holds what, before it inserts."""
    insert_all = starting.insert_all
    raced: list[MediaDownloadRef] = []

    def racing(items):  # type: ignore[no-untyped-def]
        if not raced:
            raced.append(starting.start_episode_download(member, SERIES, 1, 2))
        return insert_all(items)

    monkeypatch.setattr(starting, "insert_all", racing)

    result = starting.start_episodes_download(member, SERIES, [(1, 1), (1, 2), (1, 3)])

    assert [(r.season, r.episode) for r in result.started] == [(1, 1), (1, 3)]
    assert result.skipped == ["S01E02 is already downloading."]
    assert MediaDownloadRef.objects.count() == 3  # the other tab's S1E2 and the batch's two
    assert Transfer.objects.count() == 3
    assert {r.transfer_id for r in result.started} <= set(
        Transfer.objects.values_list("pk", flat=True)
    )
    for ref in result.started:
        stack.wait_status(ref, Aria2Status.COMPLETE)
