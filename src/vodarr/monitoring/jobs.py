"""The worker job that runs due monitors (named in ``settings.VODARR_WORKER_JOBS``)."""

from __future__ import annotations

from django.conf import settings

from vodarr.monitoring.services import run_due_monitors

DEFAULT_POLL_SECONDS = 60.0


class DueMonitors:
    def interval_seconds(self) -> float:
        """``MONITOR_POLL_SECONDS``: how often the worker looks for due monitors."""
        return float(getattr(settings, "MONITOR_POLL_SECONDS", DEFAULT_POLL_SECONDS))

    def run_once(self) -> int:
        return run_due_monitors()


due_monitors = DueMonitors()
