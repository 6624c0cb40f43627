"""Provider connections held outside aria2: links streamed through Vodarr count like downloads.

An IPTV account allows a few connections at once, shared by aria2's downloads and by every
link someone is watching through Vodarr's proxy. Two rules keep the total inside the limit:

- a stream is admitted only while a connection is free (aria2's active downloads plus the
  streams already open, counted in the database so every web process sees the others'),
  otherwise it is refused with a sentence (the caller answers 503);
- while streams are open, aria2 may run only what is left (the gateway lowers its
  ``max-concurrent-downloads`` at once, and raises it again when a stream ends), so a
  download queued meanwhile waits instead of taking a stream's connection.

aria2 cannot be told to run zero downloads: when streams hold every connection it keeps one
slot, and a download started then may be refused by the provider — the worker retries it.

A stream's row is renewed while bytes flow and lapses by itself when its process dies; the
worker re-applies aria2's options every minute, which gives such a connection back.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.utils import timezone

from vodarr.downloads.gateway import gateway
from vodarr.downloads.models import ProviderStream
from vodarr.integrations.aria2.errors import Aria2Error
from vodarr.integrations.xtream.errors import XtreamError

logger = logging.getLogger("vodarr.downloads")

LEASE = timedelta(seconds=90)
RENEW_EVERY = timedelta(seconds=30)


class NoConnectionLeft(Exception):
    """Every connection the account allows is in use; ``message`` says so to a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def open_stream(label: str, *, now: datetime | None = None) -> ProviderStream:
    """Take a provider connection for a stream, or raise ``NoConnectionLeft``.

    The row is written first and counted after: of two streams racing for the last
    connection both may be refused, never both admitted.
    """
    now = now or timezone.now()
    try:
        limit = gateway().account_limit()
    except XtreamError:
        limit = None  # the stream itself will say what is wrong with the provider
    stream = ProviderStream.objects.create(label=label[:600], opened_at=now, expires_at=now + LEASE)
    if limit is not None:
        downloads = _active_downloads()
        streams = ProviderStream.objects.in_use(now).count()
        if downloads + streams > limit:
            stream.delete()
            raise NoConnectionLeft(_refusal(limit, downloads, streams - 1))
    _give_aria2_the_rest()
    return stream


def renew(stream: ProviderStream, *, now: datetime | None = None) -> None:
    """Keep the stream's connection counted for another ``LEASE``."""
    ProviderStream.objects.filter(pk=stream.pk).update(expires_at=(now or timezone.now()) + LEASE)


def close_stream(stream: ProviderStream) -> None:
    """The stream ended: its connection goes back to aria2."""
    ProviderStream.objects.filter(pk=stream.pk).delete()
    _give_aria2_the_rest()


def _active_downloads() -> int:
    try:
        return gateway().client.get_global_stat().num_active
    except Aria2Error:
        return 0  # aria2 is down: it holds no connection


def _give_aria2_the_rest() -> None:
    try:
        gateway().apply_global_options()
    except Exception:  # the stream must not fail because aria2 could not be told
        logger.exception("Could not update aria2's concurrency for a stream")


def _refusal(limit: int, downloads: int, streams: int) -> str:
    parts = []
    if downloads:
        parts.append(f"{downloads} by {'a download' if downloads == 1 else 'downloads'}")
    if streams:
        parts.append(f"{streams} by {'a link' if streams == 1 else 'links'} being watched")
    used = f" ({' and '.join(parts)})" if parts else ""
    if limit == 1:
        return f"The provider's only connection is in use{used}. Try again when it is free."
    return (
        f"All {limit} of the provider's connections are in use{used}. Try again when one is free."
    )
