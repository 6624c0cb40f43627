"""The downloads stack for tests: real aria2c, the fake provider, and settings pointing at both."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client

from tests.fixtures.provider import use_real_stack
from tests.fixtures.waiting import wait_for
from vodarr.demo.provider import FakeProvider
from vodarr.downloads.models import MediaDownloadRef, Status, Transfer
from vodarr.downloads.worker import Reconciler
from vodarr.downloads.worker.verifying import Verifier
from vodarr.integrations.aria2 import Aria2Client, Aria2Status, DownloadStatus, EmbeddedAria2

KIB = 1024
MIB = 1024 * KIB

SLOW_MOVIE = 101  # throttled: stays active for minutes unless a test finishes it
FAST_MOVIE = 102
MISSING_MOVIE = 103  # 404 forever: ends in error
SERIES = 7


@dataclass
class Stack:
    aria2: EmbeddedAria2
    rpc: Aria2Client
    provider: FakeProvider
    root: Path

    def ref(self, **filters: object) -> MediaDownloadRef:
        return MediaDownloadRef.objects.select_related("transfer").get(**filters)

    def wait_status(
        self, ref: MediaDownloadRef, *wanted: str, timeout: float = 20.0
    ) -> DownloadStatus:
        """Wait until aria2 reports the request's transfer (under its current GID) as wanted."""

        def reached() -> DownloadStatus | None:
            state = self.rpc.tell_status(Transfer.objects.get(pk=ref.transfer_id).gid)
            return state if state.status in wanted else None

        return wait_for(reached, timeout=timeout, message=f"download {ref.pk} to be {wanted}")

    def checked(self, ref: MediaDownloadRef, timeout: float = 20.0) -> Transfer:
        """Work like `vodarr worker` until the request's transfer is checked: recorded, its
        file verified, and then complete (or refused, in error)."""
        reconciler, verifier = Reconciler(), Verifier()

        def done() -> Transfer | None:
            reconciler.tick()
            verifier.step()
            transfer = Transfer.objects.get(pk=ref.transfer_id)
            return transfer if transfer.status in (Status.COMPLETE, Status.ERROR) else None

        try:
            return wait_for(done, timeout=timeout, message=f"download {ref.pk} to be checked")
        finally:
            verifier.close()

    def finish(self, stream_id: int) -> None:
        """Lift a throttle so the download can complete."""
        self.provider.set_throttle("movie", stream_id, None)


@pytest.fixture
def stack(settings, aria2: EmbeddedAria2, fake_provider: FakeProvider) -> Iterator[Stack]:
    use_real_stack(settings, aria2, fake_provider)
    fake_provider.add_movie(SLOW_MOVIE, "The Slow Movie", size=8 * MIB, year=1999)
    fake_provider.set_throttle("movie", SLOW_MOVIE, 64 * KIB)
    fake_provider.add_movie(FAST_MOVIE, "Fast Movie", size=300 * KIB, year=2001, ext="mkv")
    fake_provider.add_movie(MISSING_MOVIE, "Gone Movie", year=2002)
    fake_provider.not_found_forever("movie", MISSING_MOVIE)
    fake_provider.add_series(
        SERIES,
        "The Show",
        {1: [(1, "Pilot"), (2, "Second"), (3, "Third")], 2: [(1, "Return")]},
        year=2010,
        size=200 * KIB,
    )
    with Aria2Client(aria2.rpc_url, aria2.secret) as rpc:
        yield Stack(aria2, rpc, fake_provider, aria2.download_root)


def start(client: Client, stream_id: int) -> MediaDownloadRef:
    response = client.post(f"/movies/{stream_id}/download")
    assert response.status_code == 303, response.content
    client.get("/downloads")  # shows (and so clears) the "Download started." flash
    return (
        MediaDownloadRef.objects.select_related("transfer")
        .filter(downloadable_id=stream_id)
        .latest("id")
    )


def act(client: Client, ref: MediaDownloadRef, action: str, **flags: object):
    return client.patch(
        f"/downloads/{ref.pk}", {"action": action, **flags}, content_type="application/json"
    )


def flash_and_errors(client: Client) -> tuple[dict, dict]:
    props = client.get("/downloads").json()["props"]
    return props["flash"], props["errors"]


__all__ = ["Aria2Status", "Stack", "act", "flash_and_errors", "start"]
