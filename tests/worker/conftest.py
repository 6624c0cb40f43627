"""The worker's test stack: the downloads stack (real aria2c, fake provider) plus helpers.

Tests drive ``Reconciler.tick()`` themselves instead of running the loop in a thread, and
use a tiny retry base so backoffs take fractions of a second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.downloads.conftest import FAST_MOVIE, MISSING_MOVIE, SLOW_MOVIE, Stack, stack
from tests.fixtures.waiting import wait_for
from vodarr.downloads.models import MediaDownloadRef, Transfer
from vodarr.downloads.worker import Reconciler, TickReport
from vodarr.downloads.worker.mediafiles import MediaFilesWriter
from vodarr.downloads.worker.verifying import Verifier, VerifyReport

__all__ = ["FAST_MOVIE", "MISSING_MOVIE", "SLOW_MOVIE", "Stack", "Worker", "stack"]

RETRY_BASE = 0.2


@pytest.fixture(autouse=True)
def _worker_settings(settings) -> None:
    settings.VODARR_RETRY_BASE_SECONDS = RETRY_BASE
    settings.VODARR_SYNC_INTERVAL_SECONDS = 0  # tests of the sync turn it on themselves


@pytest.fixture
def reconciler(stack: Stack) -> Reconciler:
    return Reconciler()


@dataclass
class Worker:
    """What `vodarr worker` does on each tick — reconcile, verify finished files, write the
    media-server files of verified ones — driven by the test (``tick_until(worker, …)``
    works as with a bare reconciler)."""

    reconciler: Reconciler
    verifier: Verifier
    media_files: MediaFilesWriter
    verified: list[VerifyReport] = field(default_factory=list)

    def tick(self) -> TickReport:
        report = self.reconciler.tick()
        self.verified.append(self.verifier.step())
        self.media_files.step()
        return report

    def finish(self) -> None:
        """Let the background work end (pending checks recorded, files written)."""
        self.verified.append(self.verifier.close())
        self.media_files.step()
        self.media_files.close()


@pytest.fixture
def worker(reconciler: Reconciler) -> Iterator[Worker]:
    pieces = Worker(reconciler, Verifier(), MediaFilesWriter())
    yield pieces
    pieces.finish()


def tick_until(
    reconciler: Reconciler | Worker,
    condition: Callable[[], object],
    *,
    timeout: float = 20.0,
    message: str = "the worker to reach the expected state",
) -> list[TickReport]:
    """Tick (about every 0.1 s) until ``condition()`` holds; return every tick's report."""
    reports: list[TickReport] = []

    def ticked() -> object:
        reports.append(reconciler.tick())
        return condition()

    wait_for(ticked, timeout=timeout, interval=0.1, message=message)
    return reports


def fresh(ref: MediaDownloadRef) -> Transfer:
    """The request's transfer as the database holds it now."""
    return Transfer.objects.get(pk=ref.transfer_id)


def file_bytes(stack: Stack, transfer: Transfer) -> bytes:
    return Path(stack.root, transfer.output_path).read_bytes()


def aria2_gids(stack: Stack) -> set[str]:
    """Every GID aria2 holds: running, queued and finished."""
    rpc = stack.rpc
    states = rpc.tell_active() + rpc.tell_waiting(0, 100) + rpc.tell_stopped(0, 100)
    return {state.gid for state in states}
