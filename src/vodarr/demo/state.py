"""The fake provider's shared state: what its control methods change and its handler reads.

Everything lives under one lock (``ProviderState.lock``); the handler (``server.py``)
snapshots what it needs under it and streams bytes outside it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from vodarr.demo.catalogue import Catalogue, FakeEpisode, FakeMovie
from vodarr.demo.container import container_prefix
from vodarr.demo.panel import FakeAccount, Quirks

Key = tuple[str, int]


@dataclass
class Override:
    body: Any
    status: int
    times: int | None


@dataclass
class Body:
    """A media URL answered with these bytes (HTTP 200) instead of the item's file."""

    data: bytes
    content_type: str
    times: int | None


# What a provider gives as a film's length when the catalogue says nothing: the fake file
# still needs a duration in its header.
DEFAULT_DURATION_SECS = 90 * 60


def item_prefix(item: FakeMovie | FakeEpisode) -> bytes:
    """The real container header an item's file starts with (see ``container.py``)."""
    return container_prefix(item.ext, item.size, item.duration_secs or DEFAULT_DURATION_SECS)


@dataclass
class ProviderState:
    username: str
    password: str
    catalogue: Catalogue
    host: str = "127.0.0.1"
    port: int = 0
    quirks: Quirks = field(default_factory=Quirks)
    account: FakeAccount = field(default_factory=FakeAccount)
    lock: threading.RLock = field(default_factory=threading.RLock)
    stopping: threading.Event = field(default_factory=threading.Event)
    responding: threading.Event = field(default_factory=threading.Event)
    sleep: Callable[[float], object] | None = None
    log: list[str] = field(default_factory=list)
    hits: Counter[Key] = field(default_factory=Counter)
    api_calls: Counter[str] = field(default_factory=Counter)
    image_hits: Counter[str] = field(default_factory=Counter)
    throttles: dict[Key, int | None] = field(default_factory=dict)
    failures: dict[Key, tuple[int, int]] = field(default_factory=dict)
    drops: dict[Key, tuple[int, int]] = field(default_factory=dict)
    gone: set[Key] = field(default_factory=set)
    api_failures: tuple[int, int, str | None] = (0, 503, None)
    overrides: dict[str, Override] = field(default_factory=dict)
    bodies: dict[Key, Body] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.responding.set()

    def authorized(self, username: str | None, password: str | None) -> bool:
        return username == self.username and password == self.password and bool(self.account.auth)

    def pause(self, seconds: float) -> None:
        # Waiting on `stopping` lets stop() cut a throttled transfer short at once.
        if self.sleep is not None:
            self.sleep(seconds)
        else:
            self.stopping.wait(seconds)
