"""Files a media server can trust: a finished download is checked before it is complete.

The fake provider answers the media URL with what real panels send instead of the film; each
is refused with its own sentence, set aside, never shown complete; a connection-limit reply
heals by itself; a real video passes and its probe shows on the title page.
"""

from __future__ import annotations

import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.downloads.conftest import start
from tests.fixtures.downloads import make_download
from tests.fixtures.users import inertia_client
from tests.fixtures.videos import Videos
from tests.fixtures.waiting import wait_for
from tests.worker.conftest import FAST_MOVIE, Stack, Worker, fresh, tick_until
from vodarr.accounts.models import User
from vodarr.downloads.models import EventKind, Status, TransferEvent
from vodarr.downloads.worker.verifying import CLAIM_STALE_AFTER, Verifier

pytestmark = pytest.mark.django_db

LIMIT_REPLY = b"max connections reached\n"


def statuses_until(worker: Worker, ref: Any, done: Any) -> list[str]:
    """Tick until ``done(transfer)``; every status the row had on the way."""
    seen: list[str] = []

    def reached() -> bool:
        transfer = fresh(ref)
        seen.append(transfer.status)
        return bool(done(transfer))

    tick_until(worker, reached)
    return seen


def rows(client: Client) -> list[dict[str, Any]]:
    return client.get("/downloads").json()["props"]["downloads"]["data"]


@pytest.mark.parametrize(
    ("body", "reason", "retried"),
    [
        pytest.param(
            b"Your subscription has expired\n",
            "The provider sent a 30-byte text reply instead of the film: "
            '"Your subscription has expired"',
            False,
            id="short text",
        ),
        pytest.param(
            "truncated",
            "The provider's file is cut short: ",
            True,
            id="truncated",
        ),
        pytest.param(
            bytes(range(256)) * 6000,
            "The provider sent 1.5 MiB that is not video: no Matroska, MP4, MPEG-TS or AVI header.",
            False,
            id="not media",
        ),
    ],
)
def test_what_a_panel_sends_instead_of_the_film_is_refused_set_aside_and_never_complete(
    stack: Stack,
    as_member: Client,
    worker: Worker,
    videos: Videos,
    body: bytes | str,
    reason: str,
    retried: bool,
) -> None:
    if body == "truncated":
        whole = videos.bytes("mkv")
        body = whole[: len(whole) // 2]
    assert isinstance(body, bytes)
    stack.provider.serve_body("movie", FAST_MOVIE, body)
    ref = start(as_member, FAST_MOVIE)

    seen = statuses_until(worker, ref, lambda t: t.status == Status.ERROR)

    refused = fresh(ref)
    assert refused.last_error_message.startswith(reason)
    assert Status.COMPLETE not in seen and Status.VERIFYING in seen
    target = stack.root / refused.output_path
    assert not target.exists()  # nothing a media server could pick up
    assert target.with_name(target.name + ".rejected").read_bytes() == body
    [row] = rows(as_member)
    assert row["downloadStatus"]["status"] == "error"
    # A member reads Vodarr's sentence (aria2's raw words are for admins only).
    assert row["failure"]["reason"].startswith(reason)
    assert row["probe"] is None
    assert (refused.retry_next_at is not None) is retried
    kinds = list(TransferEvent.objects.values_list("kind", flat=True))
    assert kinds == ([] if retried else [EventKind.FAILED])


def test_a_connection_limit_reply_heals_by_itself_once_the_provider_serves_the_film(
    stack: Stack, as_member: Client, worker: Worker
) -> None:
    stack.provider.serve_body("movie", FAST_MOVIE, LIMIT_REPLY, times=1)
    ref = start(as_member, FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).retry_next_at is not None)
    assert fresh(ref).last_error_message == (
        'The provider sent a 24-byte text reply instead of the film: "max connections reached"'
    )
    seen = statuses_until(worker, ref, lambda t: t.status == Status.COMPLETE)

    done = fresh(ref)
    assert Status.COMPLETE not in seen[:-1]
    assert done.retry_attempt == 1
    target = stack.root / done.output_path
    assert target.read_bytes() == stack.provider.expected_bytes("movie", FAST_MOVIE)
    assert not target.with_name(target.name + ".rejected").exists()  # the bad reply is gone
    assert list(TransferEvent.objects.values_list("kind", flat=True)) == [EventKind.COMPLETED]
    assert [len(r.refused) for r in worker.verified if r.refused] == [1]


@pytest.mark.parametrize("ext", ["mkv", "mp4"])
def test_a_real_video_passes_and_its_probe_shows_on_the_title_page(
    stack: Stack, as_member: Client, worker: Worker, videos: Videos, ext: str
) -> None:
    stack.provider.serve_body("movie", FAST_MOVIE, videos.bytes(ext), content_type="video/mp4")
    ref = start(as_member, FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)

    download = as_member.get(f"/movies/{FAST_MOVIE}").json()["props"]["download"]
    assert download["downloadStatus"]["status"] == "complete"
    probe = download["probe"]
    assert probe["container"] == ("Matroska" if ext == "mkv" else "MP4")
    assert (probe["width"], probe["height"], probe["video_codec"]) == (160, 90, "h264")
    assert probe["audio_codecs"] == ["aac"] and probe["audio_languages"] == ["fra"]
    assert 3.5 < probe["duration_secs"] < 4.5


