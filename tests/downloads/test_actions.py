"""PATCH and DELETE /downloads/{id}: every status x action, the spec's messages, files on disk."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.downloads.conftest import (
    FAST_MOVIE,
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
from vodarr.downloads.models import MediaDownloadRef, Transfer
from vodarr.integrations.aria2 import Aria2Status

pytestmark = pytest.mark.django_db

ACTIONS = ["pause", "resume", "retry", "cancel", "remove"]
ALLOWED = {
    "active": {"pause", "cancel"},
    "paused": {"resume", "cancel"},
    "waiting": {"cancel"},
    "error": {"retry", "remove"},
    "complete": {"retry", "remove"},
    "verifying": set(),  # aria2 finished, the worker has not checked the file yet
}
SUCCESS = {
    "pause": "Download status updated successfully.",
    "resume": "Download status updated successfully.",
    "remove": "Download status updated successfully.",
    "cancel": "Download canceled successfully.",
    "retry": "Download retried successfully.",
}


def in_status(stack: Stack, client: Client, status: str) -> MediaDownloadRef:
    """A download of the member's that aria2 reports in ``status``."""
    if status == "active":
        ref = start(client, SLOW_MOVIE)
        stack.wait_status(ref, Aria2Status.ACTIVE)
    elif status == "paused":
        ref = start(client, SLOW_MOVIE)
        stack.wait_status(ref, Aria2Status.ACTIVE)
        stack.rpc.force_pause(ref.transfer.gid)
        stack.wait_status(ref, Aria2Status.PAUSED)
    elif status == "waiting":
        stack.provider.set_account(max_connections=1)  # aria2 then runs one download at a time
        stack.provider.add_movie(201, "Blocker", size=8 * 1024 * 1024)
        stack.provider.set_throttle("movie", 201, 64 * 1024)
        start(client, 201)
        ref = start(client, SLOW_MOVIE)
        stack.wait_status(ref, Aria2Status.WAITING)
    elif status == "error":
        ref = start(client, MISSING_MOVIE)
        stack.wait_status(ref, Aria2Status.ERROR)
    elif status == "verifying":
        ref = start(client, FAST_MOVIE)
        stack.wait_status(ref, Aria2Status.COMPLETE)
    else:
        ref = start(client, FAST_MOVIE)
        stack.checked(ref)
    ref.refresh_from_db()
    return ref


@pytest.mark.parametrize("status", list(ALLOWED))
def test_each_status_allows_exactly_the_specs_actions(
    stack: Stack, member: User, status: str
) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, status)
    for action in ACTIONS:
        if action in ALLOWED[status]:
            continue
        act(client, ref, action)
        flash, errors = flash_and_errors(client)
        assert errors == {"action": f"You cannot {action} a download in {status} status."}
        assert flash["success"] is None
    assert MediaDownloadRef.objects.filter(pk=ref.pk).exists()


@pytest.mark.parametrize(
    ("status", "action"), [(s, a) for s, allowed in ALLOWED.items() for a in sorted(allowed)]
)
def test_each_allowed_action_succeeds_with_the_specs_message(
    stack: Stack, member: User, status: str, action: str
) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, status)
    response = act(client, ref, action)
    assert response.status_code == 303
    flash, errors = flash_and_errors(client)
    assert errors == {}
    assert flash["success"] == SUCCESS[action]


def test_pause_and_resume_set_and_clear_the_users_wish(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "active")
    act(client, ref, "pause")
    ref.refresh_from_db()
    assert ref.desired_paused
    stack.wait_status(ref, Aria2Status.PAUSED)
    act(client, ref, "resume")
    ref.refresh_from_db()
    assert not ref.desired_paused
    stack.wait_status(ref, Aria2Status.ACTIVE, Aria2Status.WAITING)


def test_cancel_keeps_the_partial_file_by_default(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "active")
    partial = stack.root / ref.transfer.output_path
    wait_for(partial.exists, message="a partial file")
    act(client, ref, "cancel")
    ref.refresh_from_db()
    assert ref.canceled_at is not None
    assert partial.exists()
    assert stack.rpc.tell_status(ref.transfer.gid).status == Aria2Status.REMOVED


def test_cancel_with_delete_partial_removes_the_file_and_its_control_file(
    stack: Stack, member: User
) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "active")
    partial = stack.root / ref.transfer.output_path
    wait_for(partial.exists, message="a partial file")
    act(client, ref, "cancel", delete_partial=True)
    assert flash_and_errors(client)[0]["success"] == "Download canceled successfully."
    assert not partial.exists()
    assert not partial.with_name(partial.name + ".aria2").exists()


