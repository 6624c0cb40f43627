"""Log lines never carry the tokens of mailed links (or of links to people's devices), in the
access log's format too; a response cut short on purpose is no traceback."""

from __future__ import annotations

import logging
import sys

import h11

from vodarr.web.logging import CutShortFilter, RedactingFilter

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


def test_a_response_cut_short_on_purpose_is_one_line_not_a_traceback() -> None:
    try:
        raise h11.LocalProtocolError("Too little data for declared Content-Length")
    except h11.LocalProtocolError:
        record = logging.LogRecord(
            "uvicorn.error",
            logging.ERROR,
            __file__,
            1,
            "Exception in ASGI application\n",
            None,
            sys.exc_info(),
        )
    other = logging.LogRecord("uvicorn.error", logging.ERROR, __file__, 1, "Boom", None, None)

    assert CutShortFilter().filter(record) and CutShortFilter().filter(other)
    assert (record.levelname, record.exc_info) == ("INFO", None)
    assert "cut short" in record.getMessage()
    assert (other.levelname, other.getMessage()) == ("ERROR", "Boom")


def test_link_tokens_are_hidden_in_access_log_lines() -> None:
    line = redacted(
        ACCESS_FORMAT, "10.0.0.9:5123", "GET", "/dl/Zm9vYmFy-token/2/Film.mp4", "1.1", 206
    )

    assert "Zm9vYmFy" not in line
    assert "/dl/***" in line
