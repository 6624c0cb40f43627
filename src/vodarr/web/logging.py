"""A logging filter that redacts secrets from every record before it is written.

Provider credentials ride in media URLs; password-reset and email-verification tokens ride
in the paths of the links Vodarr mails (`LOG_REDACTED_PATH_PREFIXES`), which the web
server's access log and Django's "Not Found" warnings would otherwise write out whole; API
keys are recognised by their shape (`LOG_REDACTED_PATTERNS`) wherever one was pasted.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from vodarr.integrations.redact import REDACTED, redact_text


@cache
def _token_paths(prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(prefix) for prefix in prefixes)
    return re.compile(rf"({alternatives})[^\s\"'?#]+")


@cache
def _shaped_secrets(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def redact_log_text(text: str) -> str:
    """``text`` without provider credentials, configured secrets, link tokens or API keys."""
    from django.conf import settings

    secrets = (settings.XTREAM_PASSWORD, settings.ARIA2_RPC_SECRET)
    text = redact_text(text, secrets)
    pattern = _token_paths(tuple(getattr(settings, "LOG_REDACTED_PATH_PREFIXES", ())))
    if pattern:
        text = pattern.sub(rf"\g<1>{REDACTED}", text)
    shaped = _shaped_secrets(tuple(getattr(settings, "LOG_REDACTED_PATTERNS", ())))
    return shaped.sub(REDACTED, text) if shaped else text


class RedactingFilter(logging.Filter):
    """Formats the record's message, then redacts it (and its traceback) in place."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not lose the log line
            message = str(record.msg)
        record.msg = redact_log_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Tracebacks carry exception messages and locals' reprs: format them here so they
            # are redacted too, instead of by the handler after this filter has run.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
        if record.exc_text:
            record.exc_text = redact_log_text(record.exc_text)
        return True


class CutShortFilter(logging.Filter):
    """A response that stops before its ``Content-Length`` is one line, not a traceback.

    Some bodies are ended on purpose midway (a link revoked while a film plays, a file that
    vanished, a provider that hung up): closing the connection short is how HTTP tells the
    client so, and uvicorn reports it as "Exception in ASGI application" with h11's
    ``LocalProtocolError``. That is expected, not a server fault.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and "Too little data for declared Content-Length" in str(error):
            record.msg = (
                "A response was cut short before its declared length (the client was told)."
            )
            record.args = None
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True
