"""The one door to aria2 (aria2p's shape: a small API over a 1:1 JSON-RPC client).

Everything that puts a transfer into aria2 goes through ``Aria2Gateway``: ``add`` for new
transfers (a whole batch in one request) and ``readd``/``readd_many`` for every second time
— a manual retry, a bulk retry, an automatic retry, re-adding what aria2 forgot, a second
person starting a failed file (``readd.py`` holds the rules). Stopping goes through it too:
``stop_many`` stops any number of transfers in one request.

The gateway also gives aria2 its global options as Vodarr wants them, in one place
(``apply_global_options``): the admin's speed limit, and a concurrency that never goes above
the provider account's connection limit minus the connections links streamed through Vodarr
hold. Time comes from an injected clock and "never applied" is ``None`` — not ``0.0``,
which a clock counting from boot passes for 300 s after every reboot.

One gateway per process lives on the downloads app config (``gateway()``); tests give each
test a fresh one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings

from vodarr.catalog.provider import provider_client
from vodarr.downloads.changes import remember_status_changes
from vodarr.downloads.models import (
    UNFINISHED_STATUSES,
    ProviderStream,
    Transfer,
)
from vodarr.downloads.paths import absolute_path
from vodarr.downloads.readd import Readd, ReaddResult, readd_many
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
STOPPED = frozenset({Aria2Status.REMOVED, Aria2Status.COMPLETE, Aria2Status.ERROR})


def gateway() -> Aria2Gateway:
    """This process's gateway."""
    gateway: Aria2Gateway = apps.get_app_config("downloads").gateway  # type: ignore[attr-defined]
    return gateway


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
        """Put one transfer into aria2 again (``readd_many`` of one); raises what refused it."""
        [result] = self.readd_many(
            [Readd(transfer, restart_from_zero=restart_from_zero, expect=expect)],
            fresh_start=fresh_start,
        )
        if isinstance(result, Exception):
            raise result
        return result

    def readd_many(self, items: list[Readd], *, fresh_start: bool = False) -> list[ReaddResult]:
        """Put transfers into aria2 again under new GIDs (``readd.readd_many``)."""
        return readd_many(self, items, fresh_start=fresh_start)

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
        """``stop_many`` of one, waiting; raises the Aria2Error that refused it."""
        result = self.stop_many([gid], wait=True)[gid]
        if isinstance(result, Aria2Error):
            raise result
        return result

    def stop_many(
        self, gids: list[str], *, wait: bool
    ) -> dict[str, DownloadStatus | Aria2Error | None]:
        """forceRemove ``gids`` in ONE request; with ``wait``, poll until aria2 closed the files.

        Per GID: aria2's final state (None without waiting, or when aria2 no longer knows it),
        or the ``Aria2Error`` that refused it. Raises ``Aria2Error`` when aria2 is unreachable.
        Waiting (a partial file is about to be deleted) costs one more request per poll.
        """
        gids = list(dict.fromkeys(gids))
        if not gids:
            return {}
        answers = self.client.multicall([("aria2.forceRemove", [gid]) for gid in gids])
        results: dict[str, DownloadStatus | Aria2Error | None] = {}
        pending = []
        for gid, answer in zip(gids, answers, strict=True):
            refused = isinstance(answer, Aria2Error) and not isinstance(answer, Aria2GidNotFound)
            results[gid] = answer if refused else None
            if wait and not isinstance(answer, Aria2Error):
                pending.append(gid)
        # Polls counted rather than timed: no clock to patch, fake or wrap around.
        for _ in range(STOP_POLLS):
            if not pending:
                break
            states = self.client.tell_statuses(pending)
            still = []
            for gid in pending:
                state = states.get(gid)
                if isinstance(state, DownloadStatus):
                    results[gid] = state
                    if state.status not in STOPPED:
                        still.append(gid)
            pending = still
            if pending:
                time.sleep(STOP_POLL_SECONDS)
        return results
