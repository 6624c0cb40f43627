"""Is each part of Vodarr working? The answer behind ``/healthz`` and `vodarr doctor`.

Four parts: the web (answering at all), the database (a query runs), the worker (its
heartbeat is recent) and aria2 (it answers RPC). A monitor or systemd watchdog restarts
or alerts on the 503 that any part being down gives. Messages never carry internal URLs:
``/healthz`` answers anybody.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection

from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.errors import Aria2Error
from vodarr.ops.heartbeat import heartbeat_age

# The worker beats every tick (a second); this much silence means it is stuck or gone.
WORKER_STALE_SECONDS = 30.0


@dataclass(frozen=True)
class Part:
    ok: bool
    problem: str = ""
    facts: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, **({"problem": self.problem} if self.problem else {}), **self.facts}


def check_database() -> Part:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return Part(False, "The database does not answer.")
    return Part(True)


def check_worker(now: datetime | None = None) -> Part:
    try:
        age = heartbeat_age(now=now)
    except DatabaseError:
        return Part(False, "The worker's heartbeat cannot be read: the database failed.")
    facts = {"heartbeatAgeSeconds": None if age is None else round(age, 1)}
    if age is None:
        return Part(False, "The worker has never run.", facts)
    if age > WORKER_STALE_SECONDS:
        return Part(False, f"The worker has not been seen for {age:.0f} seconds.", facts)
    return Part(True, facts=facts)


def check_aria2() -> Part:
    if not settings.ARIA2_RPC_URL:
        return Part(False, "aria2 is not configured.")
    try:
        with Aria2Client(
            settings.ARIA2_RPC_URL,
            settings.ARIA2_RPC_SECRET or None,
            timeout=2.0,
            connect_timeout=1.0,
        ) as client:
            client.get_version()
    except Aria2Error as error:
        return Part(False, error.message)
    return Part(True)


def health() -> dict[str, Part]:
    """Every part's state, the web first (it answered, or nobody would be asking)."""
    return {
        "web": Part(True),
        "database": check_database(),
        "worker": check_worker(),
        "aria2": check_aria2(),
    }
