"""Transfer events: recorded once per attempt by the worker, read once per consumer."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.downloads.conftest import act, start
from tests.fixtures.downloads import make_download
from tests.fixtures.users import inertia_client
from tests.worker.conftest import (
    FAST_MOVIE,
    MISSING_MOVIE,
    SLOW_MOVIE,
    Stack,
    Worker,
    fresh,
    tick_until,
)
from vodarr.accounts.models import User
from vodarr.downloads import events
from vodarr.downloads.models import EventKind, Status, TransferEvent
from vodarr.downloads.worker import Reconciler

pytestmark = pytest.mark.django_db


def test_a_finished_download_is_one_completed_event_for_everyone_on_it(
    stack: Stack, as_member: Client, member: User, outsider: User, worker: Worker
) -> None:
    stack.provider.set_throttle("movie", FAST_MOVIE, 100 * 1024)
    ref = start(as_member, FAST_MOVIE)
    start(inertia_client(outsider), FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).status == Status.VERIFYING)
    assert not TransferEvent.objects.exists()  # aria2's "complete" alone announces nothing
    tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)
    for _ in range(3):
        worker.tick()

    [event] = TransferEvent.objects.all()
    assert event.kind == EventKind.COMPLETED
    assert event.user_ids == sorted([member.pk, outsider.pk])
    assert event.title == "Fast Movie"
    assert sum(len(r.passed) for r in worker.verified) == 1


def test_a_permanent_failure_is_one_failed_event(
    stack: Stack, as_member: Client, reconciler: Reconciler
) -> None:
    ref = start(as_member, MISSING_MOVIE)

    tick_until(reconciler, lambda: TransferEvent.objects.exists())
    reconciler.tick()

    [event] = TransferEvent.objects.all()
    assert (event.kind, event.gid) == (EventKind.FAILED, fresh(ref).gid)


def test_a_transient_failure_that_is_retried_is_no_failure_event(
    stack: Stack, as_member: Client, worker: Worker
) -> None:
    stack.provider.fail_next("movie", FAST_MOVIE, count=1, status=503)
    ref = start(as_member, FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)
    worker.tick()

    assert list(TransferEvent.objects.values_list("kind", flat=True)) == [EventKind.COMPLETED]


def test_a_canceled_download_is_no_event(
    stack: Stack, as_member: Client, reconciler: Reconciler
) -> None:
    ref = start(as_member, SLOW_MOVIE)
    stack.wait_status(ref, Status.ACTIVE)
    act(as_member, ref, "cancel")
    assert stack.ref(pk=ref.pk).canceled_at is not None

    for _ in range(3):
        reconciler.tick()

    assert not TransferEvent.objects.exists()


def test_each_consumer_reads_each_event_once_from_where_it_joined(member: User) -> None:
    old = make_download(member, 1, status=Status.COMPLETE)
    events.emit(EventKind.COMPLETED, old.transfer)
    seen: dict[str, list[int]] = {"mail": [], "hooks": []}

    events.consume("mail", lambda batch: seen["mail"].extend(e.pk for e in batch))
    new = make_download(member, 2, status=Status.ERROR)
    events.emit(EventKind.FAILED, new.transfer)
    events.emit(EventKind.FAILED, new.transfer)  # the same attempt again: recorded once
    events.consume("mail", lambda batch: seen["mail"].extend(e.pk for e in batch))
    events.consume("mail", lambda batch: seen["mail"].extend(e.pk for e in batch))
    events.consume("hooks", lambda batch: seen["hooks"].extend(e.pk for e in batch))

    failed = TransferEvent.objects.get(kind=EventKind.FAILED).pk
    assert seen["mail"] == [failed]  # it joined after the first event
    assert seen["hooks"] == []  # it joined after both
    assert TransferEvent.objects.count() == 2


def test_a_consumer_that_raises_is_logged_and_moves_on(
    member: User, caplog: pytest.LogCaptureFixture
) -> None:
    events.consume("flaky", lambda batch: None)  # joins now
    ref = make_download(member, 1, status=Status.COMPLETE)
    events.emit(EventKind.COMPLETED, ref.transfer)

    def broken(batch: list[TransferEvent]) -> None:
        raise RuntimeError("boom")

    assert events.consume("flaky", broken) == 1
    assert "Consumer flaky failed" in caplog.text
    assert events.consume("flaky", broken) == 0
