"""Putting a download back into aria2: same output path, a chosen GID, paused if wanted.

The output path stays the same so aria2 (``continue=true``) resumes the partial file
instead of fetching the first gigabytes again. The media URL is rebuilt from the current
provider settings (the row never stores it: it carries the provider's password).

``Readder`` handles refs aria2 has forgotten (restarted without its session file, result
removed behind our back) while they were unfinished: each is added again, under the same
GID when aria2 accepts it. A ref aria2 never showed this worker and that was written in the
last ``grace_seconds`` is left alone: the web inserts the row a moment before its addUri.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from vodarr.catalog.provider import provider_client
from vodarr.downloads.aria2 import download_options
from vodarr.downloads.models import UNFINISHED_STATUSES, MediaDownloadRef, Status
from vodarr.downloads.paths import UnsafePath, absolute_path
from vodarr.downloads.starting import new_gid
from vodarr.downloads.worker.disk import NotEnoughDiskSpace, check_free_space
from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.errors import Aria2Error, Aria2GidNotFound, Aria2Unreachable
from vodarr.integrations.aria2.types import DownloadStatus
from vodarr.integrations.xtream.errors import XtreamError

logger = logging.getLogger("vodarr.worker")

NEW_REF_GRACE_SECONDS = 10.0


def media_url(ref: MediaDownloadRef) -> str:
    """The ref's media URL from the current provider settings; raises ``XtreamError``."""
    xtream = provider_client()
    if ref.is_episode:
        return xtream.episode_url(ref.episode_id or "", ref.container_extension)
    return xtream.movie_url(ref.downloadable_id, ref.container_extension)


def add_to_aria2(client: Aria2Client, ref: MediaDownloadRef, url: str, gid: str) -> None:
    """addUri with our GID and the ref's output path; paused if the user paused it."""
    options = download_options(gid, ref.output_path)
    if ref.desired_paused:
        options["pause"] = "true"
    client.add_uri([url], options)


def gid_holds_this_file(client: Aria2Client, gid: str, ref: MediaDownloadRef) -> bool | None:
    """After aria2 refused our GID: does it now hold this very download under that GID?

    aria2 answers a taken GID with the same vague "No URI to download." as other refusals,
    so ask it. True: another worker (or the web) re-added it first, nothing to do. False:
    the GID is someone else's. None: aria2 does not know the GID, the refusal was real.
    """
    try:
        state = client.tell_status(gid)
    except Aria2GidNotFound:
        return None
    return _same_file(state, ref)


def _same_file(state: DownloadStatus, ref: MediaDownloadRef) -> bool:
    try:
        wanted = absolute_path(ref.output_path)
    except UnsafePath:
        return False
    return any(f.path and Path(f.path) == wanted for f in state.files)


def is_unreachable(error: Aria2Error) -> bool:
    """aria2 was down for this call: the work stays to do, nothing was decided."""
    return isinstance(error, Aria2Unreachable)


class Readder:
    """Adds forgotten unfinished refs to aria2 again; says each problem once in the log."""

    def __init__(self, grace_seconds: float = NEW_REF_GRACE_SECONDS) -> None:
        self._grace = timedelta(seconds=grace_seconds)
        self._warned: dict[int, str] = {}

    def readd(
        self,
        client: Aria2Client,
        forgotten: list[MediaDownloadRef],
        seen: set[str],
        now: datetime,
    ) -> set[str]:
        """Add each of ``forgotten`` again; returns the GIDs now in aria2.

        ``seen``: GIDs aria2 showed this worker before, i.e. surely forgotten, not new.
        Raises ``Aria2Unreachable`` if aria2 went away meanwhile.
        """
        readded: set[str] = set()
        for ref in forgotten:
            if ref.finished_at is not None:
                continue
            if ref.gid not in seen and ref.updated_at > now - self._grace:
                continue
            try:
                url = media_url(ref)
                check_free_space(max(0, ref.total_length - ref.completed_length))
            except (XtreamError, NotEnoughDiskSpace) as problem:
                self._warn(ref, f"Download {ref.pk} is unknown to aria2 and waits: {problem}")
                continue
            # Claimed by its updated_at as read: of several workers, one adds it.
            claimed = MediaDownloadRef.objects.filter(
                pk=ref.pk,
                gid=ref.gid,
                updated_at=ref.updated_at,
                status__in=UNFINISHED_STATUSES,
                canceled_at__isnull=True,
            ).update(updated_at=now)
            if claimed != 1:
                continue
            gid = self._add_again(client, ref, url, now)
            if gid is not None:
                readded.add(gid)
        return readded

    def _add_again(
        self, client: Aria2Client, ref: MediaDownloadRef, url: str, now: datetime
    ) -> str | None:
        """addUri under the ref's GID, or a new one if that GID is another download's."""
        try:
            add_to_aria2(client, ref, url, ref.gid)
        except UnsafePath as error:
            self._give_up(ref, str(error), now)
            return None
        except Aria2Error as error:
            if is_unreachable(error):
                raise
            holds = gid_holds_this_file(client, ref.gid, ref)
            if holds is None:
                self._give_up(ref, error.message, now)
                return None
            if not holds:
                return self._add_under_new_gid(client, ref, url, now)
            # Otherwise another worker added it again first: nothing left to do.
        self._mark_readded(ref, ref.gid)
        return ref.gid

    def _add_under_new_gid(
        self, client: Aria2Client, ref: MediaDownloadRef, url: str, now: datetime
    ) -> str | None:
        gid = new_gid()
        if MediaDownloadRef.objects.filter(pk=ref.pk, gid=ref.gid).update(gid=gid) != 1:
            return None
        ref.gid = gid
        try:
            add_to_aria2(client, ref, url, gid)
        except Aria2Error as error:
            if is_unreachable(error):
                raise  # the row has its new GID; the next tick finds it forgotten and adds it
            self._give_up(ref, error.message, now)
            return None
        self._mark_readded(ref, gid)
        return gid

    def _mark_readded(self, ref: MediaDownloadRef, gid: str) -> None:
        status = Status.PAUSED if ref.desired_paused else Status.WAITING
        MediaDownloadRef.objects.filter(pk=ref.pk, gid=gid).update(status=status, download_speed=0)
        self._warned.pop(ref.pk, None)
        logger.info(
            "Download %s (%s) was unknown to aria2; added it again to resume %s.",
            ref.pk,
            ref.display_title,
            ref.output_path,
        )

    def _give_up(self, ref: MediaDownloadRef, message: str, now: datetime) -> None:
        """aria2 refuses the download outright: say so on the row instead of looping."""
        logger.warning("Download %s could not be added to aria2 again: %s", ref.pk, message)
        MediaDownloadRef.objects.filter(pk=ref.pk, gid=ref.gid).update(
            status=Status.ERROR,
            dedupe_key=None,
            download_speed=0,
            last_error_code=None,
            last_error_message=message,
            updated_at=now,
        )

    def _warn(self, ref: MediaDownloadRef, message: str) -> None:
        if self._warned.get(ref.pk) != message:
            self._warned[ref.pk] = message
            logger.warning("%s", message)
