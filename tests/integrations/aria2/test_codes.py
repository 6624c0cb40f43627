"""aria2 error codes: the table, the retry decision and the sentences shown to people.

The messages below are what real aria2c 1.36.0 reported (see the ``codes`` module docstring);
``test_failures.py`` checks the same rules against the live daemon.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vodarr.integrations.aria2 import ARIA2_ERROR_CODES, describe_error, is_transient

BAD_STATUS = "The response status is not successful. status={}"


def test_the_table_covers_every_aria2_code_from_0_to_32() -> None:
    assert sorted(ARIA2_ERROR_CODES) == list(range(33))
    assert "disk space" in ARIA2_ERROR_CODES[9]
    assert "overload" in ARIA2_ERROR_CODES[29]


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (2, "Timeout."),
        (5, "Too slow Downloading speed: 0 <= 100(B/s)"),
        (6, "Network problem has occurred."),
        (19, "CUID#41 - Name resolution for provider.example failed:Domain name not found"),
        (29, BAD_STATUS.format(503)),
        (29, BAD_STATUS.format(502)),
        (29, BAD_STATUS.format(504)),
        (22, BAD_STATUS.format(500)),
        (22, BAD_STATUS.format(429)),
        (22, BAD_STATUS.format(408)),
        (1, "No URI available."),
        (1, "Failed to establish connection, cause: Connection refused"),
        (1, "Failed to receive data, cause: Connection reset by peer"),
        (1, "The operation timed out"),
        (22, BAD_STATUS.format(403) + " Too many connections"),
        (24, "Authorization failed. Max connections reached"),
    ],
)
def test_it_treats_network_and_overload_failures_as_transient(code: int, message: str) -> None:
    assert is_transient(code, message) is True


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (0, ""),
        (3, "Resource not found"),
        (9, "There is not enough space on the disk."),
        (13, "File already exists."),
        (16, "Failed to make the directory"),
        (17, "File I/O error"),
        (18, "Failed to create directory"),
        (28, "We encountered a problem while processing the option '--max-tries'."),
        (24, "Authorization failed."),
        (22, BAD_STATUS.format(403)),
        (22, BAD_STATUS.format(401)),
        (22, BAD_STATUS.format(410)),
        (1, "Download aborted."),
        (1, "total length mismatch. expected: 2000000, actual: 200000"),
        # A 404 stays permanent even if the message happens to mention a connection.
        (3, "Resource not found (connection closed)"),
    ],
)
def test_it_treats_missing_files_full_disks_and_refusals_as_permanent(
    code: int, message: str
) -> None:
    assert is_transient(code, message) is False


def test_it_decides_from_the_message_alone_when_the_code_is_unknown() -> None:
    assert is_transient(None, BAD_STATUS.format(503)) is True
    assert is_transient(None, "Connection reset by peer") is True
    assert is_transient(None, BAD_STATUS.format(404)) is False
    assert is_transient(None, None) is False


@pytest.mark.parametrize(
    ("code", "message", "sentence"),
    [
        (
            29,
            BAD_STATUS.format(503),
            "The provider's server is overloaded or failing (HTTP 503). Retrying may help.",
        ),
        (3, "Resource not found", "(HTTP 404): it may have been removed. Retrying will not"),
        (9, "", "There is not enough free disk space on the server. Retrying will not help."),
        (1, "No URI available.", "dropped before the file was complete. Retrying may help."),
        (22, BAD_STATUS.format(403), "refused access (HTTP 403)"),
        (22, BAD_STATUS.format(429), "(HTTP 429). Retrying may help."),
        (2, "Timeout.", "did not answer in time. Retrying may help."),
        (19, "Name resolution failed", "host name could not be resolved. Retrying may help."),
        (28, "bad option", "unrecognized option"),
    ],
)
def test_it_describes_failures_in_plain_language(code: int, message: str, sentence: str) -> None:
    assert sentence in describe_error(code, message)


def test_it_never_quotes_a_media_url_when_describing() -> None:
    url = "http://provider.example/movie/alice/S3cr3tPass/42.mp4"
    text = describe_error(1, f"Failed to establish connection to {url}")
    assert "S3cr3tPass" not in text
    assert "Retrying may help." in text


@given(st.one_of(st.none(), st.integers(-5, 40)), st.one_of(st.none(), st.text(max_size=80)))
def test_it_always_answers_with_a_sentence_that_says_whether_to_retry(
    code: int | None, message: str | None
) -> None:
    text = describe_error(code, message)
    transient = is_transient(code, message)
    if code == 0 and not message:
        assert text == "The download finished without an error."
    else:
        assert text.endswith("Retrying may help." if transient else "Retrying will not help.")
