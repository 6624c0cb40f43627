"""Log lines never carry the tokens of mailed links, in the access log's format too."""

from __future__ import annotations

import logging

from vodarr.web.logging import RedactingFilter

ACCESS_FORMAT = '%s - "%s %s HTTP/%s" %d'  # uvicorn.access's call, arguments apart


def redacted(msg: str, *args: object) -> str:
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, msg, args, None)
    RedactingFilter().filter(record)
    return record.getMessage()


def test_reset_and_verification_tokens_are_hidden_in_access_log_lines() -> None:
    reset = redacted(
        ACCESS_FORMAT, "10.0.0.9:5123", "GET", "/reset-password/MQ/c2h-1a2b3c", "1.1", 200
    )
    assert reset == '10.0.0.9:5123 - "GET /reset-password/*** HTTP/1.1" 200'
    verify = redacted(
        ACCESS_FORMAT, "10.0.0.9:5123", "GET", "/email/verify/eyJ1aWQ:1t:sig?x=1", "1.1", 302
    )
    assert "eyJ1aWQ" not in verify and "/email/verify/***?x=1" in verify


def test_other_paths_are_left_as_they_are() -> None:
    line = redacted(ACCESS_FORMAT, "10.0.0.9:5123", "POST", "/email/verify", "1.1", 302)
    assert line.endswith('"POST /email/verify HTTP/1.1" 302')
    assert redacted("Not Found: /movies/12") == "Not Found: /movies/12"
