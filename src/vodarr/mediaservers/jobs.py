"""The worker job (``settings.VODARR_WORKER_JOBS``): finished files → wanted scans → scans.

Its own thread: a media server that hangs until its timeout holds up nothing else.
"""

from __future__ import annotations

from vodarr.downloads import events
from vodarr.mediaservers.scans import CONSUMER, send_due_scans, want_scans

POLL_SECONDS = 5.0


class MediaServerScans:
    def interval_seconds(self) -> float:
        return POLL_SECONDS

    def run_once(self) -> int:
        while events.consume(CONSUMER, want_scans):
            pass  # a backlog (a worker that was down) drains in one go
        return send_due_scans()


media_server_scans = MediaServerScans()
