"""The downloads app's door to aria2: one shared client, and the options every download gets."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import PurePosixPath

from django.conf import settings

from vodarr.downloads.paths import absolute_path
from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.errors import Aria2Error, Aria2Unreachable

logger = logging.getLogger("vodarr.downloads")

_lock = threading.Lock()
_client: tuple[tuple[str, str], Aria2Client] | None = None
_concurrency_checked_at = 0.0
CONCURRENCY_RECHECK_SECONDS = 300


def aria2() -> Aria2Client:
    """A process-wide keep-alive client for the configured daemon (rebuilt if settings change)."""
    global _client
    if not settings.ARIA2_RPC_URL:
        raise Aria2Unreachable(
            "aria2 is not configured: set ARIA2_RPC_URL, or start Vodarr with `vodarr serve`."
        )
    key = (settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET)
    with _lock:
        if _client is None or _client[0] != key:
            if _client is not None:
                _client[1].close()
            _client = (key, Aria2Client(settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET or None))
        return _client[1]


def download_options(gid: str, output_path: str) -> dict[str, str]:
    """aria2 options for one download: our GID, our path, and Vodarr in charge of retries."""
    target = absolute_path(output_path)
    return {
        "gid": gid,
        "dir": str(target.parent),
        "out": PurePosixPath(output_path).name,
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


def sync_concurrency_with_account(max_connections: int | None) -> None:
    """Let aria2 run at most as many downloads at once as the provider account allows."""
    global _concurrency_checked_at
    if not max_connections or max_connections < 1:
        return
    now = time.monotonic()
    if now - _concurrency_checked_at < CONCURRENCY_RECHECK_SECONDS:
        return
    try:
        aria2().change_global_option({"max-concurrent-downloads": str(max_connections)})
        _concurrency_checked_at = now
    except Aria2Error as error:
        logger.warning(
            "Could not set aria2's concurrency to %s: %s", max_connections, error.message
        )


def apply_account_concurrency() -> bool:
    """Read the account's connection limit and apply it now; False when that was not possible."""
    global _concurrency_checked_at
    from vodarr.catalog.provider import provider_client
    from vodarr.integrations.xtream import XtreamError

    try:
        limit = provider_client().account().user_info.max_connections
    except XtreamError as error:
        logger.info("The provider's connection limit is unknown for now: %s", error.message)
        return False
    _concurrency_checked_at = 0.0  # force: aria2 may have restarted with its default
    sync_concurrency_with_account(limit)
    return True


def reset_for_tests() -> None:
    global _client, _concurrency_checked_at
    with _lock:
        if _client is not None:
            _client[1].close()
        _client = None
        _concurrency_checked_at = 0.0
