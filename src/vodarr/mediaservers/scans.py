"""Finished files become rescans: wanted per library, sent at most once a minute each.

``want_scans`` consumes ``completed`` transfer events (``downloads.events``): each marks
the libraries the file lands in as wanted on every enabled server (Plex is asked which
sections hold movies or shows). ``send_due_scans`` sends a scan for each wanted library
whose last scan is at least ``SCAN_GAP`` old, claiming it with a conditional UPDATE so two
workers never both send it. A season landing episode by episode thus costs one scan now
and one a minute later, not one per episode. A failed scan is tried again a minute later,
``MAX_FAILURES`` times.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from vodarr.crypto import UndecryptableSecret
from vodarr.downloads.models import EventKind, MediaType, TransferEvent
from vodarr.integrations.outbound import OutboundError
from vodarr.mediaservers.clients import ALL, Server, libraries, rescan
from vodarr.mediaservers.models import LibraryScan, MediaServer

logger = logging.getLogger("vodarr.mediaservers")

CONSUMER = "media-server-scans"
SCAN_GAP = timedelta(minutes=1)
MAX_FAILURES = 3


def client_of(server: MediaServer) -> Server:
    return Server(server.kind, server.url, server.token)


def want_scans(events: list[TransferEvent], now: datetime | None = None) -> None:
    """Mark the libraries that finished files land in; no network call for Jellyfin/Emby."""
    media = {_media_of(event) for event in events if event.kind == EventKind.COMPLETED}
    if not media:
        return
    now = now or timezone.now()
    for server in MediaServer.objects.filter(enabled=True):
        for library in _libraries(server, media):
            _want(server, library, now)


def _media_of(event: TransferEvent) -> str:
    if event.transfer is not None:
        return "movie" if event.transfer.downloadable_type == MediaType.VOD_STREAM else "show"
    return "show" if " · S" in event.title else "movie"


def _libraries(server: MediaServer, media: set[str]) -> list[str]:
    if server.kind != "plex":
        return [ALL]
    found: list[str] = []
    try:
        for kind in sorted(media):
            found += libraries(client_of(server), kind)
    except (OutboundError, UndecryptableSecret) as error:
        _failed(server, getattr(error, "message", str(error)))
    return found


def _want(server: MediaServer, library: str, now: datetime) -> None:
    updated = LibraryScan.objects.filter(
        server=server, library=library, wanted_since__isnull=True
    ).update(wanted_since=now, failures=0)
    if updated or LibraryScan.objects.filter(server=server, library=library).exists():
        return
    try:
        with transaction.atomic():
            LibraryScan.objects.create(server=server, library=library, wanted_since=now)
    except IntegrityError:  # another worker made the row a moment ago: it is wanted there
        pass


def send_due_scans(now: datetime | None = None) -> int:
    """Send every scan that is wanted and allowed now; returns how many were sent."""
    now = now or timezone.now()
    due = LibraryScan.objects.filter(
        Q(last_scan_at__isnull=True) | Q(last_scan_at__lte=now - SCAN_GAP),
        wanted_since__isnull=False,
        server__enabled=True,
    ).select_related("server")
    sent = 0
    for scan in due:
        claimed = LibraryScan.objects.filter(
            pk=scan.pk, wanted_since=scan.wanted_since, last_scan_at=scan.last_scan_at
        ).update(wanted_since=None, last_scan_at=now)
        if claimed != 1:
            continue  # another worker sent it
        sent += 1
        _send(scan, now)
    return sent


def _send(scan: LibraryScan, now: datetime) -> None:
    server = scan.server
    try:
        rescan(client_of(server), scan.library)
    except (OutboundError, UndecryptableSecret) as error:
        message = getattr(error, "message", str(error))
        _failed(server, message)
        if scan.failures + 1 < MAX_FAILURES:  # again after the gap
            LibraryScan.objects.filter(pk=scan.pk, wanted_since__isnull=True).update(
                wanted_since=now, failures=scan.failures + 1
            )
        return
    LibraryScan.objects.filter(pk=scan.pk).update(failures=0)
    MediaServer.objects.filter(pk=server.pk).update(last_scan_at=now)


def _failed(server: MediaServer, message: str) -> None:
    logger.warning("Media server %s (%s): %s", server.name, server.kind, message)
    MediaServer.objects.filter(pk=server.pk).update(
        last_error=message, last_error_at=timezone.now()
    )
