"""POST /downloads/bulk: one action on many downloads, by ids or by state, with the same rules
and messages as one download's action, in one aria2 request — against real aria2c."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.downloads.conftest import (
    FAST_MOVIE,
    KIB,
    MISSING_MOVIE,
    SLOW_MOVIE,
    Stack,
    act,
    start,
)
from tests.fixtures.downloads import make_download
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads.actions import ALREADY_CANCELED, NOT_FOUND
from vodarr.downloads.gateway import gateway
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.integrations.aria2 import Aria2Status

pytestmark = pytest.mark.django_db

SECOND_SLOW = 111
# Which states each action is for (the spec's rules; everything else is refused).
ALLOWED = {
    "pause": {"active"},
    "resume": {"paused"},
    "retry": {"failed", "removed", "completed"},
    "cancel": {"active", "paused", "queued"},
    "remove": {"failed", "removed", "completed", "canceled"},
}
SEEN_STATUS = {
    "active": "active",
    "queued": "waiting",
    "paused": "paused",
    "failed": "error",
    "removed": "removed",
    "completed": "complete",
}


def add_second_slow_movie(stack: Stack) -> None:
    stack.provider.add_movie(SECOND_SLOW, "Second Slow", size=8 * 1024 * KIB, year=2003)
    stack.provider.set_throttle("movie", SECOND_SLOW, 64 * KIB)


def two_running(stack: Stack, client: Client) -> list[MediaDownloadRef]:
    """Two of the member's downloads that aria2 is really running (throttled)."""
    add_second_slow_movie(stack)
    refs = [start(client, SLOW_MOVIE), start(client, SECOND_SLOW)]
    for ref in refs:
        stack.wait_status(ref, Aria2Status.ACTIVE)
    return refs


def bulk(client: Client, *, as_json: bool = True, **body: Any) -> Any:
    """POST /downloads/bulk as an API client (JSON answer) or as an Inertia visit."""
    headers = {"X-Inertia": ""} if as_json else {}
    return client.post("/downloads/bulk", body, content_type="application/json", headers=headers)


@pytest.fixture
def every_state(stack: Stack, member: User) -> dict[str, MediaDownloadRef]:
    """One of the member's downloads in each state; aria2 really runs the active and paused."""
    client = inertia_client(member)
    active, paused = two_running(stack, client)
    act(client, paused, "pause")
    stack.wait_status(paused, Aria2Status.PAUSED)
    return {
        "active": active,
        "paused": paused,
        "queued": make_download(member, 900, status=Status.WAITING, title="Queued Film"),
        "failed": make_download(member, MISSING_MOVIE, status=Status.ERROR, title="Gone Movie"),
        "removed": make_download(member, FAST_MOVIE, status=Status.REMOVED, title="Fast Movie"),
        "completed": make_download(
            member, 901, status=Status.COMPLETE, title="Done Film", total_length=10
        ),
        "canceled": make_download(member, 902, canceled=True, title="Dropped Film"),
    }


@pytest.mark.parametrize("action", list(ALLOWED))
def test_every_state_in_one_bulk_follows_the_single_actions_rules(
    every_state: dict[str, MediaDownloadRef], member: User, action: str
) -> None:
    client = inertia_client(member)
    by_id = {ref.pk: name for name, ref in every_state.items()}
    refused_alone = {
        name: single_refusal(client, ref, action)
        for name, ref in every_state.items()
        if name not in ALLOWED[action]
    }
    gids = {ref.pk: ref.transfer.gid for ref in every_state.values()}
    aria2 = gateway().client
    before = aria2.request_count

    answer = bulk(client, action=action, ids=list(by_id)).json()

    assert aria2.request_count - before == 1  # one system.multicall for all of them
    assert {by_id[pk] for pk in answer["done"]} == ALLOWED[action]
    refused = {by_id[item["id"]]: item["message"] for item in answer["refused"]}
    assert refused == refused_alone  # the same sentence as acting on each alone
    for name, message in refused.items():
        expected = (
            ALREADY_CANCELED
            if name == "canceled"
            else f"You cannot {action} a download in {SEEN_STATUS[name]} status."
        )
        assert message == expected
    states = {item["id"]: item["state"] for item in page(client)}
    for pk in answer["done"]:
        if action == "retry":  # re-added under a new GID (a missing file fails again at once)
            assert MediaDownloadRef.objects.get(pk=pk).transfer.gid != gids[pk]
        else:
            assert states.get(pk) in AFTER[action], (by_id[pk], states.get(pk))


AFTER: dict[str, set[str | None]] = {
    "pause": {"paused"},
    "resume": {"queued", "active"},
    "cancel": {"canceled"},
    "remove": {None},  # gone from the list
}


def single_refusal(client: Client, ref: MediaDownloadRef, action: str) -> str:
    """What PATCH /downloads/{id} says when it refuses (nothing changes)."""
    response = client.patch(
        f"/downloads/{ref.pk}",
        {"action": action},
        content_type="application/json",
        headers={"X-Inertia": ""},
    )
    assert response.status_code == 422
    return str(response.json()["errors"]["action"])


def page(client: Client) -> list[dict[str, Any]]:
    return client.get("/downloads").json()["props"]["downloads"]["data"]


