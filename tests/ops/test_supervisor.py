"""The supervisor's decisions, with a clock the test moves: who is restarted, and when."""

from __future__ import annotations

import pytest

from vodarr.ops.supervisor import Backoff, Supervisor


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FakeChild:
    def __init__(self, name: str, log: list[str], *, failing_starts: int = 0) -> None:
        self.name = name
        self.log = log
        self.failing_starts = failing_starts
        self.running = False
        self.starts = 0

    @property
    def pid(self) -> int | None:
        return self.starts if self.running else None

    def start(self) -> None:
        self.starts += 1
        if self.failing_starts:
            self.failing_starts -= 1
            raise RuntimeError("port taken")
        self.running = True

    def alive(self) -> bool:
        return self.running

    def exit_status(self) -> int | None:
        return None if self.running else -9

    def stop(self) -> None:
        self.log.append(f"stop {self.name}")
        self.running = False


def test_the_backoff_doubles_up_to_a_minute_and_resets_after_a_steady_run() -> None:
    backoff = Backoff()
    assert [backoff.delay(ran_for=0.5) for _ in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert backoff.delay(ran_for=61) == 1
    assert backoff.delay(ran_for=0.5) == 2


def test_a_dead_child_is_started_again_once_its_delay_has_passed() -> None:
    clock, log = FakeClock(), []
    child = FakeChild("worker", log)
    supervisor = Supervisor(clock=clock)
    supervisor.add(child)
    child.running = False  # killed

    supervisor.check()
    clock.now += 0.9
    supervisor.check()
    assert child.starts == 1
    clock.now += 0.1
    supervisor.check()
    assert child.starts == 2 and child.alive()


def test_a_child_that_will_not_start_is_tried_again_ever_more_slowly(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock, log = FakeClock(), []
    child = FakeChild("embedded aria2c", log)
    supervisor = Supervisor(clock=clock)
    supervisor.add(child)
    child.running, child.failing_starts = False, 2
    tried_at = []
    for _ in range(80):
        before = child.starts
        supervisor.check()
        if child.starts > before:
            tried_at.append(clock.now - 1000.0)
        clock.now += 0.25
    assert tried_at == [1.0, 3.0, 7.0]  # waits of 1, 2, then 4 s: the third start worked
    assert child.alive()
    assert "could not start again (port taken); trying again in 2 s." in caplog.text


def test_stopping_stops_the_children_newest_first() -> None:
    log: list[str] = []
    supervisor = Supervisor(poll_seconds=0.01)
    supervisor.add(FakeChild("aria2c", log))
    supervisor.add(FakeChild("worker", log))
    supervisor.watch()
    supervisor.stop()
    assert log == ["stop worker", "stop aria2c"]
