"""Automatic retries against real aria2c and the fake provider: backoff, limits, claims."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.test import Client
from django.utils import timezone

from tests.downloads.conftest import act, start
from tests.fixtures.downloads import make_download
from tests.worker.conftest import (
    FAST_MOVIE,
    MISSING_MOVIE,
    SLOW_MOVIE,
    Stack,
    Worker,
    aria2_gids,
    file_bytes,
    fresh,
    tick_until,
)
from vodarr.accounts.models import User
from vodarr.downloads.actions import COOLING_DOWN, allowed_actions
from vodarr.downloads.gateway import Aria2Gateway
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.downloads.paths import movie_output_path
from vodarr.downloads.worker import Reconciler
from vodarr.downloads.worker.retries import MAX_RETRIES, RetryRunner, retry_delay

pytestmark = pytest.mark.django_db


def test_the_backoff_doubles_from_the_base_and_is_capped(settings) -> None:
    settings.VODARR_RETRY_BASE_SECONDS = 5
    assert [retry_delay(n).total_seconds() for n in range(6)] == [5, 10, 20, 40, 80, 160]
    assert retry_delay(10).total_seconds() == 300


def test_a_download_failing_with_503_twice_completes_by_itself(
    stack: Stack, as_member: Client, worker: Worker, caplog: pytest.LogCaptureFixture
) -> None:
    stack.provider.fail_next("movie", FAST_MOVIE, count=2, status=503)
    caplog.set_level(logging.INFO, logger="vodarr.worker")
    ref = start(as_member, FAST_MOVIE)

    reports = tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)

    done = fresh(ref)
    assert file_bytes(stack, done) == stack.provider.expected_bytes("movie", FAST_MOVIE)
    assert done.retry_attempt == 2
    assert done.retry_next_at is None
    assert done.last_error_code == 29  # kept: what went wrong before it worked
    assert sum(len(r.retried) for r in reports) == 2
    assert "Automatic retry 1 of 5" in caplog.text
    password = stack.provider.password
    assert password not in caplog.text and quote(password, safe="") not in caplog.text


def test_a_404_stays_in_error_and_is_never_retried(
    stack: Stack, as_member: Client, reconciler: Reconciler
) -> None:
    ref = start(as_member, MISSING_MOVIE)
    tick_until(reconciler, lambda: fresh(ref).status == Status.ERROR)
    hits = stack.provider.hits("movie", MISSING_MOVIE)

    reports = [reconciler.tick() for _ in range(5)]

    failed = fresh(ref)
    assert failed.retry_next_at is None
    assert failed.retry_attempt == 0
    assert failed.last_error_code == 3
    assert stack.provider.hits("movie", MISSING_MOVIE) == hits
    assert not any(r.retried or r.scheduled for r in reports)


def test_a_connection_dropped_mid_file_resumes_with_the_right_bytes(
    stack: Stack, as_member: Client, worker: Worker
) -> None:
    stack.provider.drop_after("movie", FAST_MOVIE, 100 * 1024)
    ref = start(as_member, FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)

    done = fresh(ref)
    assert done.retry_attempt == 1
    assert file_bytes(stack, done) == stack.provider.expected_bytes("movie", FAST_MOVIE)


def test_a_download_that_keeps_failing_stops_after_five_retries(
    stack: Stack, as_member: Client, reconciler: Reconciler, settings
) -> None:
    settings.VODARR_RETRY_BASE_SECONDS = 0.01
    stack.provider.fail_next("movie", FAST_MOVIE, count=100, status=503)
    ref = start(as_member, FAST_MOVIE)

    tick_until(
        reconciler,
        lambda: (
            (r := fresh(ref)).status == Status.ERROR
            and r.retry_attempt == MAX_RETRIES
            and r.retry_next_at is None
        ),
    )
    hits = stack.provider.hits("movie", FAST_MOVIE)
    for _ in range(3):
        reconciler.tick()

    assert stack.provider.hits("movie", FAST_MOVIE) == hits
    assert allowed_actions(stack.ref(pk=ref.pk)) == ["remove", "retry"]  # theirs to decide now


def test_a_manual_retry_is_refused_while_the_download_cools_down(
    stack: Stack, as_member: Client, reconciler: Reconciler, settings
) -> None:
    settings.VODARR_RETRY_BASE_SECONDS = 60
    stack.provider.fail_next("movie", FAST_MOVIE, count=1, status=503)
    ref = start(as_member, FAST_MOVIE)
    tick_until(reconciler, lambda: fresh(ref).retry_next_at is not None)

    response = act(as_member, ref, "retry")

    assert response.status_code in (302, 303)
    assert as_member.get("/downloads").json()["props"]["errors"]["action"] == COOLING_DOWN


def test_a_full_disk_postpones_the_retry_and_says_why(
    stack: Stack, member: User, reconciler: Reconciler, settings
) -> None:
    ref = _due_retry(member)
    settings.VODARR_DISK_RESERVE_BYTES = 1 << 60

    report = reconciler.tick()

    postponed = fresh(ref)
    assert report.postponed == [ref.transfer_id] and not report.retried
    assert postponed.retry_next_at is not None and postponed.retry_next_at > timezone.now()
    assert postponed.last_error_message.startswith("Not enough free space in the download folder")
    assert postponed.gid == ref.transfer.gid


def test_a_retry_claimed_by_another_worker_is_not_run_again(
    stack: Stack, member: User, reconciler: Reconciler, aria2_gateway: Aria2Gateway
) -> None:
    ref = _due_retry(member)
    stale = fresh(ref)  # what a second worker read before the first one claimed it

    assert reconciler.tick().retried == [ref.transfer_id]
    assert RetryRunner().retry_one(aria2_gateway, stale, timezone.now()) is None
    assert len(aria2_gids(stack)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_ticking_together_retry_a_due_download_once(stack: Stack, member: User) -> None:
    # A film that stays active: a fast one could finish at once, and the other worker's tick
    # would then record it and clear its result from aria2, leaving nothing to count.
    ref = _due_retry(member, SLOW_MOVIE)
    workers = [Reconciler(), Reconciler()]
    barrier = threading.Barrier(len(workers))
    retried: list[int] = []

    def run(worker: Reconciler) -> None:
        barrier.wait()
        retried.extend(worker.tick().retried)

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert retried == [ref.transfer_id]
    assert aria2_gids(stack) == {fresh(ref).gid}


def _due_retry(user: User, media_id: int = FAST_MOVIE) -> MediaDownloadRef:
    """A download that failed transiently and whose backoff has just run out."""
    return make_download(
        user,
        media_id,
        title="Fast Movie",
        year=2001,
        container_extension="mkv",
        output_path=movie_output_path("Fast Movie", 2001, "mkv"),
        status=Status.ERROR,
        retry_attempt=1,
        retry_next_at=timezone.now() - timedelta(seconds=1),
        last_error_code=29,
        last_error_message="The response status is not successful. status=503",
    )
