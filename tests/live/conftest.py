"""The live channel's tests: real streams through Django's async handler, read as they come.

The watcher does its database work on its own thread, as in production, so these tests use
``transactional_db`` (rows are committed, visible to that thread).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest
from asgiref.sync import async_to_sync
from django.apps import apps
from django.db import connections
from django.test import AsyncClient

from tests.downloads.conftest import FAST_MOVIE, SERIES, SLOW_MOVIE, Stack, stack
from vodarr.live.watcher import LiveHub, Watcher

__all__ = ["FAST_MOVIE", "SERIES", "SLOW_MOVIE", "Stack", "stack"]

POLL = 0.1


@pytest.fixture(autouse=True)
def hub() -> LiveHub:
    """A fresh hub per test, polling quickly (the watcher's interval is the latency floor)."""
    config = apps.get_app_config("live")
    previous = config.hub  # type: ignore[attr-defined]
    config.hub = fresh = LiveHub(poll_seconds=POLL)  # type: ignore[attr-defined]
    yield fresh
    config.hub = previous  # type: ignore[attr-defined]


Event = tuple[str, Any]
T = TypeVar("T")


def run_async(scenario: Callable[[], Awaitable[T]]) -> T:
    """Run an async scenario through ``async_to_sync`` from a thread of its own.

    Playwright's sync API (the browser tests, earlier in the same session) leaves an event
    loop running in the test's thread, where ``async_to_sync`` refuses to run. The scenario's
    sync steps run on that thread too; its database connection is closed afterwards.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(async_to_sync(scenario)).result()
        finally:
            pool.submit(connections.close_all).result()


@dataclass
class Channel:
    """One open stream, read in the background: its events in order, parsed."""

    response: Any
    events: list[Event] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)  # loop time each event was read
    task: asyncio.Task[None] | None = None

    async def pump(self) -> None:
        buffer = ""
        loop = asyncio.get_running_loop()
        async for chunk in self.response.streaming_content:
            buffer += chunk.decode()
            while "\n\n" in buffer:
                block, buffer = buffer.split("\n\n", 1)
                self.events.append(parse(block))
                self.arrivals.append(loop.time())

    async def wait_for(self, predicate: Callable[[list[Event]], Any], timeout: float = 10.0) -> Any:
        async with asyncio.timeout(timeout):
            while not (found := predicate(self.events)):
                await asyncio.sleep(0.01)
        return found

    async def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
        await self.response.streaming_content.aclose()


def parse(block: str) -> Event:
    if block.startswith(":"):
        return ("comment", block[1:].strip())
    fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
    if "retry" in fields:
        return ("retry", fields["retry"])
    data = json.loads(fields.get("data", "null"))
    if isinstance(data, dict) and "id" in fields:
        data["_id"] = fields["id"]
    return (fields.get("event", "message"), data)


async def open_channel(client: AsyncClient, path: str = "/live", **headers: str) -> Channel:
    response = await client.get(path, headers=headers)
    assert response.status_code == 200, response
    channel = Channel(response)
    channel.task = asyncio.create_task(channel.pump())
    await channel.wait_for(lambda events: any(name == "downloads" for name, _ in events))
    return channel


def rows(events: list[Event]) -> list[dict[str, Any]]:
    return [item for name, data in events if name == "downloads" for item in data["downloads"]]


def removed(events: list[Event]) -> list[int]:
    return [pk for name, data in events if name == "downloads" for pk in data["removed"]]


def last_counts(events: list[Event]) -> dict[str, int] | None:
    found = [data["counts"] for name, data in events if name == "downloads" and "counts" in data]
    return found[-1] if found else None


def watcher_of(hub: LiveHub) -> Watcher:
    return hub.watcher()
