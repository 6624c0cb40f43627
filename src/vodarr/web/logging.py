"""A logging filter that redacts provider credentials from every record before it is written."""

from __future__ import annotations

import logging

from vodarr.integrations.redact import redact_text


class RedactingFilter(logging.Filter):
    """Formats the record's message, then hides URLs' credentials and configured secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        from django.conf import settings

        secrets = (settings.XTREAM_PASSWORD, settings.ARIA2_RPC_SECRET)
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not lose the log line
            message = str(record.msg)
        record.msg = redact_text(message, secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Tracebacks carry exception messages and locals' reprs: format them here so they
            # are redacted too, instead of by the handler after this filter has run.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text, secrets)
        return True
