"""The worker's heartbeat: written each tick, read by ``/healthz`` and ``vodarr doctor``.

It lives in the database, not in a file or in memory, because the web and the worker are
separate processes, possibly on separate machines sharing one PostgreSQL database.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from vodarr.ops.models import Heartbeat

WORKER = "worker"


def record_heartbeat(name: str = WORKER, *, now: datetime | None = None) -> None:
    """Say ``name`` is alive now: one UPDATE, an INSERT the first time."""
    now = now or timezone.now()
    if not Heartbeat.objects.filter(name=name).update(beat_at=now):
        Heartbeat.objects.update_or_create(name=name, defaults={"beat_at": now})


def heartbeat_age(name: str = WORKER, *, now: datetime | None = None) -> float | None:
    """Seconds since ``name`` last beat, or None when it never has."""
    beat_at = Heartbeat.objects.filter(name=name).values_list("beat_at", flat=True).first()
    if beat_at is None:
        return None
    return max(0.0, ((now or timezone.now()) - beat_at).total_seconds())