def test_a_clip_far_shorter_than_the_provider_says_is_refused(
    stack: Stack, as_member: Client, worker: Worker, videos: Videos
) -> None:
    stack.provider.add_movie(FAST_MOVIE, "Fast Movie", ext="mkv", year=2001, duration_secs=5400)
    stack.provider.serve_body("movie", FAST_MOVIE, videos.bytes("mkv"), times=1)
    ref = start(as_member, FAST_MOVIE)

    tick_until(worker, lambda: fresh(ref).last_error_message != "")

    assert fresh(ref).last_error_message == (
        "The provider sent a 4-second clip instead of the 90-minute film."
    )
    assert fresh(ref).retry_next_at is not None  # "limit reached" clips are worth a retry


# -- claiming and threads ---------------------------------------------------------------------


def _verifying(member: User, root: Path, videos: Videos, media_id: int = 1) -> Any:
    output = f"Movies/Clip {media_id}/Clip {media_id}.mkv"
    (root / output).parent.mkdir(parents=True, exist_ok=True)
    (root / output).write_bytes(videos.bytes("mkv"))
    return make_download(
        member,
        media_id,
        status=Status.VERIFYING,
        output_path=output,
        total_length=len(videos.bytes("mkv")),
        hold=True,
    )


@pytest.mark.django_db(transaction=True)
def test_two_workers_check_one_file_once(
    member: User, videos: Videos, tmp_path: Path, settings
) -> None:
    settings.DOWNLOAD_ROOT = tmp_path
    ref = _verifying(member, tmp_path, videos)
    verifiers = [Verifier(), Verifier()]
    barrier = threading.Barrier(2)
    claimed: list[int] = []

    def step(verifier: Verifier) -> None:
        try:
            barrier.wait()
            claimed.extend(verifier.step().claimed)
        finally:
            connection.close()

    threads = [threading.Thread(target=step, args=(v,)) for v in verifiers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    passed = [pk for v in verifiers for pk in v.close().passed]

    assert claimed == [ref.transfer_id] and passed == [ref.transfer_id]
    assert fresh(ref).status == Status.COMPLETE
    assert TransferEvent.objects.filter(kind=EventKind.COMPLETED).count() == 1


def test_a_claim_left_by_a_worker_that_died_is_taken_over(
    member: User, videos: Videos, tmp_path: Path, settings
) -> None:
    settings.DOWNLOAD_ROOT = tmp_path
    fresh_claim = _verifying(member, tmp_path, videos, 1)
    old_claim = _verifying(member, tmp_path, videos, 2)
    now = timezone.now()
    type(fresh(fresh_claim)).objects.filter(pk=fresh_claim.transfer_id).update(
        verify_claimed_at=now
    )
    type(fresh(old_claim)).objects.filter(pk=old_claim.transfer_id).update(
        verify_claimed_at=now - CLAIM_STALE_AFTER - CLAIM_STALE_AFTER
    )
    verifier = Verifier()

    assert verifier.step(now).claimed == [old_claim.transfer_id]
    assert verifier.close().passed == [old_claim.transfer_id]
    assert fresh(fresh_claim).status == Status.VERIFYING


def test_a_slow_check_never_holds_the_worker_up(
    stack: Stack, member: User, videos: Videos, tmp_path: Path, worker: Worker
) -> None:
    gate = tmp_path / "gate"
    slow = tmp_path / "slow-ffprobe"
    slow.write_text(f'#!/bin/sh\nwhile [ ! -e {gate} ]; do sleep 0.05; done\nexec ffprobe "$@"\n')
    slow.chmod(slow.stat().st_mode | stat.S_IEXEC)
    ref = _verifying(member, stack.root, videos)
    verifier = Verifier(ffprobe=str(slow))

    assert verifier.step().claimed == [ref.transfer_id]
    for _ in range(3):  # the loop goes on ticking and stepping while ffprobe waits
        assert worker.reconciler.tick().reachable
        assert verifier.step().passed == []
    assert verifier.busy and fresh(ref).status == Status.VERIFYING

    gate.touch()
    wait_for(lambda: verifier.step().passed == [ref.transfer_id], message="the verdict")
    verifier.close()
    assert fresh(ref).status == Status.COMPLETE


def test_a_second_person_joins_a_file_being_verified_instead_of_fetching_it_again(
    stack: Stack, as_member: Client, outsider: User, worker: Worker
) -> None:
    ref = start(as_member, FAST_MOVIE)
    tick_until(worker.reconciler, lambda: fresh(ref).status == Status.VERIFYING)
    fetches = stack.provider.hits("movie", FAST_MOVIE)

    theirs = start(inertia_client(outsider), FAST_MOVIE)

    assert theirs.transfer_id == ref.transfer_id
    tick_until(worker, lambda: fresh(ref).status == Status.COMPLETE)
    assert stack.provider.hits("movie", FAST_MOVIE) == fetches
    assert rows(inertia_client(outsider))[0]["downloadStatus"]["status"] == "complete"