def test_retry_every_failed_download_by_state(stack: Stack, member: User) -> None:
    add_second_slow_movie(stack)
    client = inertia_client(member)
    failed = [
        make_download(member, SLOW_MOVIE, status=Status.ERROR, title="The Slow Movie"),
        make_download(member, SECOND_SLOW, status=Status.ERROR, title="Second Slow"),
    ]
    fine = make_download(member, 903, status=Status.COMPLETE, title="Fine Film")

    response = bulk(client, as_json=False, action="retry", status="failed")

    assert response.status_code == 303  # an Inertia visit: back to the page, with a flash
    props = client.get("/downloads").json()["props"]
    assert props["flash"] == {"success": "2 downloads retried.", "error": None}
    states = {item["id"]: item["state"] for item in props["downloads"]["data"]}
    assert {states[ref.pk] for ref in failed} <= {"queued", "active"}
    assert states[fine.pk] == "completed"
    for ref in failed:
        stack.wait_status(ref, Aria2Status.ACTIVE)


def test_an_admin_acts_on_several_peoples_downloads_at_once(
    stack: Stack, member: User, outsider: User, admin: User
) -> None:
    theirs = [
        make_download(member, MISSING_MOVIE, status=Status.ERROR, title="Gone Movie"),
        make_download(outsider, FAST_MOVIE, status=Status.ERROR, title="Fast Movie"),
    ]

    json_answer = bulk(inertia_client(admin), action="retry", ids=[r.pk for r in theirs]).json()

    assert sorted(json_answer["done"]) == sorted(r.pk for r in theirs)
    assert json_answer["refused"] == [] and json_answer["message"] == "2 downloads retried."


def test_another_members_ids_are_refused_like_missing_ones(
    stack: Stack, member: User, outsider: User
) -> None:
    mine = make_download(member, MISSING_MOVIE, status=Status.ERROR, title="Gone Movie")
    theirs = make_download(outsider, FAST_MOVIE, status=Status.ERROR, title="Fast Movie")

    answer = bulk(inertia_client(member), action="remove", ids=[theirs.pk, mine.pk, 987654])

    body = answer.json()
    assert body["done"] == [mine.pk]
    assert body["refused"] == [
        {"id": theirs.pk, "message": NOT_FOUND},
        {"id": 987654, "message": NOT_FOUND},
    ]
    assert body["errors"] == {"action": f"2 not removed: {NOT_FOUND}"}
    assert MediaDownloadRef.objects.filter(pk=theirs.pk).exists()


def test_a_state_bulk_touches_only_the_persons_own(
    stack: Stack, member: User, outsider: User
) -> None:
    mine = make_download(member, 904, status=Status.COMPLETE, title="Mine")
    theirs = make_download(outsider, 905, status=Status.COMPLETE, title="Theirs")

    body = bulk(inertia_client(member), action="remove", status=["completed"]).json()

    assert body["done"] == [mine.pk]
    assert MediaDownloadRef.objects.filter(pk=theirs.pk).exists()


def test_pausing_and_resuming_many_is_one_aria2_request_each(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    refs = two_running(stack, client)
    aria2 = gateway().client

    before = aria2.request_count
    paused = bulk(client, action="pause", ids=[r.pk for r in refs]).json()
    pause_requests = aria2.request_count - before
    for ref in refs:
        stack.wait_status(ref, Aria2Status.PAUSED)
    before = aria2.request_count
    resumed = bulk(client, action="resume", status="paused").json()

    assert sorted(paused["done"]) == sorted(resumed["done"]) == sorted(r.pk for r in refs)
    assert (pause_requests, aria2.request_count - before) == (1, 1)
    for ref in refs:
        stack.wait_status(ref, Aria2Status.ACTIVE, Aria2Status.WAITING)


def test_canceling_many_can_delete_their_partial_files(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    refs = two_running(stack, client)
    partials = [stack.root / ref.transfer.output_path for ref in refs]

    body = bulk(client, action="cancel", ids=[r.pk for r in refs], delete_partial=True).json()

    assert sorted(body["done"]) == sorted(r.pk for r in refs)
    assert not any(path.exists() for path in partials)
    assert all(r.canceled_at for r in MediaDownloadRef.objects.filter(pk__in=body["done"]))


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"ids": [1]}, "action", "Choose an action: pause, resume, retry, cancel or remove."),
        ({"action": "explode", "ids": [1]}, "action", "Unsupported download action."),
        ({"action": "retry"}, "ids", "a list of ids, or a status such as failed"),
        ({"action": "retry", "ids": ["x"]}, "ids", "positive whole number"),
        ({"action": "retry", "ids": list(range(1, 502))}, "ids", "at most 500"),
        ({"action": "retry", "ids": {"a": 1}}, "ids", "must be a list"),
        ({"action": "retry", "status": "sleeping"}, "status", "Unknown status 'sleeping'"),
        ({"action": "cancel", "ids": [1], "delete_partial": "maybe"}, "delete_partial", "true"),
    ],
)
def test_bad_bodies_are_told_what_is_wrong(
    member: User, body: dict[str, Any], field: str, message: str
) -> None:
    response = bulk(inertia_client(member), **body)

    assert response.status_code == 422
    assert message in response.json()["errors"][field]


def test_a_bulk_over_more_than_one_request_takes_says_more_are_left(
    member: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("vodarr.downloads.filters.MAX_BULK", 2)
    for n in range(3):
        make_download(member, 910 + n, canceled=True, title=f"Dropped {n}")

    body = bulk(inertia_client(member), action="remove", status="canceled").json()

    assert len(body["done"]) == 2
    assert body["message"] == "2 downloads removed. More are left: do it again for the rest."
    assert MediaDownloadRef.objects.filter(user=member).count() == 1


def test_a_bulk_that_finds_nothing_says_so(member: User) -> None:
    client = inertia_client(member)

    bulk(client, as_json=False, action="retry", status="failed")

    flash = client.get("/downloads").json()["props"]["flash"]
    assert flash == {"success": "No download was retried.", "error": None}
