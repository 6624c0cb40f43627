"""One watcher per web process: one query per tick for everyone's counters, whatever the tabs.

Every open stream of this process registers its person here. Each tick (``POLL_SECONDS``) the
watcher reads the counters of all those people in ONE query and, for each person whose
counter of a topic moved, asks the topic once for what changed — shared by all of that
person's open tabs — and queues it on their streams. 100 open streams cost one small query
per tick while nothing changes, and never an aria2 request: what the topics send comes from
the database, which the worker keeps in step with aria2 every second. It works across
several web processes because the counters are in the database.

All database work runs on the watcher's own single thread (not one per stream, and never
on the event loop), created when the first stream opens and ended, with its connection, when
the last one closes.

Windows: a payload covers what changed since the previous one minus ``MARGIN``, so a change
committed a moment after it was stamped (or stamped by a process whose clock is slightly
behind) is never skipped; topics use their ``memo`` to leave out what they already sent.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.db import DatabaseError, connection
from django.utils import timezone

from vodarr.live.publish import REMOVALS_KEPT, versions, watch
from vodarr.live.topics import Topic, configured_topics

logger = logging.getLogger("vodarr.live")

POLL_SECONDS = 0.5
MARGIN = timedelta(seconds=3)
QUEUE_LIMIT = 100  # events waiting for a stalled client; past that it is told to reload
REFRESH = "refresh"  # the event that asks a page to reload its data instead

T = TypeVar("T")


@dataclass(frozen=True)
class Event:
    """One SSE event: ``name`` is a topic (or ``refresh``); ``at`` is when its data was read."""

    name: str
    data: dict[str, Any]
    at: datetime

    def encode(self, dumps: Callable[[Any], str]) -> str:
        stamp = epoch_ms(self.at)
        return f"id: {stamp}\nevent: {self.name}\ndata: {dumps({**self.data, 'at': stamp})}\n\n"


@dataclass(eq=False)
class Subscription:
    """One open stream."""

    user: Any
    queue: asyncio.Queue[Event] = field(default_factory=lambda: asyncio.Queue(QUEUE_LIMIT))

    def deliver(self, event: Event) -> None:
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            # A client that reads nothing for this long reloads rather than catching up.
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(Event(REFRESH, {}, event.at))


@dataclass(eq=False)
class Feed:
    """One person's topics, shared by all their open streams in this process."""

    user: Any
    subscribers: set[Subscription] = field(default_factory=set)
    versions: dict[str, int] | None = None  # None until the counters were read once
    since: dict[str, datetime] = field(default_factory=dict)
    memo: dict[str, dict[str, Any]] = field(default_factory=dict)


def epoch_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


