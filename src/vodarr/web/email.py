"""Email delivery: SMTP from `EMAIL_URL`, or messages written to the server log when unset."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

logger = logging.getLogger("vodarr.email")


class LogEmailBackend(BaseEmailBackend):
    """Writes each message, links included, to the log so a fresh install works without SMTP."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            logger.info("Email to %s: %s\n%s", ", ".join(message.to), message.subject, message.body)
        return len(email_messages)


def email_settings_from_url(url: str) -> dict[str, Any]:
    """Translate `smtp://user:pass@host:587?tls=1`, `smtps://…` or `console://` to settings."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "log":
        return {"EMAIL_BACKEND": "vodarr.web.email.LogEmailBackend"}
    if scheme not in {"smtp", "smtps"}:
        raise ValueError("EMAIL_URL must start with smtp://, smtps://, console:// or log://.")
    query = parse_qs(parts.query)
    use_tls = query.get("tls", ["0"])[0].lower() in {"1", "true", "yes"}
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if scheme == "smtps" else 587 if use_tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": scheme == "smtps",
        "EMAIL_USE_TLS": use_tls and scheme != "smtps",
        "EMAIL_TIMEOUT": 15,
    }
