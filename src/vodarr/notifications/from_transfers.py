"""Transfer events become notifications: a download finished, or failed for good.

The worker hands this consumer each event once (``downloads.events.consume``); every person
who had asked for the file gets one notification.
"""

from __future__ import annotations

from vodarr.downloads.models import EventKind, TransferEvent
from vodarr.integrations.redact import redact_text
from vodarr.notifications.models import Kind
from vodarr.notifications.services import notify

CONSUMER = "notifications"
DOWNLOADS_URL = "/downloads"


def notify_transfer_events(events: list[TransferEvent]) -> None:
    for event in events:
        if event.kind == EventKind.COMPLETED:
            notify(
                event.user_ids,
                Kind.DOWNLOAD_COMPLETE,
                f"Downloaded: {event.title}",
                "The file is ready in your library.",
                DOWNLOADS_URL,
            )
        elif event.kind == EventKind.FAILED:
            notify(
                event.user_ids,
                Kind.DOWNLOAD_FAILED,
                f"Download failed: {event.title}",
                _reason(event),
                DOWNLOADS_URL,
            )


def _reason(event: TransferEvent) -> str:
    message = str(event.data.get("message") or "")
    if not message and event.transfer is not None:
        message = event.transfer.last_error_message
    # aria2's messages may quote the media URL, which holds the provider's credentials.
    return redact_text(message) or "It will not be retried automatically; you can retry it."
