"""Reconciliation against real aria2c: what a tick records, asks, forgets and re-adds."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.downloads.conftest import act, start
from tests.fixtures.downloads import finished_downloads, make_download
from tests.fixtures.waiting import wait_for
from tests.worker.conftest import (
    FAST_MOVIE,
    SLOW_MOVIE,
    Stack,
    aria2_gids,
    file_bytes,
    fresh,
    tick_until,
)
from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, Status, Transfer, new_gid
from vodarr.downloads.worker import Reconciler
from vodarr.integrations.aria2 import Aria2Client, Aria2GidNotFound, Aria2Status

pytestmark = pytest.mark.django_db


def test_a_tick_records_a_finished_download_as_verifying_then_lets_aria2_forget_it(
    stack: Stack, as_member: Client, reconciler: Reconciler
) -> None:
    ref = start(as_member, FAST_MOVIE)

    reports = tick_until(reconciler, lambda: fresh(ref).status == Status.VERIFYING)

    done = fresh(ref)
    assert done.finished_at is not None
    assert done.completed_length == done.total_length == stack.provider.media_size("movie", 102)
    assert done.files and done.files[0]["path"].endswith(".mkv")
    assert done.media_key is not None  # the file is held: a second start joins it
    assert ref.transfer.gid in {gid for r in reports for gid in r.forgotten_results}
    with pytest.raises(Aria2GidNotFound):
        stack.rpc.tell_status(ref.transfer.gid)


def test_an_unchanged_download_is_not_written_again(
    stack: Stack, member: User, reconciler: Reconciler
) -> None:
    _paused_in_aria2(stack, member, 1)
    assert reconciler.tick().recorded  # first sight: the row learns it is paused

    assert reconciler.tick().recorded == []


def test_the_tick_never_asks_aria2_about_finished_history(
    stack: Stack, member: User, reconciler: Reconciler, monkeypatch: pytest.MonkeyPatch
) -> None:
    paused = _paused_in_aria2(stack, member, 20)
    finished_downloads(member, 300)
    # The web inserted this one a moment ago and has not called addUri yet.
    pending = _ref(member, status=Status.WAITING)
    calls = _record_rpc_calls(monkeypatch)

    report = reconciler.tick()

    status_calls = [params for method, params in calls if method == "aria2.tellStatus"]
    # The queue, read in full the first time the worker sees it, and the one aria2 lacks.
    queue = {ref.transfer.gid for ref in paused}
    assert {params[0] for params in status_calls} == queue | {pending.transfer.gid}
    assert report.asked_by_gid == [pending.transfer.gid]
    assert len(report.recorded) == 20
    assert report.readded == []  # too new to be "forgotten"
    assert fresh(pending).status == Status.WAITING


def test_a_quiet_queue_is_read_by_status_alone_until_something_changes(
    stack: Stack, member: User, reconciler: Reconciler, monkeypatch: pytest.MonkeyPatch
) -> None:
    paused = _paused_in_aria2(stack, member, 5)
    reconciler.tick()  # the first sight: read in full and recorded
    calls = _record_rpc_calls(monkeypatch)

    quiet = reconciler.tick()
    asked = [params[0] for method, params in calls if method == "aria2.tellStatus"]
    waiting = [params for method, params in calls if method == "aria2.tellWaiting"]

    assert asked == [] and quiet.recorded == []
    assert waiting and waiting[0][-1] == ["gid", "status"]
    # Its person resumes one: that row is read in full again and aria2 is told.
    MediaDownloadRef.objects.filter(pk=paused[0].pk).update(desired_paused=False)
    calls.clear()

    changed = reconciler.tick()

    asked = [params[0] for method, params in calls if method == "aria2.tellStatus"]
    assert asked == [paused[0].transfer.gid]
    assert changed.resumed == [paused[0].transfer_id]


def test_a_download_aria2_forgot_while_unfinished_is_added_again_and_finishes(
    stack: Stack, as_member: Client, reconciler: Reconciler
) -> None:
    ref = start(as_member, SLOW_MOVIE)
    tick_until(reconciler, lambda: fresh(ref).completed_length > 0)
    stack.finish(SLOW_MOVIE)
    # Behind the worker's back: gone from aria2 while the row says active.
    stack.rpc.force_remove(ref.transfer.gid)
    stack.wait_status(ref, Aria2Status.REMOVED)
    stack.rpc.remove_download_result(ref.transfer.gid)

    reports = tick_until(reconciler, lambda: fresh(ref).status == Status.VERIFYING)

    done = fresh(ref)
    assert [r.readded for r in reports if r.readded] == [[ref.transfer_id]]
    assert done.gid != ref.transfer.gid  # re-added under a GID of its own
    assert file_bytes(stack, done) == stack.provider.expected_bytes("movie", SLOW_MOVIE)


@pytest.mark.django_db(transaction=True)
def test_two_workers_re_add_a_forgotten_download_once(stack: Stack, member: User) -> None:
    ref = _ref(member, status=Status.ACTIVE)
    first, second = Reconciler(grace_seconds=0), Reconciler(grace_seconds=0)
    barrier = threading.Barrier(2)
    reports: list[Any] = []

    def tick(reconciler: Reconciler) -> None:
        try:
            barrier.wait()
            reports.append(reconciler.tick())
        finally:
            connection.close()

    threads = [threading.Thread(target=tick, args=(r,)) for r in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(len(r.readded) for r in reports) == [0, 1]
    assert aria2_gids(stack) == {fresh(ref).gid}
    assert stack.rpc.tell_status(fresh(ref).gid).files[0].path.endswith(ref.transfer.output_path)


def test_a_canceled_download_is_never_added_again(
    stack: Stack, as_member: Client, reconciler: Reconciler
) -> None:
    ref = start(as_member, SLOW_MOVIE)
    reconciler.tick()
    act(as_member, ref, "cancel")
    stack.rpc.remove_download_result(ref.transfer.gid)

    reports = [reconciler.tick() for _ in range(3)]

    assert not any(r.readded for r in reports)
    assert fresh(ref).status == Status.REMOVED


def test_a_paused_download_stays_paused_across_an_aria2_restart(
    stack: Stack, as_member: Client, reconciler: Reconciler
) -> None:
    ref = start(as_member, SLOW_MOVIE)
    stack.wait_status(ref, Aria2Status.ACTIVE)
    act(as_member, ref, "pause")
    tick_until(reconciler, lambda: fresh(ref).status == Status.PAUSED)

    stack.aria2.restart()
    wait_for(lambda: reconciler.tick().restarted, message="the worker to see the restart")
    assert stack.rpc.tell_status(ref.transfer.gid).status is Aria2Status.PAUSED
    # Whatever brings it back to life (a session file without the pause, another tool),
    # the worker pauses it again.
    stack.rpc.unpause(ref.transfer.gid)
    gid = ref.transfer.gid
    reports = tick_until(reconciler, lambda: stack.rpc.tell_status(gid).status == "paused")

    assert any(r.paused == [ref.transfer_id] for r in reports)
    assert MediaDownloadRef.objects.get(pk=ref.pk).desired_paused


def test_aria2_restarted_mid_download_finishes_with_the_right_row(
    stack: Stack, as_member: Client, reconciler: Reconciler
) -> None:
    ref = start(as_member, SLOW_MOVIE)
    tick_until(reconciler, lambda: fresh(ref).completed_length > 0)
    stack.finish(SLOW_MOVIE)

    stack.aria2.restart()
    reports = tick_until(reconciler, lambda: fresh(ref).status == Status.VERIFYING)

    done = fresh(ref)
    assert any(r.restarted for r in reports)
    assert done.gid == ref.transfer.gid
    assert done.completed_length == done.total_length > 0
    assert file_bytes(stack, done) == stack.provider.expected_bytes("movie", SLOW_MOVIE)


def test_aria2_restarted_without_its_session_file_gets_the_download_back(
    stack: Stack, as_member: Client, reconciler: Reconciler, tmp_path: Any
) -> None:
    ref = start(as_member, SLOW_MOVIE)
    tick_until(reconciler, lambda: fresh(ref).completed_length > 0)
    stack.finish(SLOW_MOVIE)
    empty = tmp_path / "empty-session.txt"
    empty.write_text("")
    stack.aria2.extra_options["input-file"] = str(empty)

    stack.aria2.restart()
    reports = tick_until(reconciler, lambda: fresh(ref).status == Status.VERIFYING)

    assert [r.readded for r in reports if r.readded] == [[ref.transfer_id]]
    assert file_bytes(stack, fresh(ref)) == stack.provider.expected_bytes("movie", SLOW_MOVIE)


def test_a_tick_with_aria2_down_says_so_once_and_keeps_the_rows(
    stack: Stack, member: User, settings, caplog: pytest.LogCaptureFixture
) -> None:
    ref = _ref(member, status=Status.ACTIVE, age=timedelta(minutes=1))
    settings.ARIA2_RPC_URL = "http://127.0.0.1:9/jsonrpc"
    reconciler = Reconciler()
    caplog.set_level(logging.INFO, logger="vodarr.worker")

    reports = [reconciler.tick() for _ in range(3)]

    assert not any(r.reachable for r in reports)
    assert caplog.text.count("aria2 is unreachable") == 1
    assert fresh(ref).status == Status.ACTIVE


# -- helpers ---------------------------------------------------------------------------------


def _ref(
    user: User, *, status: str, gid: str | None = None, age: timedelta = timedelta(0), **extra: Any
) -> MediaDownloadRef:
    n = Transfer.objects.count() + 1
    return make_download(
        user,
        FAST_MOVIE,
        title="Fast Movie",
        status=status,
        gid=gid or new_gid(),
        container_extension="mkv",
        output_path=f"Movies/Fast Movie {n}/Fast Movie {n}.mkv",
        created_at=timezone.now() - age,
        **extra,
    )


def _paused_in_aria2(stack: Stack, user: User, count: int) -> list[MediaDownloadRef]:
    refs = []
    for n in range(count):
        gid = new_gid()
        stack.rpc.add_uri(
            [f"http://127.0.0.1:9/paused/{n}.mp4"], {"gid": gid, "pause": "true", "out": f"{n}"}
        )
        # Paused as its person asked, or the worker would resume it.
        refs.append(_ref(user, status=Status.WAITING, gid=gid, desired_paused=True))
    return refs


def _record_rpc_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[Any]]]:
    """Every aria2 method called from now on (multicall entries unpacked), token dropped."""
    calls: list[tuple[str, list[Any]]] = []
    original = Aria2Client._post

    def recording(self: Aria2Client, method: str, params: list[Any]) -> dict[str, Any]:
        if method == "system.multicall":
            for entry in params[0]:
                calls.append((entry["methodName"], _without_token(entry["params"])))
        else:
            calls.append((method, _without_token(params)))
        return original(self, method, params)

    monkeypatch.setattr(Aria2Client, "_post", recording)
    return calls


def _without_token(params: list[Any]) -> list[Any]:
    return params[1:] if params and str(params[0]).startswith("token:") else list(params)
