"""One file, many people: requests share a transfer, against real aria2c and the fake provider.

Alice (``member``) and Bob (``outsider``) ask for the same media. Each sees and acts on their
own row; aria2 and the provider see one download.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.downloads.conftest import (
    FAST_MOVIE,
    KIB,
    MISSING_MOVIE,
    SLOW_MOVIE,
    Stack,
    act,
    flash_and_errors,
    start,
)
from tests.fixtures.users import inertia_client
from tests.fixtures.waiting import wait_for
from vodarr.accounts.models import User
from vodarr.downloads import actions
from vodarr.downloads.models import MediaDownloadRef, Status, Transfer
from vodarr.downloads.worker import Reconciler
from vodarr.integrations.aria2 import Aria2Status

pytestmark = pytest.mark.django_db


SHARED_FILM = 301  # about three seconds long: long enough to join, short enough to finish


@pytest.fixture(autouse=True)
def _shared_film(stack: Stack) -> None:
    stack.provider.add_movie(SHARED_FILM, "Shared Film", size=384 * KIB, year=2003)
    stack.provider.set_throttle("movie", SHARED_FILM, 128 * KIB)


def rows(client: Client) -> list[dict[str, Any]]:
    return client.get("/downloads").json()["props"]["downloads"]["data"]


def running_in_aria2(stack: Stack) -> list[str]:
    return [s.gid for s in stack.rpc.tell_active() + stack.rpc.tell_waiting(0, 100)]


def transfer_of(ref: MediaDownloadRef) -> Transfer:
    return Transfer.objects.get(pk=ref.transfer_id)


def completed_by_the_worker(stack: Stack, ref: MediaDownloadRef) -> Transfer:
    """Tick like the worker until the transfer is recorded complete (and aria2 forgot it)."""
    reconciler = Reconciler()

    def done() -> bool:
        reconciler.tick()
        return transfer_of(ref).status == Status.COMPLETE

    wait_for(done, timeout=20, message="the transfer to complete")
    return transfer_of(ref)


def test_two_members_share_one_transfer_and_one_provider_fetch(
    stack: Stack, member: User, outsider: User
) -> None:
    alice, bob = inertia_client(member), inertia_client(outsider)
    mine = start(alice, SHARED_FILM)
    stack.wait_status(mine, Aria2Status.ACTIVE)

    response = bob.post(f"/movies/{SHARED_FILM}/download")

    assert response.status_code == 303
    assert flash_and_errors(bob)[0]["success"] == "Download started."
    theirs = stack.ref(user=outsider)
    assert theirs.transfer_id == mine.transfer_id
    assert running_in_aria2(stack) == [mine.transfer.gid]
    [row] = rows(bob)
    assert row["id"] == theirs.pk and row["gid"] == mine.transfer.gid
    assert [r["id"] for r in rows(alice)] == [mine.pk]

    stack.wait_status(mine, Aria2Status.COMPLETE)
    assert stack.provider.hits("movie", SHARED_FILM) == 1
    written = (stack.root / mine.transfer.output_path).read_bytes()
    assert written == stack.provider.expected_bytes("movie", SHARED_FILM)
    assert rows(bob)[0]["downloadStatus"]["status"] == "complete"


def test_canceling_with_delete_leaves_the_others_download_alone(
    stack: Stack, member: User, outsider: User
) -> None:
    alice, bob = inertia_client(member), inertia_client(outsider)
    mine = start(alice, SHARED_FILM)
    start(bob, SHARED_FILM)
    partial = stack.root / mine.transfer.output_path
    wait_for(partial.exists, message="a partial file")

    act(alice, mine, "cancel", delete_partial=True)

    assert flash_and_errors(alice)[0]["success"] == "Download canceled successfully."
    assert partial.exists()
    assert running_in_aria2(stack) == [mine.transfer.gid]
    assert rows(alice)[0]["canceled_at"] is not None
    stack.wait_status(mine, Aria2Status.COMPLETE)
    assert partial.read_bytes() == stack.provider.expected_bytes("movie", SHARED_FILM)


def test_the_last_cancel_stops_the_transfer_and_deletes_the_partial(
    stack: Stack, member: User, outsider: User
) -> None:
    alice, bob = inertia_client(member), inertia_client(outsider)
    mine, theirs = start(alice, SLOW_MOVIE), start(bob, SLOW_MOVIE)
    partial = stack.root / mine.transfer.output_path
    wait_for(partial.exists, message="a partial file")

    act(alice, mine, "cancel")
    act(bob, theirs, "cancel", delete_partial=True)

    assert running_in_aria2(stack) == []
    assert not partial.exists()
    stopped = transfer_of(mine)
    assert stopped.status == Status.REMOVED and stopped.media_key is None
    # Anyone starting it now gets a new transfer.
    again = start(alice, SLOW_MOVIE)
    assert again.transfer_id != mine.transfer_id


def test_a_second_start_of_a_finished_file_is_complete_at_once_with_no_fetch(
    stack: Stack, member: User, outsider: User
) -> None:
    alice, bob = inertia_client(member), inertia_client(outsider)
    mine = start(alice, FAST_MOVIE)
    done = completed_by_the_worker(stack, mine)
    fetches = stack.provider.hits("movie", FAST_MOVIE)

    bob.post(f"/movies/{FAST_MOVIE}/download")

    assert flash_and_errors(bob)[0]["success"] == "Download started."
    assert stack.provider.hits("movie", FAST_MOVIE) == fetches
    assert running_in_aria2(stack) == []
    [row] = rows(bob)
    assert row["downloadStatus"]["status"] == "complete"
    assert row["downloadStatus"]["totalLength"] == done.total_length > 0
    assert stack.ref(user=outsider).transfer_id == done.pk


def test_a_finished_file_that_changed_on_disk_is_fetched_again(
    stack: Stack, member: User, outsider: User
) -> None:
    mine = start(inertia_client(member), FAST_MOVIE)
    done = completed_by_the_worker(stack, mine)
    target = stack.root / done.output_path
    target.write_bytes(b"not the film")

    start(inertia_client(outsider), FAST_MOVIE)

    stack.wait_status(mine, Aria2Status.COMPLETE)
    assert target.read_bytes() == stack.provider.expected_bytes("movie", FAST_MOVIE)


def test_the_same_person_starting_a_finished_film_again_is_told_so(
    stack: Stack, member: User
) -> None:
    alice = inertia_client(member)
    mine = start(alice, FAST_MOVIE)
    completed_by_the_worker(stack, mine)

    alice.post(f"/movies/{FAST_MOVIE}/download")

    assert flash_and_errors(alice)[0]["error"] == "This title is already downloaded."
    assert MediaDownloadRef.objects.count() == 1


def test_the_transfer_pauses_only_when_everyone_on_it_paused(
    stack: Stack, member: User, outsider: User
) -> None:
    alice, bob = inertia_client(member), inertia_client(outsider)
    mine, theirs = start(alice, SLOW_MOVIE), start(bob, SLOW_MOVIE)
    stack.wait_status(mine, Aria2Status.ACTIVE)

    act(alice, mine, "pause")

    row = rows(alice)[0]
    assert row["downloadStatus"]["status"] == "paused"  # her row, at once
    assert row["actions"] == ["cancel", "resume"]
    assert rows(bob)[0]["downloadStatus"]["status"] == "active"
    assert stack.rpc.tell_status(mine.transfer.gid).status is Aria2Status.ACTIVE

    act(bob, theirs, "pause")
    stack.wait_status(mine, Aria2Status.PAUSED)

    act(alice, mine, "resume")
    stack.wait_status(mine, Aria2Status.ACTIVE, Aria2Status.WAITING)
    assert rows(bob)[0]["downloadStatus"]["status"] == "paused"  # Bob's wish stands


def test_a_retry_of_a_failed_shared_transfer_re_adds_it_once_for_everyone(
    stack: Stack, member: User, outsider: User
) -> None:
    alice, bob = inertia_client(member), inertia_client(outsider)
    mine = start(alice, MISSING_MOVIE)
    stack.wait_status(mine, Aria2Status.ERROR)
    start(bob, MISSING_MOVIE)  # joins, and tries the failed file again: still 404
    stack.wait_status(mine, Aria2Status.ERROR)
    stack.provider.reset_faults()

    act(alice, mine, "retry")

    assert flash_and_errors(alice)[0]["success"] == "Download retried successfully."
    stack.wait_status(mine, Aria2Status.COMPLETE)
    transfer = transfer_of(mine)
    assert {r["gid"] for r in rows(alice) + rows(bob)} == {transfer.gid}
    assert Transfer.objects.count() == 1
    written = (stack.root / transfer.output_path).read_bytes()
    assert written == stack.provider.expected_bytes("movie", MISSING_MOVIE)


def test_a_refused_retry_deletes_nothing(stack: Stack, member: User) -> None:
    alice = inertia_client(member)
    mine = start(alice, MISSING_MOVIE)
    stack.wait_status(mine, Aria2Status.ERROR)
    partial = stack.root / mine.transfer.output_path
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(b"half a film")
    Transfer.objects.filter(pk=mine.transfer_id).update(
        retry_next_at=timezone.now() + timezone.timedelta(minutes=5)
    )

    act(alice, mine, "retry", restart_from_zero=True)

    assert flash_and_errors(alice)[1] == {"action": actions.COOLING_DOWN}
    assert partial.read_bytes() == b"half a film"


def test_a_retry_that_lost_the_race_deletes_nothing(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    mine = start(client, MISSING_MOVIE)
    stack.wait_status(mine, Aria2Status.ERROR)
    client.get("/downloads")  # the failure recorded (the page asks aria2), as both tabs saw it
    stale = stack.ref(pk=mine.pk)  # read by a second tab before the first one retried
    stack.provider.reset_faults()
    stack.provider.set_throttle("movie", MISSING_MOVIE, 32 * KIB)
    actions.perform(stack.ref(pk=mine.pk), actions.Action.RETRY)
    stack.wait_status(mine, Aria2Status.ACTIVE)
    partial = stack.root / mine.transfer.output_path
    wait_for(partial.exists, message="the retried download's file")
    gid = transfer_of(mine).gid

    with pytest.raises(actions.ActionError) as refused:
        actions.perform(stale, actions.Action.RETRY, restart_from_zero=True)

    assert refused.value.message == "Download already in progress."
    assert partial.exists() and partial.with_name(partial.name + ".aria2").exists()
    assert transfer_of(mine).gid == gid


def removed_behind_our_back(stack: Stack, alice: Client) -> MediaDownloadRef:
    """A download another aria2 client (AriaNg, say) removed while it was running."""
    mine = start(alice, SLOW_MOVIE)
    stack.wait_status(mine, Aria2Status.ACTIVE)
    stack.rpc.force_remove(mine.transfer.gid)
    stack.wait_status(mine, Aria2Status.REMOVED)
    return mine


def test_a_download_removed_by_another_aria2_client_can_be_removed(
    stack: Stack, member: User
) -> None:
    alice = inertia_client(member)
    mine = removed_behind_our_back(stack, alice)
    assert rows(alice)[0]["actions"] == ["remove", "retry"]

    response = act(alice, mine, "remove")

    assert response.status_code == 303
    assert flash_and_errors(alice)[1] == {}
    assert not MediaDownloadRef.objects.exists()
    assert not Transfer.objects.exists()


def test_a_download_removed_by_another_aria2_client_can_be_retried(
    stack: Stack, member: User
) -> None:
    alice = inertia_client(member)
    mine = removed_behind_our_back(stack, alice)
    stack.finish(SLOW_MOVIE)

    act(alice, mine, "retry")

    assert flash_and_errors(alice)[0]["success"] == "Download retried successfully."
    stack.wait_status(mine, Aria2Status.COMPLETE)
    written = (stack.root / transfer_of(mine).output_path).read_bytes()
    assert written == stack.provider.expected_bytes("movie", SLOW_MOVIE)


def test_admins_see_each_requesters_row_with_its_owner(
    stack: Stack, member: User, outsider: User, admin: User
) -> None:
    mine = start(inertia_client(member), SLOW_MOVIE)
    start(inertia_client(outsider), SLOW_MOVIE)

    listed = rows(inertia_client(admin))

    assert sorted(r["owner"]["id"] for r in listed) == sorted([member.pk, outsider.pk])
    assert {r["gid"] for r in listed} == {mine.transfer.gid}


def test_another_member_cannot_act_on_a_shared_transfer_through_my_row(
    stack: Stack, member: User, outsider: User
) -> None:
    mine = start(inertia_client(member), SLOW_MOVIE)
    start(inertia_client(outsider), SLOW_MOVIE)

    response = act(inertia_client(outsider), mine, "cancel")

    assert response.status_code == 404
    assert stack.ref(pk=mine.pk).canceled_at is None
