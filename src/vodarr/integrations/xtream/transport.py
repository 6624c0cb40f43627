"""How the Xtream client's HTTP is set up: the provider's secrets redacted from the HTTP
libraries' log records and one shared TLS context (what a failed connection means is
``integrations/connecting.py``, shared with aria2's client).

The password travels in every request's query string, so the filter is installed on httpx's
and httpcore's loggers once, when this module is imported (by ``client.py``), and learns each
client's secrets as it is made.
"""

from __future__ import annotations

import functools
import logging
import ssl
import threading

import httpx

from vodarr.integrations.redact import redact_text


class RedactingFilter(logging.Filter):
    """Redacts URLs and known provider secrets in records of the HTTP libraries' loggers."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def remember(self, *secrets: str) -> None:
        with self._lock:
            self._secrets.update(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is the logging module's business, not ours
            return True
        with self._lock:
            secrets = tuple(self._secrets)
        record.msg = redact_text(message, secrets=secrets)
        record.args = None
        return True


log_filter = RedactingFilter()
for _name in (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
):
    logging.getLogger(_name).addFilter(log_filter)


@functools.cache
def tls_context() -> ssl.SSLContext:
    # Loading the CA bundle costs ~80 ms; pages build a client per request, so share one.
    return httpx.create_ssl_context()
