"""The one door to aria2 (aria2p's shape: a small API over a 1:1 JSON-RPC client).

Everything that puts a transfer into aria2 goes through ``Aria2Gateway``: ``add`` for new
transfers (a whole batch in one request) and ``readd`` for every second time — a manual
retry, an automatic retry, re-adding what aria2 forgot, a second person starting a failed
file. So the media URL is built in one place, the disk is checked in one place, and a re-add
resets the same fields whoever asked for it.

``readd`` does every check before it changes anything: a refused retry (provider unknown,
disk full, someone else re-added it first) has not touched a file or a row. Then it claims
the transfer with a conditional UPDATE on the GID it read, so of several workers and clicks
exactly one re-adds it, and only then deletes a partial file when asked to start from zero.

The gateway also gives aria2 its global options as Vodarr wants them, in one place
(``apply_global_options``): the admin's speed limit, and a concurrency that never goes above
the provider account's connection limit minus the connections links streamed through Vodarr
hold. Time comes from an injected clock and "never applied" is ``None`` — not ``0.0``,
which a clock counting from boot passes for 300 s after every reboot.

One gateway per process lives on the downloads app config (``gateway()``); tests give each
test a fresh one.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError
from django.db import transaction as db_transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from vodarr.catalog.provider import provider_client
from vodarr.downloads.disk import check_free_space
from vodarr.downloads.events import emit
from vodarr.downloads.models import (
    UNFINISHED_STATUSES,
    EventKind,
    MediaDownloadRef,
    ProviderStream,
    Status,
    Transfer,
    remember_status_changes,
)
from vodarr.downloads.paths import absolute_path, delete_partial_files
from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.errors import Aria2Error, Aria2GidNotFound, Aria2Unreachable
from vodarr.integrations.aria2.types import Aria2Status, DownloadStatus
from vodarr.integrations.xtream.client import XtreamClient
from vodarr.integrations.xtream.errors import XtreamError
from vodarr.site_settings.values import site_values

logger = logging.getLogger("vodarr.downloads")

LIMIT_RECHECK_SECONDS = 300.0
ARIA2_DEFAULT_CONCURRENCY = 5  # aria2's own, for an account without a limit
STOP_POLL_SECONDS = 0.05
STOP_POLLS = 100  # about five seconds


def gateway() -> Aria2Gateway:
    """This process's gateway."""
    gateway: Aria2Gateway = apps.get_app_config("downloads").gateway  # type: ignore[attr-defined]
    return gateway


def wants_pause(transfer_id: int) -> bool:
    """True when the transfer has live requests and every one of them is paused."""
    live = MediaDownloadRef.objects.live().filter(transfer_id=transfer_id)
    return live.exists() and not live.filter(desired_paused=False).exists()


def running_request() -> Exists:
    """Annotation: the transfer has a live request that is not paused."""
    return Exists(
        MediaDownloadRef.objects.live().filter(transfer=OuterRef("pk"), desired_paused=False)
    )


def live_request() -> Exists:
    return Exists(MediaDownloadRef.objects.live().filter(transfer=OuterRef("pk")))


@dataclass(frozen=True)
class _ReadState:
    """What ``readd`` may change, as read: put back as it was when aria2 was unreachable."""

    gid: str
    status: str
    retry_next_at: datetime | None
    stopped_at: datetime | None
    media_key: str | None
    path_key: str | None
    last_error_code: int | None
    last_error_message: str

    @classmethod
    def of(cls, transfer: Transfer) -> _ReadState:
        return cls(**{f.name: getattr(transfer, f.name) for f in fields(cls)})