class Watcher:
    """The streams of one event loop; ``add``/``start``/``remove`` are called by the stream view."""

    def __init__(
        self,
        topics: dict[str, Topic] | None = None,
        *,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.topics = topics if topics is not None else configured_topics()
        self.poll_seconds = poll_seconds
        self._feeds: dict[int, Feed] = {}
        self._task: asyncio.Task[None] | None = None
        self._executor: ThreadPoolExecutor | None = None
        self.ticks = 0  # polls made: lets tests and benchmarks see the watcher at work

    # -- streams -------------------------------------------------------------------------

    def add(self, subscription: Subscription) -> None:
        """Register a stream at once (so a stream closed while starting is still removed)."""
        user = subscription.user
        feed = self._feeds.get(user.pk)
        if feed is None:
            feed = self._feeds[user.pk] = Feed(user)
        feed.subscribers.add(subscription)

    async def start(self, subscription: Subscription, since: datetime | None) -> None:
        """Queue the stream's first events (what changed since ``since``) and start polling."""
        feed = self._feeds.get(subscription.user.pk)
        if feed is None or subscription not in feed.subscribers:
            return
        first = await self._db(self._first_events, feed, since)
        for event in first:
            subscription.deliver(event)
        if self._task is None:
            # A fresh context: the poller outlives the request that happened to start it.
            self._task = asyncio.get_running_loop().create_task(
                self._run(), context=contextvars.Context()
            )

    def remove(self, subscription: Subscription) -> None:
        feed = self._feeds.get(subscription.user.pk)
        if feed is None:
            return
        feed.subscribers.discard(subscription)
        if not feed.subscribers:
            del self._feeds[subscription.user.pk]

    @property
    def streams(self) -> int:
        return sum(len(feed.subscribers) for feed in self._feeds.values())

    # -- polling -------------------------------------------------------------------------

    async def _run(self) -> None:
        try:
            while self._feeds:
                await asyncio.sleep(self.poll_seconds)
                await self._tick()
        finally:
            self._task = None
            task = asyncio.current_task()
            # No stream left, or the poller cancelled (its server stopping while streams are
            # still open, whose ends then never come): the thread and its connection go.
            if not self._feeds or (task is not None and task.cancelling()):
                self._close_executor()

    async def _tick(self) -> None:
        feeds = [feed for feed in self._feeds.values() if feed.versions is not None]
        if not feeds:
            return
        self.ticks += 1
        try:
            current = await self._db(versions, [feed.user.pk for feed in feeds])
            moved = [(feed, self._moved(feed, current)) for feed in feeds]
            moved = [(feed, topics) for feed, topics in moved if topics]
            if not moved:
                return
            results = await self._db(self._changes, moved)
        except DatabaseError as error:
            logger.warning("Live updates skipped a tick, the database failed: %s", error)
            return
        for feed, events in results:
            for event in events:
                for subscription in list(feed.subscribers):
                    subscription.deliver(event)

    def _moved(self, feed: Feed, current: dict[tuple[int, str], int]) -> dict[str, int]:
        known = feed.versions or {}
        moved = {}
        for topic in self.topics:
            version = current.get((feed.user.pk, topic))
            if version is not None and version != known.get(topic):
                moved[topic] = version
        return moved

    # -- on the watcher's thread -----------------------------------------------------------

    def _first_events(self, feed: Feed, since: datetime | None) -> list[Event]:
        if feed.versions is None:
            feed.versions = watch(feed.user.pk, self.topics)
            now = timezone.now()
            feed.since = dict.fromkeys(self.topics, now)
            feed.memo = {topic: {} for topic in self.topics}
        now = timezone.now()
        events: list[Event] = []
        if since is not None and since < now - REMOVALS_KEPT:
            events.append(Event(REFRESH, {}, now))  # too far behind to catch up event by event
            since = None
        for name, topic in self.topics.items():
            # A memo of its own: this stream has been sent nothing yet.
            data = self._payload(topic, feed.user, since - MARGIN if since else None, {})
            events.append(Event(name, data or {}, now))
        return events

    def _changes(self, moved: list[tuple[Feed, dict[str, int]]]) -> list[tuple[Feed, list[Event]]]:
        results = []
        for feed, topics in moved:
            events = []
            for name, version in topics.items():
                now = timezone.now()
                data = self._payload(
                    self.topics[name], feed.user, feed.since[name] - MARGIN, feed.memo[name]
                )
                feed.since[name] = now
                (feed.versions or {})[name] = version
                if data:
                    events.append(Event(name, data, now))
            results.append((feed, events))
        return results

    @staticmethod
    def _payload(
        topic: Topic, user: Any, since: datetime | None, memo: dict[str, Any]
    ) -> dict[str, Any] | None:
        try:
            return topic.payload(user, since, memo)
        except DatabaseError:
            raise
        except Exception:
            # One topic's bug must not silence the others or stop the watcher.
            logger.exception("Live topic %s failed for user %s", type(topic).__name__, user.pk)
            return None

    # -- the thread ------------------------------------------------------------------------

    async def _db(self, function: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vodarr-live")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, _guarded, function, *args)

    def _close_executor(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.submit(_close_connection)  # runs after any query still in flight
            executor.shutdown(wait=False)


def _guarded(function: Callable[..., T], *args: Any) -> T:
    try:
        return function(*args)
    except DatabaseError:
        _close_connection()  # reconnect on the next call (the database may have restarted)
        raise


def _close_connection() -> None:
    if not connection.in_atomic_block:
        connection.close()


class LiveHub:
    """The process's watchers, one per event loop (uvicorn runs one; tests may run several)."""

    def __init__(
        self, *, poll_seconds: float = POLL_SECONDS, topics: dict[str, Topic] | None = None
    ) -> None:
        self.poll_seconds = poll_seconds
        self.topics = topics  # None: the configured ones
        self._watchers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Watcher] = (
            weakref.WeakKeyDictionary()
        )

    def watcher(self) -> Watcher:
        loop = asyncio.get_running_loop()
        found = self._watchers.get(loop)
        if found is None:
            found = self._watchers[loop] = Watcher(self.topics, poll_seconds=self.poll_seconds)
        return found
