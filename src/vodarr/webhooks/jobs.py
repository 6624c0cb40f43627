"""The worker job (``settings.VODARR_WORKER_JOBS``): new events → deliveries → POSTs.

Its own thread: a receiver that hangs until its timeout holds up nothing else.
"""

from __future__ import annotations

from vodarr.notifications.jobs import DEFAULT_POLL_SECONDS
from vodarr.webhooks.delivery import deliver_due
from vodarr.webhooks.events import collect


class Webhooks:
    def interval_seconds(self) -> float:
        return DEFAULT_POLL_SECONDS

    def run_once(self) -> int:
        collect()
        return deliver_due()


webhooks = Webhooks()
