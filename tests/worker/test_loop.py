"""The loop and `vodarr worker`: notifications wake it, the command ticks and syncs."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from tests.downloads.conftest import start
from tests.fixtures.waiting import wait_for
from tests.worker.conftest import FAST_MOVIE, MISSING_MOVIE, Stack, fresh
from vodarr.accounts.models import User
from vodarr.catalog import sync as catalog_sync
from vodarr.downloads.gateway import Aria2Gateway
from vodarr.downloads.models import Status
from vodarr.downloads.worker.loop import WorkerLoop
from vodarr.notifications.jobs import transfer_notifications
from vodarr.notifications.models import Notification


@pytest.mark.django_db(transaction=True)
def test_a_finished_download_is_recorded_and_verified_at_once_not_a_tick_later(
    stack: Stack, as_member: Client
) -> None:
    # One tick per minute: only aria2's notification can record the completion in time.
    loop = WorkerLoop(tick_seconds=60)
    thread = threading.Thread(target=loop.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: loop.ticks >= 1, message="the first tick")
        stack.provider.set_throttle("movie", FAST_MOVIE, 512 * 1024)  # done in about 0.6 s
        ref = start(as_member, FAST_MOVIE)
        assert fresh(ref).status != Status.COMPLETE  # so the page view did not record it
        # Recorded, then verified in the verifier's thread, which wakes the loop again.
        wait_for(lambda: fresh(ref).status == Status.COMPLETE, timeout=15)
    finally:
        loop.stop()
        thread.join(10)
    assert not thread.is_alive()


@pytest.mark.django_db
def test_the_command_runs_one_tick_and_the_due_sync(
    stack: Stack, as_member: Client, settings, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    settings.VODARR_SYNC_INTERVAL_SECONDS = 3600
    asked: list[Any] = []
    monkeypatch.setattr(catalog_sync, "sync_catalogue_if_due", asked.append)
    ref = start(as_member, MISSING_MOVIE)
    stack.wait_status(ref, "error")
    caplog.set_level(logging.INFO, logger="vodarr.worker")

    call_command("worker", "--once")

    assert fresh(ref).status == Status.ERROR
    assert asked == [3600.0]
    assert "aria2 is reachable" in caplog.text
    assert "Worker stopped." in caplog.text


@pytest.mark.django_db
def test_one_run_records_its_checks_before_the_jobs_run(
    stack: Stack, as_member: Client, member: User
) -> None:
    transfer_notifications.run_once()  # the consumer joins before anything happens
    ref = start(as_member, FAST_MOVIE)
    stack.wait_status(ref, "complete")

    WorkerLoop(listen=False, jobs={"notifications": transfer_notifications}).run(once=True)

    assert fresh(ref).status == Status.COMPLETE
    titles = Notification.objects.filter(user=member).values_list("title", flat=True)
    assert list(titles) == ["Downloaded: Fast Movie"]


@pytest.mark.django_db
def test_the_sync_can_be_turned_off(
    stack: Stack, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.VODARR_SYNC_INTERVAL_SECONDS = 0
    asked: list[Any] = []
    monkeypatch.setattr(catalog_sync, "sync_catalogue_if_due", asked.append)

    call_command("worker", "--once")

    assert asked == []


@pytest.mark.django_db
def test_the_command_survives_aria2_being_down(settings, caplog: pytest.LogCaptureFixture) -> None:
    settings.ARIA2_RPC_URL = "http://127.0.0.1:9/jsonrpc"

    with caplog.at_level(logging.INFO, logger="vodarr.worker"):
        call_command("worker", "--once", "--tick", "0.5")  # returns: no exception escapes

    assert any("aria2 is unreachable" in r.getMessage() for r in caplog.records)
    assert not any(r.levelno >= logging.ERROR for r in caplog.records)  # no tick crashed


@pytest.mark.django_db
def test_the_accounts_connection_limit_is_put_back_after_aria2_restarts(stack: Stack) -> None:
    stack.provider.set_account(max_connections=3)
    loop = WorkerLoop(tick_seconds=60, listen=False)
    loop.run(once=True)
    assert stack.rpc.get_global_option()["max-concurrent-downloads"] == "3"
    assert loop.limit_applied
    stack.aria2.restart()
    assert stack.rpc.get_global_option()["max-concurrent-downloads"] != "3"  # aria2's default
    loop.run(once=True)
    assert stack.rpc.get_global_option()["max-concurrent-downloads"] == "3"


@pytest.mark.django_db
def test_the_limit_counts_as_applied_only_once_aria2_took_it(stack: Stack) -> None:
    stack.provider.set_account(max_connections=2)
    stack.aria2.stop()
    loop = WorkerLoop(tick_seconds=60, listen=False)
    loop.run(once=True)
    assert not loop.limit_applied  # aria2 was down: nothing was applied, so it is tried again
    stack.aria2.start()
    loop.run(once=True)
    assert loop.limit_applied
    assert stack.rpc.get_global_option()["max-concurrent-downloads"] == "2"


@pytest.mark.django_db
def test_right_after_boot_the_worker_applies_the_limit(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A machine that booted 10 s ago: the monotonic clock reads 10.0 (it counts from boot)."""
    monkeypatch.setattr(time, "monotonic", lambda: 10.0)
    stack.provider.set_account(max_connections=2)
    loop = WorkerLoop(tick_seconds=60, listen=False, aria2=Aria2Gateway())
    loop.run(once=True)
    assert loop.limit_applied
    assert stack.rpc.get_global_option()["max-concurrent-downloads"] == "2"


def test_stop_returns_even_from_inside_a_held_event_lock() -> None:
    """A SIGTERM handler runs on the main thread wherever it was: inside an ``Event.set`` or
    ``wait`` of the loop's (a second SIGTERM landing in the first one's ``set``), holding
    that event's lock. ``stop`` must not wait for the lock: it did, and the worker never
    ended."""
    loop = WorkerLoop(tick_seconds=60, listen=False, jobs={})
    returned = threading.Event()

    def as_a_handler_would() -> None:
        for event in (loop._wake, loop._stopping):
            with event._cond:  # type: ignore[attr-defined]  # held, as inside set or wait
                loop.stop()
        returned.set()

    threading.Thread(target=as_a_handler_would, daemon=True).start()
    wait_for(returned.is_set, timeout=10, message="stop to return while the lock is held")
    wait_for(loop._stopping.is_set, message="the stop to be taken once the lock is free")
