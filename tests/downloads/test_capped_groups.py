"""A long batch on the Downloads page: a capped group with a summary of the rest, and the
batch opened on a page of its own (``?batch=``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.api.conftest import key_client
from tests.downloads.conftest import Stack
from tests.fixtures.downloads import finished_downloads, make_download
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads.groups import GROUP_SHOWN
from vodarr.downloads.models import MediaDownloadRef, Status

pytestmark = pytest.mark.django_db

SEASONS, PER_SEASON = 4, 10


def props(user: User, query: str = "") -> dict[str, Any]:
    response = inertia_client(user).get(f"/downloads{query}")
    assert response.status_code == 200
    return response.json()["props"]


def codes(page: dict[str, Any]) -> list[tuple[int, int]]:
    return [(item["season"], item["episode"]) for item in page["downloads"]["data"]]


def long_batch(user: User, batch: str = "long", **states: Status) -> list[MediaDownloadRef]:
    """40 episodes (4 seasons of 10) started together, queued unless ``states`` says
    otherwise ("s3e5": Status.ACTIVE)."""
    return [
        make_download(
            user,
            7,
            episode=(s, e, f"{batch}{s}{e:02d}"),
            title="The Long Show",
            batch=batch,
            status=states.get(f"s{s}e{e}", Status.WAITING),
            total_length=1000,
            completed_length=1000 if states.get(f"s{s}e{e}") == Status.COMPLETE else 0,
        )
        for s in range(1, SEASONS + 1)
        for e in range(1, PER_SEASON + 1)
    ]


def test_a_long_batch_brings_what_needs_the_person_first_and_sums_up_the_rest(
    member: User,
) -> None:
    finished_downloads(member, 3)
    long_batch(
        member,
        s1e1=Status.COMPLETE,
        s1e2=Status.COMPLETE,
        s4e9=Status.ERROR,
        s3e5=Status.ACTIVE,
        s2e2=Status.PAUSED,
    )

    page = props(member)

    # Failed, downloading and paused ones first, then the queue in order, finished ones last;
    # shown in season and episode order.
    queue = [(1, e) for e in range(3, PER_SEASON + 1)] + [(2, 1)]
    assert codes(page)[:GROUP_SHOWN] == [*queue, (2, 2), (3, 5), (4, 9)]
    assert len(page["downloads"]["data"]) == GROUP_SHOWN + 3  # the group, then three films
    assert page["downloads"]["total"] == 4  # the batch is one entry
    rest = page["groupRest"]["long"]
    left = 40 - GROUP_SHOWN
    assert rest["count"] == left
    assert rest["states"] == {"queued": left - 2, "completed": 2}
    assert rest["progress"] == 2.0  # the two finished episodes count whole
    assert rest["seasons"] == [1, 2, 3, 4]


def test_a_short_batch_comes_whole_and_has_no_summary(member: User) -> None:
    for e in range(1, GROUP_SHOWN + 1):
        make_download(member, 7, episode=(1, e, f"s{e}"), title="Short", batch="short")

    finished_downloads(member, 3)

    page = props(member)

    assert len(page["downloads"]["data"]) == GROUP_SHOWN + 3
    assert page["groupRest"] == {}
    # The heads, the batch's summary (it is not capped), the films by key, the batch.
    assert len(page_reads(member)) == 4


def page_reads(user: User) -> list[str]:
    """The queries of the person's Downloads page that read requests (a second visit: the
    counts are kept, so the page's own reads are left)."""
    client = inertia_client(user)
    client.get("/downloads")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/downloads")
    assert response.status_code == 200
    return [q["sql"] for q in queries if "downloads_mediadownloadref" in q["sql"]]


def test_a_long_batch_costs_page_one_a_query_more_not_one_per_episode(member: User) -> None:
    finished_downloads(member, 50)
    long_batch(member)

    reads = page_reads(member)

    # The entry heads, the batch's summary, the deciding fields of the shown seasons'
    # episodes, then the page's rows by key.
    assert len(reads) == 4, reads


def test_a_batch_with_a_long_season_shows_the_right_episodes_from_their_fields(
    member: User,
) -> None:
    """A season too long to read whole with the page: its episodes' deciding fields alone."""
    failed, moving, queued_first = (1, 50), (1, 60), (1, 2)
    for e in range(1, 81):
        make_download(
            member,
            7,
            episode=(1, e, f"daily{e}"),
            title="A Daily Show",
            batch="daily",
            status={failed: Status.ERROR, moving: Status.ACTIVE}.get((1, e), Status.WAITING),
            canceled=e == 1,
        )

    reads = page_reads(member)
    page = props(member)

    # The heads, the summary, the shown episodes' fields, the page's rows by key.
    assert len(reads) == 4, reads
    queue = [(1, e) for e in range(queued_first[1], queued_first[1] + GROUP_SHOWN - 1)]
    assert sorted(codes(page)) == sorted([failed, moving, *queue][:GROUP_SHOWN])
    assert len(codes(page)) == GROUP_SHOWN
    rest = page["groupRest"]["daily"]
    assert rest["count"] == 80 - GROUP_SHOWN
    assert rest["states"] == {"queued": 80 - 3 - (GROUP_SHOWN - 2), "canceled": 1}


