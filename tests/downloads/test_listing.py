"""GET /downloads: the paginator, live status in one request, owners, last known state."""

from __future__ import annotations

import pytest

from tests.downloads.conftest import FAST_MOVIE, SLOW_MOVIE, Stack, start
from tests.fixtures.downloads import finished_downloads
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.integrations.aria2 import Aria2Client, Aria2Status

pytestmark = pytest.mark.django_db


def downloads_props(client, query: str = "") -> dict:
    response = client.get(f"/downloads{query}")
    assert response.status_code == 200
    page = response.json()
    assert page["component"] == "downloads"
    return page["props"]


def test_the_page_is_a_paginator_of_ten_newest_first(stack: Stack, member: User) -> None:
    finished_downloads(member, 23)
    props = downloads_props(inertia_client(member))
    downloads = props["downloads"]
    assert set(downloads) >= {
        "data",
        "current_page",
        "last_page",
        "per_page",
        "total",
        "next_page_url",
        "prev_page_url",
    }
    assert (
        downloads["current_page"],
        downloads["last_page"],
        downloads["per_page"],
        downloads["total"],
    ) == (1, 3, 10, 23)
    assert [d["media"]["name"] for d in downloads["data"]] == [
        f"Movie {i}" for i in range(22, 12, -1)
    ]
    assert downloads["next_page_url"] == "/downloads?page=2"
    assert downloads["prev_page_url"] is None
    third = downloads_props(inertia_client(member), "?page=3")["downloads"]
    assert len(third["data"]) == 3
    assert third["next_page_url"] is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [("?page=99", 3), ("?page=abc", 1), ("?page=-4", 1), ("?page=", 1), ("?page=1e9", 1)],
)
def test_a_page_out_of_range_or_garbage_gives_a_valid_page(
    stack: Stack, member: User, query: str, expected: int
) -> None:
    finished_downloads(member, 23)
    assert downloads_props(inertia_client(member), query)["downloads"]["current_page"] == expected


def test_an_empty_list_is_a_valid_page(stack: Stack, member: User) -> None:
    downloads = downloads_props(inertia_client(member))["downloads"]
    assert downloads["data"] == [] and downloads["total"] == 0 and downloads["current_page"] == 1


def test_members_see_only_their_own_and_no_owner_details(
    stack: Stack, member: User, outsider: User
) -> None:
    finished_downloads(member, 2)
    finished_downloads(outsider, 3)
    props = downloads_props(inertia_client(member), f"?owners={outsider.pk}")
    assert props["downloads"]["total"] == 2
    assert all(d["user_id"] == member.pk for d in props["downloads"]["data"])
    assert "owner" not in props["downloads"]["data"][0]
    assert "ownerOptions" not in props


def test_admins_see_everyone_with_owner_details(
    stack: Stack, admin: User, member: User, outsider: User
) -> None:
    finished_downloads(member, 2)
    finished_downloads(outsider, 3)
    props = downloads_props(inertia_client(admin))
    assert props["downloads"]["total"] == 5
    owners = {d["owner"]["id"]: d["owner"] for d in props["downloads"]["data"]}
    assert owners[member.pk] == {"id": member.pk, "name": member.name, "email": member.email}
    assert props["ownerOptions"] == [
        {"id": member.pk, "name": member.name, "email": member.email},
        {"id": outsider.pk, "name": outsider.name, "email": outsider.email},
    ]


def test_admins_filter_by_owners_and_invalid_ids_are_dropped(
    stack: Stack, admin: User, member: User, outsider: User
) -> None:
    finished_downloads(member, 2)
    finished_downloads(outsider, 3)
    props = downloads_props(
        inertia_client(admin), f"?owners={outsider.pk},abc,,-1,99999999999999999999"
    )
    assert props["downloads"]["total"] == 3
    assert props["filters"]["owners"] == [outsider.pk]
    both = downloads_props(inertia_client(admin), f"?owners={outsider.pk},{member.pk}")
    assert both["downloads"]["total"] == 5
    nobody = downloads_props(inertia_client(admin), "?owners=x,y")
    assert nobody["downloads"]["total"] == 5  # nothing valid left: no filter


def test_the_owner_filter_survives_paging(stack: Stack, admin: User, member: User) -> None:
    finished_downloads(member, 12)
    props = downloads_props(inertia_client(admin), f"?owners={member.pk}")
    assert props["downloads"]["next_page_url"] == f"/downloads?page=2&owners={member.pk}"


def test_live_status_for_the_whole_page_comes_from_one_aria2_request(
    stack: Stack, member: User, monkeypatch
) -> None:
    client = inertia_client(member)
    start(client, SLOW_MOVIE)
    ref = start(client, FAST_MOVIE)
    stack.wait_status(ref, Aria2Status.COMPLETE)
    finished_downloads(member, 8)
    calls: list[str] = []
    original = Aria2Client._post

    def counting(self, method, params):  # type: ignore[no-untyped-def]
        calls.append(method)
        return original(self, method, params)

    monkeypatch.setattr(Aria2Client, "_post", counting)
    data = downloads_props(client)["downloads"]["data"]
    assert calls == ["system.multicall"]
    by_id = {d["downloadable_id"]: d["downloadStatus"] for d in data}
    slow, fast = by_id[SLOW_MOVIE], by_id[FAST_MOVIE]
    assert slow["status"] in ("active", "waiting") and slow["source"] == "live"
    assert isinstance(slow["totalLength"], int) and isinstance(slow["downloadSpeed"], int)
    # aria2 finished it, but nobody checked the file yet: the page never says complete then.
    # Asked of aria2 if the row still read unfinished; else the record (a finished transfer).
    assert fast["status"] == "verifying" and fast["source"] in ("live", "recorded")
    assert fast["completedLength"] == fast["totalLength"] == 300 * 1024
    assert set(fast) >= {
        "gid",
        "status",
        "totalLength",
        "completedLength",
        "downloadSpeed",
        "errorCode",
        "errorMessage",
        "dir",
        "files",
    }
    assert all("uris" not in f for f in fast["files"])
    # Finished history is not asked about: its record is the truth, not a "last known" guess.
    assert by_id[10_000]["source"] == "recorded"


def test_no_page_or_prop_carries_the_provider_password(stack: Stack, admin: User) -> None:
    client = inertia_client(admin)
    start(client, SLOW_MOVIE)
    for response in (client.get("/downloads"), client.get("/downloads", headers={"X-Inertia": ""})):
        assert stack.provider.password.encode() not in response.content


def test_with_aria2_down_the_list_still_renders_last_known_states(
    stack: Stack, member: User
) -> None:
    client = inertia_client(member)
    done = start(client, FAST_MOVIE)
    stack.wait_status(done, Aria2Status.COMPLETE)
    client.get("/downloads")
    running = start(client, SLOW_MOVIE)
    stack.wait_status(running, Aria2Status.ACTIVE)
    client.get("/downloads")
    stack.aria2.stop()
    data = {d["id"]: d["downloadStatus"] for d in downloads_props(client)["downloads"]["data"]}
    assert data[running.pk]["source"] == "last_known"  # aria2 was asked and did not answer
    assert data[running.pk]["status"] == "active"
    assert data[done.pk]["source"] == "recorded"  # a finished download is not asked about
    # No worker ran here: aria2's "complete" waits for the file check.
    assert data[done.pk]["status"] == "verifying"
