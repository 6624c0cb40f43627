"""The full stack for browser tests: uvicorn serving Vodarr, real aria2c, the fake provider."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.db import connections

from tests.fixtures.provider import use_real_stack
from tests.fixtures.server import LiveApp
from tests.fixtures.users import PASSWORD
from vodarr.accounts.models import Role, User
from vodarr.catalog.provider import forget_client
from vodarr.catalog.sync import sync_now
from vodarr.demo.provider import FakeProvider
from vodarr.downloads.gateway import Aria2Gateway
from vodarr.downloads.worker.loop import WorkerLoop
from vodarr.integrations.aria2 import EmbeddedAria2

KIB = 1024
SHOW = 20  # four slow episodes, so pause, resume and cancel have time to happen


@dataclass
class LiveStack:
    app: LiveApp
    aria2: EmbeddedAria2
    provider: FakeProvider
    admin: User
    member: User
    episodes: dict[tuple[int, int], int]  # (season, episode) → the provider's episode id


@pytest.fixture
def live_stack(live_app: LiveApp, settings, aria2: EmbeddedAria2, fake_provider: FakeProvider):  # type: ignore[no-untyped-def]
    use_real_stack(settings, aria2, fake_provider)
    ids = fake_provider.add_series(
        SHOW,
        "Harbour Lights",
        {1: [(1, "Arrival"), (2, "Low Tide"), (3, "The Storm"), (4, "Departure")]},
        year=2019,
        size=4096 * KIB,
        plot="A fishing town keeps its lighthouse burning through one long winter.",
    )
    fake_provider.set_account(max_connections=4)  # room for all of them: none waits in a queue
    for episode_id in ids.values():
        fake_provider.set_throttle("episode", episode_id, 48 * KIB)
    forget_client()
    sync_now()
    admin = User.objects.create_user(
        "ada@example.test", PASSWORD, name="Ada Admin", role=Role.ADMIN, verified=True
    )
    member = User.objects.create_user(
        "mia@example.test", PASSWORD, name="Mia Member", verified=True
    )
    with running_worker():
        yield LiveStack(live_app, aria2, fake_provider, admin, member, ids)
    forget_client()


@contextmanager
def running_worker() -> Iterator[WorkerLoop]:
    """The worker, as `vodarr serve` runs it beside the web: it feeds the live channel."""
    worker = WorkerLoop(tick_seconds=0.5, aria2=Aria2Gateway())

    def run() -> None:
        try:
            worker.run()
        finally:
            connections.close_all()  # this thread's connections: the test database goes next

    thread = threading.Thread(target=run, name="worker", daemon=True)
    thread.start()
    try:
        yield worker
    finally:
        worker.stop()
        thread.join(timeout=10)


def sign_in(page, stack: LiveStack, user: User) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{stack.app.url}/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/discover$"))


def sign_out(page, user: User) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name=re.compile(user.name)).first.click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/login$"))
