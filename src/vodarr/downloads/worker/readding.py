"""Putting back what aria2 forgot: unfinished transfers it no longer knows.

aria2 forgets a download when it restarts without its session file, or when another client
removes its result. ``Readder`` adds each such transfer again through the gateway's one
re-add (same output path, so aria2 resumes the partial file; a new GID, claimed with a
conditional update so of several workers one adds it; paused if everyone on it paused).

A transfer aria2 never showed this worker and that was written in the last
``grace_seconds`` is left alone: a start commits its row a moment before its addUri.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from vodarr.downloads.disk import NotEnoughDiskSpace
from vodarr.downloads.gateway import Aria2Gateway
from vodarr.downloads.models import Transfer
from vodarr.integrations.aria2.errors import Aria2Error, Aria2Unreachable
from vodarr.integrations.xtream.errors import XtreamError

logger = logging.getLogger("vodarr.worker")

NEW_TRANSFER_GRACE_SECONDS = 10.0


class Readder:
    """Adds forgotten unfinished transfers again; says each problem once in the log."""

    def __init__(self, grace_seconds: float = NEW_TRANSFER_GRACE_SECONDS) -> None:
        self._grace = timedelta(seconds=grace_seconds)
        self._warned: dict[int, str] = {}

    def readd(
        self, aria2: Aria2Gateway, forgotten: list[Transfer], seen: set[str], now: datetime
    ) -> dict[int, str]:
        """Add each of ``forgotten`` again; returns {transfer id: new GID} for those added.

        ``seen``: GIDs aria2 showed this worker before, i.e. surely forgotten, not new.
        Raises ``Aria2Unreachable`` if aria2 went away meanwhile.
        """
        readded: dict[int, str] = {}
        for transfer in forgotten:
            if transfer.finished_at is not None:
                continue
            if transfer.gid not in seen and transfer.updated_at > now - self._grace:
                continue
            old_gid = transfer.gid
            try:
                gid = aria2.readd(transfer, expect={"gid": old_gid, "stopped_at__isnull": True})
            except (XtreamError, NotEnoughDiskSpace) as problem:
                self._warn(
                    transfer, f"Download {transfer.pk} is unknown to aria2 and waits: {problem}"
                )
                continue
            except Aria2Unreachable:
                raise
            except Aria2Error as error:
                logger.warning(
                    "Download %s could not be added to aria2 again: %s", transfer.pk, error.message
                )
                continue
            if gid is None:
                continue  # another worker, or a person, got there first
            readded[transfer.pk] = gid
            self._warned.pop(transfer.pk, None)
            logger.info(
                "Download %s was unknown to aria2; added it again to resume %s.",
                transfer.pk,
                transfer.output_path,
            )
        return readded

    def _warn(self, transfer: Transfer, message: str) -> None:
        if self._warned.get(transfer.pk) != message:
            self._warned[transfer.pk] = message
            logger.warning("%s", message)