def test_delete_cancels_and_keeps_the_partial_file(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "active")
    partial = stack.root / ref.transfer.output_path
    wait_for(partial.exists, message="a partial file")
    response = client.delete(f"/downloads/{ref.pk}")
    assert response.status_code == 303
    assert flash_and_errors(client)[0]["success"] == "Download canceled successfully."
    ref.refresh_from_db()
    assert ref.canceled_at is not None
    assert partial.exists()


@pytest.mark.parametrize("action", ["pause", "resume", "retry", "cancel"])
def test_a_canceled_download_cannot_be_modified(stack: Stack, member: User, action: str) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "active")
    act(client, ref, "cancel")
    act(client, ref, action)
    assert flash_and_errors(client)[1] == {
        "action": "This download is already canceled and cannot be modified."
    }


def test_a_canceled_download_can_be_removed_from_the_list(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "active")
    act(client, ref, "cancel")
    act(client, ref, "remove")
    assert not MediaDownloadRef.objects.filter(pk=ref.pk).exists()


def test_remove_deletes_the_row_and_the_aria2_result_but_not_the_file(
    stack: Stack, member: User
) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "complete")
    act(client, ref, "remove")
    assert not MediaDownloadRef.objects.filter(pk=ref.pk).exists()
    assert (stack.root / ref.transfer.output_path).exists()
    assert all(s.gid != ref.transfer.gid for s in stack.rpc.tell_stopped(0, 100))


def test_retry_re_adds_the_download_with_a_new_gid_and_clears_the_error(
    stack: Stack, member: User
) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "error")
    stack.provider.reset_faults()
    old_gid = ref.transfer.gid
    act(client, ref, "retry")
    ref.refresh_from_db()
    assert ref.transfer.gid != old_gid
    assert ref.transfer.last_error_code is None and ref.transfer.last_error_message == ""
    stack.wait_status(ref, Aria2Status.COMPLETE)
    assert (stack.root / ref.transfer.output_path).read_bytes() == stack.provider.expected_bytes(
        "movie", MISSING_MOVIE
    )


def test_retry_from_zero_deletes_the_partial_first(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "complete")
    target = stack.root / ref.transfer.output_path
    target.write_bytes(b"corrupt" * 10)
    act(client, ref, "retry", restart_from_zero=True)
    ref.refresh_from_db()
    stack.wait_status(ref, Aria2Status.COMPLETE)
    assert target.read_bytes() == stack.provider.expected_bytes("movie", FAST_MOVIE)


def test_retry_is_refused_while_cooling_down(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "error")
    Transfer.objects.filter(pk=ref.transfer_id).update(
        retry_next_at=timezone.now() + timedelta(minutes=5)
    )
    act(client, ref, "retry")
    assert flash_and_errors(client)[1] == {
        "action": "Retry is temporarily unavailable while this download is cooling down."
    }


def test_actions_with_aria2_down_say_it_is_unreachable(stack: Stack, member: User) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "active")
    stack.aria2.stop()
    act(client, ref, "pause")
    error = flash_and_errors(client)[1]["action"]
    assert "aria2 is not reachable" in error
    assert stack.aria2.secret not in error
    ref.refresh_from_db()
    assert not ref.desired_paused


def test_a_manual_retry_is_refused_while_the_disk_is_full(
    stack: Stack, member: User, settings
) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "error")
    stack.provider.reset_faults()
    settings.VODARR_DISK_RESERVE_BYTES = 1 << 60  # more than any disk has free

    act(client, ref, "retry")

    error = flash_and_errors(client)[1]["action"]
    assert error.startswith("Not enough free space in the download folder:")
    assert Transfer.objects.get(pk=ref.transfer_id).gid == ref.transfer.gid  # nothing re-added


def test_members_see_paths_inside_the_library_and_admins_where_files_are(
    stack: Stack, member: User, admin: User
) -> None:
    client = inertia_client(member)
    ref = in_status(stack, client, "complete")
    path = ref.transfer.output_path

    [mine] = client.get("/downloads").json()["props"]["downloads"]["data"]
    [theirs] = inertia_client(admin).get("/downloads").json()["props"]["downloads"]["data"]

    assert mine["downloadStatus"]["dir"] == path.rsplit("/", 1)[0]
    assert [f["path"] for f in mine["downloadStatus"]["files"]] == [path]
    assert str(stack.root) not in str(mine)
    assert theirs["downloadStatus"]["files"][0]["path"] == str(stack.root / path)
