"""Finished files make media servers rescan: at most once per library per minute."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from tests.fixtures.downloads import make_download
from tests.fixtures.recorder import Recorder
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads import events
from vodarr.downloads.models import EventKind, Status
from vodarr.mediaservers.jobs import MediaServerScans
from vodarr.mediaservers.models import LibraryScan, MediaServer
from vodarr.mediaservers.scans import CONSUMER, send_due_scans, want_scans

pytestmark = pytest.mark.django_db
TOKEN = "jf-token-0123456789abcdef"


def server(recorder: Recorder, kind: str = "jellyfin") -> MediaServer:
    row = MediaServer(kind=kind, name=kind.title(), url=recorder.url)
    row.token = TOKEN
    row.save()
    return row


def finish(user: User, media_id: int, episode: tuple[int, int, str] | None = None) -> None:
    ref = make_download(user, media_id, status=Status.COMPLETE, episode=episode)
    with transaction.atomic():
        events.emit(EventKind.COMPLETED, ref.transfer)


def test_a_season_landing_in_one_minute_costs_one_scan_then_one_more(
    member: User, recorder: Recorder
) -> None:
    recorder.answer("POST", "/Library/Refresh", 204)
    server(recorder)
    job = MediaServerScans()
    job.run_once()  # the consumer starts at the newest event
    now = timezone.now()
    for number in range(1, 7):
        finish(member, 700 + number, episode=(1, number, f"e{number}"))
        events.consume(CONSUMER, lambda batch: want_scans(batch, now))
        send_due_scans(now + timedelta(seconds=number))
    assert recorder.paths("POST") == ["/Library/Refresh"]  # one scan, however many landed
    call = recorder.calls[0]
    assert TOKEN in call.headers["Authorization"] and call.headers["User-Agent"]
    assert send_due_scans(now + timedelta(seconds=30)) == 0  # still within the minute
    assert send_due_scans(now + timedelta(seconds=61)) == 1  # the rest, a minute later
    assert send_due_scans(now + timedelta(seconds=200)) == 0  # nothing new landed
    assert recorder.paths("POST") == ["/Library/Refresh"] * 2


def test_plex_refreshes_the_sections_of_the_right_kind(member: User, recorder: Recorder) -> None:
    recorder.answer(
        "GET",
        "/library/sections",
        body={
            "MediaContainer": {
                "Directory": [
                    {"key": "1", "type": "movie"},
                    {"key": "2", "type": "show"},
                    {"key": "3", "type": "movie"},
                ]
            }
        },
    )
    for key in ("1", "2", "3"):
        recorder.answer("GET", f"/library/sections/{key}/refresh")
    server(recorder, "plex")
    MediaServerScans().run_once()
    finish(member, 801)  # a movie
    MediaServerScans().run_once()
    refreshed = sorted(p for p in recorder.paths("GET") if p.endswith("/refresh"))
    assert refreshed == ["/library/sections/1/refresh", "/library/sections/3/refresh"]
    assert recorder.calls[0].headers["X-Plex-Token"] == TOKEN


def test_a_failing_server_is_recorded_and_tried_again_a_bounded_number_of_times(
    member: User, recorder: Recorder
) -> None:
    recorder.answer("POST", "/Library/Refresh", 500, {"error": "boom"})
    row = server(recorder)
    now = timezone.now()
    want_scans([], now)
    LibraryScan.objects.create(server=row, library="all", wanted_since=now)
    for minute in range(5):
        send_due_scans(now + timedelta(minutes=minute * 2))
    assert len(recorder.paths("POST")) == 3
    row.refresh_from_db()
    assert "HTTP 500" in row.last_error


def test_the_admin_adds_and_tests_a_server_and_the_token_stays_secret(
    admin: User, recorder: Recorder
) -> None:
    recorder.answer("GET", "/System/Info", body={"ServerName": "Living room", "Version": "10.10.3"})
    client = inertia_client(admin)
    added = client.post(
        "/settings/media-servers",
        {"kind": "jellyfin", "name": "", "url": recorder.url + "/", "token": TOKEN},
        "application/json",
    )
    assert added.status_code in (302, 303)
    row = MediaServer.objects.get()
    assert TOKEN not in row.token_encrypted and row.token == TOKEN and row.name == "Jellyfin"
    page = client.get("/settings").json()["props"]
    assert TOKEN not in str(page)
    assert page["mediaServers"]["servers"][0]["tokenPreview"] == "••••cdef"
    client.post(f"/settings/media-servers/{row.pk}/test")
    flash = client.get("/settings").json()["props"]["flash"]
    assert "Living room (10.10.3) answered" in flash["success"]


def test_members_cannot_manage_media_servers(member: User) -> None:
    answer = inertia_client(member).post(
        "/settings/media-servers",
        {"kind": "plex", "url": "http://x", "token": "t"},
        "application/json",
    )
    assert answer.status_code == 403
    assert not MediaServer.objects.exists()
