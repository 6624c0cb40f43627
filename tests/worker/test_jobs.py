"""Feature apps' periodic jobs run beside the loop: a slow or broken job never holds up
reconciliation, and a job that raises is logged and runs again."""

from __future__ import annotations

import threading

import pytest

from tests.fixtures.waiting import wait_for
from vodarr.downloads.worker.jobs import configured_jobs
from vodarr.downloads.worker.loop import WorkerLoop


class Stuck:
    """A job whose run blocks until released, like a provider that never answers."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()

    def interval_seconds(self) -> float:
        return 0.05

    def run_once(self) -> None:
        self.started.set()
        self.release.wait(10)


class Broken:
    def __init__(self) -> None:
        self.calls = 0

    def interval_seconds(self) -> float:
        return 0.05

    def run_once(self) -> None:
        self.calls += 1
        raise RuntimeError("no luck")


@pytest.mark.django_db(transaction=True)
def test_a_stuck_job_does_not_hold_up_ticks_and_a_broken_one_keeps_running(
    settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.ARIA2_RPC_URL = "http://127.0.0.1:9/jsonrpc"  # nothing to reconcile with
    stuck, broken = Stuck(), Broken()
    loop = WorkerLoop(tick_seconds=0.05, listen=False, jobs={"stuck": stuck, "broken": broken})
    thread = threading.Thread(target=loop.run, daemon=True)
    thread.start()
    try:
        assert stuck.started.wait(10)
        ticks = loop.ticks
        wait_for(lambda: loop.ticks >= ticks + 3, message="ticks while a job is stuck")
        wait_for(lambda: broken.calls >= 3, message="the broken job to run again")
    finally:
        stuck.release.set()
        loop.stop()
        thread.join(10)
    assert not thread.is_alive()
    assert "Worker job broken failed" in caplog.text
    assert loop.jobs.failures >= 3


def test_the_settings_name_the_feature_apps_jobs() -> None:
    jobs = configured_jobs()

    assert set(jobs) == {
        "monitors",
        "transfer-notifications",
        "notification-deliveries",
        "ended-links",
        "metrics-probes",
        "media-server-scans",
        "webhooks",
    }
    assert all(job.interval_seconds() > 0 for job in jobs.values())