def test_two_long_batches_on_a_page_cost_no_query_more_than_one(member: User) -> None:
    long_batch(member, "first", s2e3=Status.ERROR)
    long_batch(member, "second", s4e10=Status.ACTIVE)

    reads = page_reads(member)
    page = props(member)

    assert len(reads) == 4, reads
    by_batch: dict[str, list[tuple[int, int]]] = {}
    for item in page["downloads"]["data"]:
        by_batch.setdefault(item["batch"], []).append((item["season"], item["episode"]))
    # Each in season and episode order, its failed or moving episode among them.
    assert by_batch["first"] == [*((1, e) for e in range(1, 11)), (2, 1), (2, 3)]
    assert by_batch["second"] == [*((1, e) for e in range(1, 11)), (2, 1), (4, 10)]
    assert set(page["groupRest"]) == {"first", "second"}


def test_a_batch_opened_on_its_own_page_lists_each_episode_in_order(member: User) -> None:
    long_batch(member, s2e3=Status.ERROR)
    make_download(member, 8, episode=(1, 1, "other"), title="Another Show", batch="other")
    finished_downloads(member, 5)

    first = props(member, "?batch=long")
    second = props(member, "?batch=long&page=2")
    failed = props(member, "?batch=long&status=failed")

    assert first["downloads"]["total"] == 40 and first["downloads"]["per_page"] == 25
    assert codes(first) + codes(second) == [
        (s, e) for s in range(1, SEASONS + 1) for e in range(1, PER_SEASON + 1)
    ]
    assert first["downloads"]["next_page_url"] == "/downloads?page=2&batch=long"
    assert first["counts"]["all"] == 40 and first["counts"]["entries"] == 40
    assert first["filters"]["batch"] == "long" and first["groupRest"] == {}
    assert codes(failed) == [(2, 3)] and failed["counts"]["failed"] == 1


@pytest.mark.parametrize("batch", ["", "%00", "x" * 40, "a b", "../etc"])
def test_an_unusable_batch_key_is_ignored(member: User, batch: str) -> None:
    long_batch(member)
    finished_downloads(member, 2)

    page = props(member, f"?batch={batch}")

    assert page["filters"]["batch"] == ""
    assert page["downloads"]["total"] == 3  # everything, as without the key


def test_a_member_opening_someone_elses_batch_sees_nothing_and_an_admin_sees_it(
    member: User, outsider: User, admin: User
) -> None:
    long_batch(outsider, batch="theirs")

    assert props(member, "?batch=theirs")["downloads"]["data"] == []
    assert props(admin, "?batch=theirs")["downloads"]["total"] == 40


def test_a_bulk_action_on_a_batch_touches_only_its_episodes(stack: Stack, member: User) -> None:
    mine = [
        make_download(member, 7, episode=(1, e, f"m{e}"), title="A", batch="b1", canceled=True)
        for e in range(1, 4)
    ]
    other = make_download(member, 8, episode=(1, 1, "o1"), title="B", batch="b2", canceled=True)

    answer = inertia_client(member).post(
        "/downloads/bulk",
        {"action": "remove", "status": ["canceled"], "batch": "b1"},
        content_type="application/json",
        headers={"X-Inertia": ""},
    )

    assert answer.status_code == 200
    assert sorted(answer.json()["done"]) == sorted(ref.pk for ref in mine)
    left = set(MediaDownloadRef.objects.values_list("pk", flat=True))
    assert other.pk in left and not left & {ref.pk for ref in mine}


def test_the_api_lists_a_batch_whole_and_one_batch_on_its_own(member: User) -> None:
    long_batch(member)
    api = key_client(member)

    everything = api.get("/api/v1/downloads").json()
    one = api.get("/api/v1/downloads?batch=long&page=2").json()
    refused = api.get("/api/v1/downloads?batch=../x")

    assert len(everything["data"]) == 40  # a script gets every episode of the entry
    assert one["total"] == 40 and [(d["season"], d["episode"]) for d in one["data"]][:2] == [
        (3, 6),
        (3, 7),
    ]
    assert refused.status_code == 422


def test_a_capped_batch_keeps_its_place_though_its_first_episode_is_not_shown(
    member: User,
) -> None:
    """The page orders entries by their first row; a capped batch may not bring that row."""
    started = timezone.now() - timedelta(hours=1)
    for n in range(GROUP_SHOWN + 8):
        make_download(
            member,
            7,
            episode=(1, n + 1, f"late{n}"),
            title="The Long Show",
            batch="late",
            canceled=n < 8,  # the first eight, shown last, were dropped
            created_at=started + timedelta(seconds=n),
        )
    film = make_download(
        member, 8, title="A Film Started Meanwhile", created_at=started + timedelta(seconds=3)
    )

    data = props(member)["downloads"]["data"]

    assert data[0]["id"] == film.pk  # the batch began before it, so it comes after
    assert [item["batch"] for item in data[1:]] == ["late"] * GROUP_SHOWN
