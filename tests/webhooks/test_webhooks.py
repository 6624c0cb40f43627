"""Webhooks: signed POSTs for downloads and monitors, per person, retried, logged."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from tests.fixtures.downloads import make_download
from tests.fixtures.recorder import Recorder
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads import events
from vodarr.downloads.models import EventKind, MediaDownloadRef, Status
from vodarr.notifications.models import Kind
from vodarr.notifications.services import notify
from vodarr.webhooks.delivery import deliver_due
from vodarr.webhooks.events import collect
from vodarr.webhooks.jobs import Webhooks
from vodarr.webhooks.models import Webhook, WebhookDelivery
from vodarr.webhooks.signing import verify

pytestmark = pytest.mark.django_db


def add_hook(user: User, recorder: Recorder, path: str = "/hook") -> str:
    """Add a hook through the profile; returns its signing secret (shown once)."""
    client = inertia_client(user)
    added = client.post(
        "/profile/webhooks", {"name": "HA", "url": recorder.url + path}, "application/json"
    )
    assert added.status_code == 303
    card = client.get("/profile").json()["props"]["webhooks"]
    secret: str = card["newSecret"]["secret"]
    assert client.get("/profile").json()["props"]["webhooks"]["newSecret"] is None
    return secret


def posted(recorder: Recorder) -> list[dict[str, Any]]:
    return [json.loads(c.body) for c in recorder.calls if c.method == "POST"]


def test_each_person_gets_their_own_started_and_completed_signed(
    member: User, outsider: User, recorder: Recorder
) -> None:
    recorder.answer("POST", "/mia", 204)
    recorder.answer("POST", "/otto", 204)
    Webhooks().run_once()  # every source's cursor starts now
    secret = add_hook(member, recorder, "/mia")
    add_hook(outsider, recorder, "/otto")
    mine = make_download(member, 901, status=Status.COMPLETE, title="Arrival")
    # Otto joins the transfer Mia started: one transfer, but each asked, so each is told.
    joined = MediaDownloadRef.objects.create(
        user=outsider,
        transfer=mine.transfer,
        downloadable_type=mine.downloadable_type,
        downloadable_id=901,
        title="Arrival",
    )
    with transaction.atomic():
        events.emit(EventKind.COMPLETED, mine.transfer)
    Webhooks().run_once()

    told = sorted(
        (c.path, json.loads(c.body)["event"], json.loads(c.body)["download"]["id"])
        for c in recorder.calls
    )
    assert told == [
        ("/mia", "download.completed", mine.pk),
        ("/mia", "download.started", mine.pk),
        ("/otto", "download.completed", joined.pk),
        ("/otto", "download.started", joined.pk),
    ]
    call = next(c for c in recorder.calls if c.path == "/mia")
    assert call.headers["Content-Type"] == "application/json"
    assert call.headers["X-Vodarr-Event"] == json.loads(call.body)["event"]
    signed = call.headers["X-Vodarr-Signature"]
    assert verify(secret, call.body, signed, int(time.time()))
    assert not verify("whsec_wrong", call.body, signed, int(time.time()))
    assert not verify(secret, call.body + b" ", signed, int(time.time()))
    assert not verify(secret, call.body, signed, int(time.time()) + 3600)  # a replay, later


def test_monitor_events_are_sent_too(member: User, recorder: Recorder) -> None:
    recorder.answer("POST", "/hook", 200, {"ok": True})
    Webhooks().run_once()
    add_hook(member, recorder)
    notify([member.pk], Kind.MONITOR_QUEUED, "Harbour Lights: 2 new episodes", "S01E03, S01E04")
    Webhooks().run_once()
    (body,) = posted(recorder)
    assert body["event"] == "monitor.queued" and body["title"].startswith("Harbour Lights")


def test_a_failing_receiver_is_retried_a_bounded_number_of_times_and_logged(
    member: User, recorder: Recorder, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.NOTIFY_MAX_ATTEMPTS = 3
    recorder.answer("POST", "/hook", 503, {"error": "busy"})
    Webhooks().run_once()
    add_hook(member, recorder)
    make_download(member, 902, status=Status.ACTIVE)
    collect()
    now = timezone.now()
    for hour in range(6):
        deliver_due(now + timedelta(hours=hour))
    assert len(posted(recorder)) == 3
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("failed", 3, 503)
    log = inertia_client(member).get("/profile").json()["props"]["webhooks"]["hooks"][0]
    assert log["deliveries"][0]["statusCode"] == 503
    assert "busy" in log["deliveries"][0]["answer"]


def test_send_test_shows_the_receivers_answer_and_is_not_retried(
    member: User, recorder: Recorder
) -> None:
    recorder.answer("POST", "/hook", 418, {"error": "teapot"})
    add_hook(member, recorder)
    hook = Webhook.objects.get()
    client = inertia_client(member)
    client.post(f"/profile/webhooks/{hook.pk}/test")
    errors = client.get("/profile").json()["props"]["errors"]
    assert "HTTP 418" in errors["webhook"] and "teapot" in errors["webhook"]
    assert WebhookDelivery.objects.get().status == "failed"  # a test is not retried


def test_hooks_are_private_and_their_secrets_encrypted(
    member: User, outsider: User, recorder: Recorder
) -> None:
    secret = add_hook(member, recorder, path="/hook?token=abc123")
    hook = Webhook.objects.get()
    assert secret not in hook.secret_encrypted and "abc123" not in hook.url_encrypted
    assert hook.url_preview == f"{recorder.url}/…"
    assert inertia_client(outsider).delete(f"/profile/webhooks/{hook.pk}").status_code == 404
    assert inertia_client(outsider).post(f"/profile/webhooks/{hook.pk}/test").status_code == 404
    assert Webhook.objects.filter(pk=hook.pk).exists()


def test_a_failure_says_why_in_the_downloads_pages_words(member: User, recorder: Recorder) -> None:
    recorder.answer("POST", "/hook", 204)
    Webhooks().run_once()
    add_hook(member, recorder)
    ref = make_download(
        member,
        903,
        status=Status.ERROR,
        last_error_code=3,
        last_error_message="http://provider/movie/user/s3cret/903.mp4 not found",
    )
    with transaction.atomic():
        events.emit(EventKind.FAILED, ref.transfer)
    Webhooks().run_once()
    failed = next(b for b in posted(recorder) if b["event"] == "download.failed")
    assert failed["download"]["id"] == ref.pk
    assert failed["message"] and "s3cret" not in failed["message"]
    assert "s3cret" not in json.dumps(posted(recorder))