class Aria2Gateway:
    def __init__(self, *, clock: Callable[[], float] | None = None) -> None:
        self._clock = clock or time.monotonic
        self._lock = threading.Lock()
        self._client: tuple[tuple[str, str], Aria2Client] | None = None
        # (limit, when read) and (options, when applied); None: never, by this process.
        self._account: tuple[int | None, float] | None = None
        self._applied: tuple[dict[str, str], float] | None = None

    # -- the client ---------------------------------------------------------------------------

    @property
    def client(self) -> Aria2Client:
        """A keep-alive client for the configured daemon (rebuilt if the settings change)."""
        if not settings.ARIA2_RPC_URL:
            raise Aria2Unreachable(
                "aria2 is not configured: set ARIA2_RPC_URL, or start Vodarr with `vodarr serve`."
            )
        key = (settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET or "")
        with self._lock:
            if self._client is None or self._client[0] != key:
                if self._client is not None:
                    self._client[1].close()
                client = Aria2Client(settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET or None)
                self._client = (key, client)
            return self._client[1]

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client[1].close()
            self._client = None

    # -- aria2's global options --------------------------------------------------------------

    def account_limit(
        self, xtream: XtreamClient | None = None, *, fresh: bool = False
    ) -> int | None:
        """The provider account's connection limit (None: it sets none), read every 5 minutes.

        A provider that cannot answer leaves the last limit read in force; raises
        ``XtreamError`` only when no limit was ever read.
        """
        now = self._clock()
        cached = self._account
        if not fresh and cached is not None and now - cached[1] < LIMIT_RECHECK_SECONDS:
            return cached[0]
        try:
            limit = (xtream or provider_client()).account().user_info.max_connections
        except XtreamError as error:
            if cached is None:
                raise
            logger.info("The provider's connection limit was not re-read: %s", error.message)
            return cached[0]
        limit = limit if limit and limit > 0 else None
        self._account = (limit, now)
        return limit

    def global_options(
        self, xtream: XtreamClient | None = None, *, fresh_account: bool = False
    ) -> tuple[dict[str, str], bool]:
        """aria2's global options as Vodarr wants them now, and whether the account is known.

        Concurrency: the admin's choice, never above the account's connection limit minus
        the connections links streamed through Vodarr hold (at least 1: aria2 refuses 0).
        Unknown account: concurrency is left as it is, only the speed limit is given.
        """
        values = site_values()
        options = {"max-overall-download-limit": str(values.speed_limit.value)}
        try:
            limit = self.account_limit(xtream, fresh=fresh_account)
        except XtreamError as error:
            logger.info("The provider's connection limit is unknown for now: %s", error.message)
            return options, False
        chosen = values.concurrent_downloads.value
        allowance = chosen or limit or ARIA2_DEFAULT_CONCURRENCY
        if limit is not None:
            streams = ProviderStream.objects.in_use().count()
            allowance = min(allowance, limit - streams)
        options["max-concurrent-downloads"] = str(max(1, allowance))
        return options, True

    def apply_global_options(
        self,
        xtream: XtreamClient | None = None,
        *,
        force: bool = False,
        fresh_account: bool = False,
    ) -> bool:
        """Give aria2 its global options (one changeGlobalOption); True once all are in force.

        Without ``force`` the same options this gateway applied in the last five minutes are
        trusted. False means aria2 did not take them or the account's limit is unknown: the
        caller (the worker, every minute) tries again.
        """
        options, known = self.global_options(xtream, fresh_account=fresh_account)
        now = self._clock()
        applied = self._applied
        if (
            not force
            and applied is not None
            and applied[0] == options
            and now - applied[1] < LIMIT_RECHECK_SECONDS
        ):
            return known
        try:
            self.client.change_global_option(options)
        except Aria2Error as error:
            logger.warning("Could not give aria2 its options %s: %s", options, error.message)
            return False
        self._applied = (options, now)
        return known

    # -- adding -------------------------------------------------------------------------------

    @staticmethod
    def media_url(transfer: Transfer, xtream: XtreamClient | None = None) -> str:
        """The transfer's media URL from the current provider settings; raises XtreamError."""
        xtream = xtream or provider_client()
        if transfer.is_episode:
            return xtream.episode_url(transfer.episode_id or "", transfer.container_extension)
        return xtream.movie_url(transfer.downloadable_id, transfer.container_extension)

    @staticmethod
    def options(transfer: Transfer, gid: str, *, paused: bool = False) -> dict[str, str]:
        """aria2 options for one transfer: our GID, our path, and Vodarr in charge of retries."""
        target = absolute_path(transfer.output_path)
        options = {
            "gid": gid,
            "dir": str(target.parent),
            "out": PurePosixPath(transfer.output_path).name,
            "continue": "true",
            "auto-file-renaming": "false",
            "allow-overwrite": "true",
            # aria2's own retries are off: the worker retries with backoff and keeps the count.
            "max-tries": "1",
            "retry-wait": "0",
            # IPTV accounts limit connections; one connection per download keeps us inside it.
            "split": "1",
            "max-connection-per-server": "1",
            "user-agent": settings.XTREAM_USER_AGENT,
        }
        if paused:
            options["pause"] = "true"
        return options

    def add(self, batch: list[tuple[Transfer, str]]) -> list[str | Aria2Error]:
        """Add new transfers (rows already saved with their GIDs) in ONE aria2 request."""
        return self.client.add_uris(
            [([url], self.options(transfer, transfer.gid)) for transfer, url in batch]
        )

    def readd(
        self,
        transfer: Transfer,
        *,
        restart_from_zero: bool = False,
        fresh_start: bool = False,
        expect: dict[str, Any] | None = None,
    ) -> str | None:
        """Put ``transfer`` into aria2 again under a new GID; returns it, or None if lost.

        None: the transfer changed since it was read (another worker or person re-added it,
        ``expect`` no longer matches). Raises, having changed nothing: ``XtreamError`` (no
        media URL), ``NotEnoughDiskSpace``. Raises ``Aria2Error`` when aria2 refused or was
        unreachable: unreachable puts the row back as it was read; a refusal leaves it in
        error with aria2's message.
        """
        url = self.media_url(transfer)
        remaining = 0 if restart_from_zero else transfer.total_length - transfer.completed_length
        check_free_space(max(0, remaining))
        read = _ReadState.of(transfer)
        paused = wants_pause(transfer.pk)
        gid = new_gid()
        now = timezone.now()
        changes: dict[str, Any] = {
            "gid": gid,
            "status": Status.PAUSED if paused else Status.WAITING,
            "download_speed": 0,
            "retry_next_at": None,
            "finished_at": None,
            "stopped_at": None,
            "updated_at": now,
        }
        if restart_from_zero:
            changes.update(total_length=0, completed_length=0)
        if fresh_start:
            # A person's own retry or start: a new count and a clean slate. An automatic
            # retry keeps both, so the count stays bounded and the reason stays on record.
            changes.update(retry_attempt=0, last_error_code=None, last_error_message="")
        if transfer.is_stopped:  # running again: it holds its media and file again
            transfer.hold()
            changes.update(media_key=transfer.media_key, path_key=transfer.path_key)
        try:
            with db_transaction.atomic():
                claimed = Transfer.objects.filter(
                    pk=transfer.pk, **(expect or {"gid": read.gid})
                ).update(**changes)
        except IntegrityError:
            claimed = 0  # someone else holds this media now: theirs is the one that runs
        if claimed != 1:
            _put_back(transfer, read)
            return None
        for name, value in changes.items():
            setattr(transfer, name, value)
        # The old result is ours to forget: left in aria2's session file it would restart.
        with contextlib.suppress(Aria2Error):
            self.client.remove_download_result(read.gid)
        if restart_from_zero:
            delete_partial_files(transfer.output_path, transfer.file_paths())
        try:
            self.client.add_uri([url], self.options(transfer, gid, paused=paused))
        except Aria2Unreachable:
            Transfer.objects.filter(pk=transfer.pk, gid=gid).update(**asdict(read))
            _put_back(transfer, read)
            raise
        except Aria2Error as error:
            with db_transaction.atomic():
                Transfer.objects.filter(pk=transfer.pk, gid=gid).update(
                    status=Status.ERROR, last_error_message=error.message, updated_at=now
                )
                transfer.status, transfer.last_error_message = Status.ERROR, error.message
                emit(EventKind.FAILED, transfer)  # aria2 refused it: nothing will retry it
            raise
        return gid

    def refresh(self, transfers: list[Transfer]) -> None:
        """Record what aria2 says now about the unfinished ones among ``transfers``.

        A decision about a transfer (join it? re-add it?) must not rest on a status the
        worker has not recorded yet. aria2 being down leaves the recorded state standing.
        """
        unfinished = [t for t in transfers if t.status in UNFINISHED_STATUSES and not t.is_stopped]
        if not unfinished:
            return
        try:
            answers = self.client.tell_statuses([t.gid for t in unfinished])
        except Aria2Error:
            return
        live = {gid: s for gid, s in answers.items() if isinstance(s, DownloadStatus)}
        remember_status_changes(unfinished, live)

    # -- stopping -----------------------------------------------------------------------------

    def stop(self, gid: str) -> DownloadStatus | None:
        """forceRemove ``gid`` and wait (bounded) until aria2 has closed its file.

        Returns aria2's final state, or None when aria2 no longer knows the GID.
        """
        try:
            self.client.force_remove(gid)
        except Aria2GidNotFound:
            return None
        state = None
        # Polls counted rather than timed: no clock to patch, fake or wrap around.
        for _ in range(STOP_POLLS):
            try:
                state = self.client.tell_status(gid)
            except Aria2GidNotFound:
                return None
            if state.status in (Aria2Status.REMOVED, Aria2Status.COMPLETE, Aria2Status.ERROR):
                break
            time.sleep(STOP_POLL_SECONDS)
        return state


def _put_back(transfer: Transfer, read: _ReadState) -> None:
    for name, value in asdict(read).items():
        setattr(transfer, name, value)


def new_gid() -> str:
    """A GID in aria2's format (16 hex digits) that we choose, so the row can exist first."""
    return secrets.token_hex(8)
