"""A stream ends when its client goes away, even as an event is being handed over."""

from __future__ import annotations

import asyncio
from contextlib import suppress
from typing import Any

from django.utils import timezone

from tests.live.conftest import run_async
from vodarr.live.views import live_events
from vodarr.live.watcher import Event, Subscription


class OneStreamWatcher:
    """What ``live_events`` needs of the process's watcher, for one stream."""

    def __init__(self) -> None:
        self.subscription: Subscription | None = None
        self.removed = False

    def add(self, subscription: Subscription) -> None:
        self.subscription = subscription

    async def start(self, subscription: Subscription, since: Any) -> None:
        return None

    def remove(self, subscription: Subscription) -> None:
        self.removed = True


def test_a_cancelled_stream_ends_even_when_an_event_arrives_in_the_same_moment() -> None:
    # On Python 3.11, asyncio.wait_for returned the event and dropped the cancellation when
    # both came in one turn of the loop: the stream then ran on for its whole lifetime.
    async def scenario() -> tuple[bool, bool]:
        watcher = OneStreamWatcher()
        stream = live_events(watcher, object(), None, keepalive=30, lifetime=60)  # type: ignore[arg-type]
        await anext(stream)  # the retry line; then it waits on its queue

        async def read_on() -> None:
            async for _ in stream:
                pass

        reader = asyncio.create_task(read_on())
        await asyncio.sleep(0.05)  # the reader now waits for the next event
        assert watcher.subscription is not None
        watcher.subscription.deliver(Event("downloads", {}, timezone.now()))
        reader.cancel()  # the client went away in the same turn
        await asyncio.wait({reader}, timeout=2)  # waits without cancelling it again
        ended = reader.done()
        reader.cancel()  # whatever happened, the loop closes clean
        with suppress(asyncio.CancelledError):
            await reader
        return ended, watcher.removed

    ended, removed = run_async(scenario)  # not asyncio.run: browser tests leave a loop here

    assert ended and removed
