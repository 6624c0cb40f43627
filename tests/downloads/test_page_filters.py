"""GET /downloads: state tabs and their counts, search, batch groups, and whose rows count."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.downloads.conftest import SERIES, Stack
from tests.fixtures.downloads import finished_downloads, make_download
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads.filters import (
    STATES,
    annotate_state,
    state_counts,
    state_of,
    visible_downloads,
)
from vodarr.downloads.models import MediaDownloadRef, Status

pytestmark = pytest.mark.django_db


def props(user: User, query: str = "") -> dict[str, Any]:
    response = inertia_client(user).get(f"/downloads{query}")
    assert response.status_code == 200
    return response.json()["props"]


def ids(page: dict[str, Any]) -> list[int]:
    return [item["id"] for item in page["downloads"]["data"]]


def one_of_each(user: User, first_id: int = 100) -> dict[str, MediaDownloadRef]:
    """A download in every state, newest last: active, queued, paused (two ways), failed
    (an error, and removed outside Vodarr), completed, canceled."""
    rows = {
        "active": {"status": Status.ACTIVE},
        "queued": {"status": Status.WAITING},
        "paused": {"status": Status.PAUSED},
        "paused_by_them": {"status": Status.ACTIVE, "desired_paused": True},
        "failed": {"status": Status.ERROR, "last_error_code": 3},
        "removed": {"status": Status.REMOVED},
        "completed": {"status": Status.COMPLETE},
        "canceled": {"status": Status.ACTIVE, "canceled": True},
    }
    return {
        name: make_download(user, first_id + n, title=f"{name.title()} Film", **fields)
        for n, (name, fields) in enumerate(rows.items())
    }


def test_each_tab_lists_its_state_and_the_counts_cover_every_state(member: User) -> None:
    made = one_of_each(member)

    everything = props(member)
    failed = props(member, "?status=failed")
    two = props(member, "?status=failed,paused")
    spelled_twice = props(member, "?status=failed&status=paused&status=bogus")

    assert everything["counts"] == {
        "active": 1,
        "queued": 1,
        "paused": 2,
        "failed": 2,
        "completed": 1,
        "canceled": 1,
        "attention": 2,
        "all": 8,
        "entries": 8,
    }
    assert set(ids(failed)) == {made["failed"].pk, made["removed"].pk}
    assert failed["filters"] == {"owners": [], "status": ["failed"], "q": "", "batch": ""}
    assert failed["counts"]["entries"] == 2 and failed["counts"]["all"] == 8  # tabs keep theirs
    paused = {made["paused"].pk, made["paused_by_them"].pk}
    assert set(ids(two)) == set(ids(spelled_twice)) == paused | set(ids(failed))
    assert spelled_twice["filters"]["status"] == ["paused", "failed"]  # unknown ones ignored
    by_id = {item["id"]: item["state"] for item in everything["downloads"]["data"]}
    assert by_id == {ref.pk: name.split("_")[0] for name, ref in made.items()} | {
        made["removed"].pk: "failed"
    }


def test_a_failure_retrying_by_itself_does_not_need_attention(member: User) -> None:
    make_download(member, 1, status=Status.ERROR, retry_next_at=timezone.now())
    make_download(member, 2, status=Status.ERROR)

    counts = props(member)["counts"]

    assert (counts["failed"], counts["attention"]) == (2, 1)


@pytest.mark.parametrize(
    ("status", "paused", "canceled"),
    list(product(list(Status), [False, True], [False, True])),
)
def test_the_query_and_the_row_agree_on_every_state(
    member: User, status: str, paused: bool, canceled: bool
) -> None:
    ref = make_download(member, 1, status=status, desired_paused=paused, canceled=canceled)

    [annotated] = annotate_state(visible_downloads(member))
    counts = state_counts(visible_downloads(member))

    assert annotated.state == state_of(ref) in STATES  # type: ignore[attr-defined]
    assert counts[state_of(ref)] == 1 == sum(counts[state] for state in STATES)


def test_search_matches_every_word_in_the_show_or_episode_title(member: User) -> None:
    show = make_download(
        member, 7, episode=(1, 2, "702"), title="Harbour Lights", episode_title="Low Tide"
    )
    film = make_download(member, 8, title="The Lighthouse")
    make_download(member, 9, title="Something Else")

    assert set(ids(props(member, "?q=LIGHT"))) == {show.pk, film.pk}
    assert ids(props(member, "?q=harbour%20tide")) == [show.pk]
    assert props(member, "?q=lights%00")["filters"]["q"] == "lights"  # a NUL is dropped
    nothing = props(member, "?q=zebra")
    assert nothing["downloads"]["data"] == [] and nothing["counts"]["all"] == 0


def test_a_member_never_sees_or_counts_someone_elses_downloads(
    member: User, outsider: User, admin: User
) -> None:
    one_of_each(outsider)
    finished_downloads(outsider, 3)
    mine = make_download(member, 1, status=Status.ERROR)

    page = props(member, f"?owners={outsider.pk}")

    assert ids(page) == [mine.pk]
    assert page["counts"]["all"] == 1 and page["counts"]["failed"] == 1
    assert props(member, "?status=completed")["counts"]["completed"] == 0
    everyone = props(admin)
    assert everyone["counts"]["all"] == 12
    assert props(admin, f"?owners={member.pk}")["counts"]["all"] == 1


def test_episodes_started_together_are_one_entry_in_season_and_episode_order(
    member: User,
) -> None:
    before = make_download(member, 1, title="Older Film")
    codes = [(2, 1), (1, 3), (1, 1), (1, 2)]
    batch = [
        make_download(member, 7, episode=(s, e, f"7{s}{e:02d}"), title="The Show", batch="b1")
        for s, e in codes
    ]
    after = make_download(member, 2, title="Newer Film")
    finished_downloads(member, 10, first_id=1000)

    page = props(member)
    data = page["downloads"]["data"]

    # 13 entries (10 films, the newer film, the batch, the older film): the batch counts once.
    assert page["downloads"]["total"] == 13 and page["downloads"]["last_page"] == 2
    assert len(data) == 13  # ten entries, one of which holds four episodes
    second = props(member, "?page=2")["downloads"]["data"]
    order = ids(page) + [item["id"] for item in second]
    grouped = [(item["season"], item["episode"]) for item in data + second if item["batch"]]
    assert grouped == [(1, 1), (1, 2), (1, 3), (2, 1)]
    assert order.index(after.pk) < order.index(batch[0].pk) < order.index(before.pk)
    assert all(item["batch"] == "b1" for item in data + second if item["season"])


def test_a_group_shows_only_its_members_in_the_chosen_state(member: User) -> None:
    done = make_download(member, 7, episode=(1, 1, "711"), status=Status.COMPLETE, batch="b")
    broken = make_download(member, 7, episode=(1, 2, "712"), status=Status.ERROR, batch="b")

    failed = props(member, "?status=failed")
    everything = props(member)

    assert ids(failed) == [broken.pk] and failed["counts"]["entries"] == 1
    assert ids(everything) == [done.pk, broken.pk] and everything["counts"]["entries"] == 1


def test_filters_and_search_survive_paging(member: User) -> None:
    finished_downloads(member, 25)

    page = props(member, "?status=completed&q=movie")

    assert page["downloads"]["next_page_url"] == "/downloads?page=2&status=completed&q=movie"


def test_counts_heads_and_rows_are_five_queries_whatever_the_history(member: User) -> None:
    finished_downloads(member, 200)
    for s, e in [(1, 1), (1, 2), (1, 3)]:
        make_download(member, 7, episode=(s, e, f"7{s}{e}"), batch="x", status=Status.COMPLETE)
    client = inertia_client(member)
    client.get("/downloads")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            "/downloads?status=completed",
            headers={
                "X-Inertia-Partial-Data": "downloads,counts",
                "X-Inertia-Partial-Component": "downloads",
            },
        )

    assert response.status_code == 200
    reads = [q["sql"] for q in queries if "downloads_mediadownloadref" in q["sql"]]
    # The counts, the page's entry heads, the batch's summary (its size: a long one is
    # capped), the films by key and the batch's rows (a query each: ORed, SQLite walked the
    # whole history) — listing.downloads_page, groups.page_rows.
    assert len(reads) == 5, reads


def test_a_real_batch_start_shares_one_batch_and_a_single_episode_has_none(
    stack: Stack, member: User
) -> None:
    client = inertia_client(member)
    client.post(
        f"/series/{SERIES}/download",
        {"episodes": [{"season": 1, "episode": 2}, {"season": 1, "episode": 1}]},
        content_type="application/json",
    )
    client.post(f"/series/{SERIES}/2/1/download")

    batches = dict(MediaDownloadRef.objects.values_list("episode_id", "batch"))

    together = {batches[key] for key in batches if batches[key]}
    assert len(together) == 1 and sum(1 for b in batches.values() if b) == 2
    assert [b for b in batches.values() if not b] == [None]


def test_a_failure_reads_as_a_sentence_and_only_admins_get_arias_words(
    member: User, admin: User
) -> None:
    make_download(
        member,
        1,
        status=Status.ERROR,
        last_error_code=3,
        last_error_message="Resource not found",
    )

    [as_member] = props(member)["downloads"]["data"]
    [as_admin] = props(admin)["downloads"]["data"]

    reason = "The provider does not have this file (HTTP 404): it may have been removed."
    assert as_member["failure"]["reason"].startswith(reason)
    assert as_member["failure"]["detail"] is None
    assert as_member["last_error_message"] is None
    assert as_member["downloadStatus"]["errorMessage"] is None
    assert as_admin["failure"]["detail"] == "aria2 error 3: Resource not found"
    assert as_admin["last_error_message"] == "Resource not found"


def test_vodarrs_own_reason_is_shown_as_it_is(member: User) -> None:
    message = "Not enough free space in the download folder: 1.0 MiB free, 64.0 MiB needed."
    make_download(member, 1, status=Status.ERROR, last_error_message=message)

    [item] = props(member)["downloads"]["data"]

    assert item["failure"]["reason"] == message


def test_counts_are_kept_until_the_persons_downloads_change(stack: Stack, member: User) -> None:
    failed = make_download(member, 1, status=Status.ERROR, title="Broken")
    make_download(member, 2, status=Status.COMPLETE, title="Fine")
    client = inertia_client(member)
    assert client.get("/downloads").json()["props"]["counts"]["all"] == 2

    with CaptureQueriesContext(connection) as queries:
        again = client.get("/downloads").json()["props"]["counts"]
    client.patch(f"/downloads/{failed.pk}", {"action": "remove"}, content_type="application/json")
    after = client.get("/downloads").json()["props"]["counts"]

    counting = [q for q in queries if "COUNT(" in q["sql"] and "mediadownloadref" in q["sql"]]
    assert again["all"] == 2 and counting == []  # nothing changed: nothing counted again
    assert (after["all"], after["failed"]) == (1, 0)  # the removal moved the person's counter
