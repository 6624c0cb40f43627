"""Notifications from transfer events: in-app for everyone who asked, sent once each to a
local webhook through Apprise; an unreachable target is retried a bounded number of times,
logged, and downloads carry on."""

from __future__ import annotations

import logging
import threading

import pytest
from django.test import Client

from tests.downloads.conftest import start
from tests.fixtures.users import inertia_client
from tests.fixtures.waiting import wait_for
from tests.notifications.conftest import (
    FAST_MOVIE,
    MISSING_MOVIE,
    Receiver,
    Stack,
    Worker,
    closed_url,
)
from tests.worker.conftest import fresh, tick_until
from vodarr.accounts.models import User
from vodarr.downloads.models import Status, TransferEvent
from vodarr.downloads.worker.loop import WorkerLoop
from vodarr.notifications.jobs import outside_deliveries, transfer_notifications
from vodarr.notifications.models import Delivery, DeliveryStatus, Kind, Notification
from vodarr.notifications.services import notify


def add_target(client: Client, url: str) -> None:
    response = client.post(
        "/profile/notifications", {"name": "Hook", "url": url}, content_type="application/json"
    )
    assert response.status_code == 303


@pytest.mark.django_db
def test_complete_and_failed_arrive_once_each_in_app_and_at_the_webhook(
    stack: Stack,
    worker: Worker,
    as_member: Client,
    member: User,
    outsider: User,
    receiver: Receiver,
) -> None:
    transfer_notifications.run_once()  # the consumer joins before anything happens
    add_target(as_member, receiver.url)
    done = start(as_member, FAST_MOVIE)
    start(inertia_client(outsider), FAST_MOVIE)  # someone else asked for the same film
    broken = start(as_member, MISSING_MOVIE)

    # "completed" comes once the worker has verified the file, not when aria2 finishes.
    tick_until(
        worker,
        lambda: fresh(done).status == Status.COMPLETE and TransferEvent.objects.count() == 2,
    )
    for _ in range(3):  # more ticks and job runs must not repeat anything
        worker.tick()
        transfer_notifications.run_once()
        outside_deliveries.run_once()

    assert sorted(receiver.titles()) == [
        "Download failed: Gone Movie",
        "Downloaded: Fast Movie",
    ]
    mine = Notification.objects.filter(user=member)
    assert sorted(mine.values_list("kind", flat=True)) == [
        Kind.DOWNLOAD_COMPLETE,
        Kind.DOWNLOAD_FAILED,
    ]
    assert list(Notification.objects.filter(user=outsider).values_list("title", flat=True)) == [
        "Downloaded: Fast Movie"
    ]
    assert mine.get(kind=Kind.DOWNLOAD_FAILED).body == "Resource not found"  # aria2's reason
    assert fresh(broken).status == Status.ERROR
    assert inertia_client(member).get("/discover").json()["props"]["notifications"] == {"unread": 2}


@pytest.mark.django_db
def test_reading_clears_the_badge(member: User, as_member: Client) -> None:
    [first] = notify([member.pk], Kind.MONITOR_QUEUED, "The Show: 1 new episode queued")
    notify([member.pk], Kind.MONITOR_FAILED, "Monitoring The Show failed")

    as_member.patch(f"/notifications/{first.pk}", {"read": True}, "application/json")
    after_one = as_member.get("/notifications").json()["props"]
    as_member.post("/notifications/read-all")
    after_all = as_member.get("/notifications").json()["props"]

    assert after_one["notifications"] == {"unread": 1}
    assert [n["read"] for n in after_one["items"]["data"]] == [False, True]  # newest first
    assert after_all["notifications"] == {"unread": 0}


@pytest.mark.django_db
def test_another_members_notification_cannot_be_touched(member: User, outsider: User) -> None:
    [theirs] = notify([outsider.pk], Kind.MONITOR_QUEUED, "Not yours")

    response = inertia_client(member).patch(
        f"/notifications/{theirs.pk}", {"read": True}, "application/json"
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_target_is_retried_a_bounded_number_of_times_and_downloads_carry_on(
    stack: Stack, as_member: Client, settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.NOTIFY_MAX_ATTEMPTS = 3
    settings.VODARR_NOTIFY_RETRY_BASE_SECONDS = 0.05
    settings.VODARR_NOTIFY_POLL_SECONDS = 0.1
    caplog.set_level(logging.WARNING, logger="vodarr.notifications")
    add_target(as_member, closed_url())
    loop = WorkerLoop(tick_seconds=0.2)
    thread = threading.Thread(target=loop.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: loop.ticks >= 1, message="the first tick")
        transfer_notifications.run_once()  # the consumer has joined before the download
        stack.provider.set_throttle("movie", FAST_MOVIE, 256 * 1024)
        ref = start(as_member, FAST_MOVIE)
        wait_for(lambda: fresh(ref).status == Status.COMPLETE, timeout=20)
        delivery = wait_for(
            lambda: Delivery.objects.filter(status=DeliveryStatus.FAILED).first(),
            timeout=20,
            message="the delivery to give up",
        )
        second = start(as_member, 101)  # downloads still start and run meanwhile
        stack.wait_status(second, "active")
    finally:
        loop.stop()
        thread.join(10)
    assert delivery.attempts == 3
    assert "Connection error" in delivery.last_error
    assert "attempt 3 of 3, giving up" in caplog.text
    assert Notification.objects.filter(kind=Kind.DOWNLOAD_COMPLETE).count() == 1
