"""The notification jobs the worker runs (``settings.VODARR_WORKER_JOBS``).

Two jobs, two threads: turning transfer events into in-app notifications is quick database
work that must not wait behind a slow outside target; sending to targets may take up to a
timeout per message.
"""

from __future__ import annotations

from django.conf import settings

from vodarr.downloads import events
from vodarr.notifications.delivery import deliver_due
from vodarr.notifications.from_transfers import CONSUMER, notify_transfer_events

DEFAULT_POLL_SECONDS = 2.0


def _poll_seconds() -> float:
    return float(getattr(settings, "VODARR_NOTIFY_POLL_SECONDS", DEFAULT_POLL_SECONDS))


class TransferNotifications:
    def interval_seconds(self) -> float:
        return _poll_seconds()

    def run_once(self) -> int:
        handled = 0
        while count := events.consume(CONSUMER, notify_transfer_events):
            handled += count  # a backlog (a worker that was down) drains in one go
        return handled


class OutsideDeliveries:
    def interval_seconds(self) -> float:
        return _poll_seconds()

    def run_once(self) -> int:
        return deliver_due()


transfer_notifications = TransferNotifications()
outside_deliveries = OutsideDeliveries()
