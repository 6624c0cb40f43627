"""aria2's download error codes, in words for people and in a retry decision for the worker.

aria2 reports a failed download as ``errorCode`` (its exit-status table, 0-32) plus a short
``errorMessage``. Codes alone are not enough: aria2 1.36 files HTTP 500/403/429 under 22
("bad response"), 502/503/504 under 29, and a connection reset or refusal under 1 ("unknown"),
so the rules below read the message too. What real aria2c 1.36.0 reported against a local
server, with ``--max-tries=1 --retry-wait=0`` (the embedded defaults):

====================================  =====  =================================================
provider behaviour                    code   errorMessage
====================================  =====  =================================================
HTTP 404                              3      Resource not found
HTTP 502 / 503 / 504                  29     The response status is not successful. status=503
HTTP 500 / 403 / 408 / 429            22     The response status is not successful. status=500
HTTP 401                              24     Authorization failed.
connection reset mid-body             1      No URI available.
connection refused                    1      Failed to establish connection, cause: ...
accepted but never answered           2      Timeout.
unknown host                          19     CUID#41 - Name resolution for HOST failed: ...
====================================  =====  =================================================

"No URI available." means every URI was tried and failed; with a single URI and the HTTP
statuses above carrying their own codes, what is left is a network-level failure, which is
worth retrying.
"""

from __future__ import annotations

import re

from vodarr.integrations.redact import redact_text

ARIA2_ERROR_CODES: dict[int, str] = {
    0: "all downloads were successful",
    1: "an unknown error occurred",
    2: "a timeout occurred",
    3: "the resource was not found",
    4: "the configured number of 'resource not found' errors was reached (--max-file-not-found)",
    5: "the download was aborted because it was too slow (--lowest-speed-limit)",
    6: "a network problem occurred",
    7: "there were unfinished downloads when aria2 was stopped",
    8: "the remote server does not support resuming, which this download needed",
    9: "there was not enough disk space",
    10: "the piece length differs from the one in the .aria2 control file",
    11: "aria2 was already downloading the same file",
    12: "aria2 was already downloading a torrent with the same info hash",
    13: "the file already existed (--allow-overwrite)",
    14: "renaming the file failed (--auto-file-renaming)",
    15: "aria2 could not open the existing file",
    16: "aria2 could not create a new file or truncate the existing one",
    17: "a file I/O error occurred",
    18: "aria2 could not create the directory",
    19: "name resolution failed",
    20: "aria2 could not parse the Metalink document",
    21: "an FTP command failed",
    22: "the HTTP response header was bad or unexpected",
    23: "there were too many redirects",
    24: "HTTP authorization failed",
    25: "aria2 could not parse the bencoded file (usually a .torrent file)",
    26: "the .torrent file was corrupted or missing information",
    27: "the magnet URI was bad",
    28: "a bad or unrecognized option was given, or an option had an unexpected argument",
    29: "the remote server could not handle the request (temporary overload or maintenance)",
    30: "aria2 could not parse the JSON-RPC request",
    31: "reserved (not used)",
    32: "checksum validation failed",
}

# Failures of the network or of an overloaded provider: the same request later may work.
_TRANSIENT_CODES = frozenset({2, 5, 6, 19, 29})
# "Unknown" and "bad HTTP response" cover both kinds; the message decides.
_MESSAGE_DECIDES = frozenset({1, 22})
_TRANSIENT_HTTP = frozenset({408, 425, 429})
_HTTP_STATUS = re.compile(r"\bstatus[=: ]+(\d{3})\b", re.IGNORECASE)
# Xtream panels answer 401/403 both for a dead account and for "too many connections at once".
_CONNECTION_LIMIT = re.compile(
    r"too many (?:open |concurrent )?connections|max(?:imum)?[ _-]?connections"
    r"|connection[ _-]?limit|concurrent (?:streams|connections)|max[ _-]?streams",
    re.IGNORECASE,
)
_NETWORK_HINT = re.compile(
    r"connection|timed? ?out|timeout|no uri available|network|temporar|try again",
    re.IGNORECASE,
)
_NO_URI = re.compile(r"no uri available", re.IGNORECASE)


def mentions_connection_limit(text: str | None) -> bool:
    """Does ``text`` say the account is at its connection limit (in any panel's words)?"""
    return bool(_CONNECTION_LIMIT.search(text or ""))


def http_status_in(message: str | None) -> int | None:
    """The HTTP status aria2 quoted in ``message`` (``status=503``), if any."""
    match = _HTTP_STATUS.search(message or "")
    return int(match.group(1)) if match else None


def _transient_http(status: int, message: str) -> bool:
    if status >= 500 or status in _TRANSIENT_HTTP:
        return True
    return status in (401, 403) and bool(_CONNECTION_LIMIT.search(message))


def is_transient(code: int | None, message: str | None) -> bool:
    """Would retrying the same download later plausibly succeed?

    ``code`` is aria2's ``errorCode`` (``None`` when unknown, 0 for no error).
    """
    text = message or ""
    status = http_status_in(text)
    if code == 0:
        return False
    if code in _TRANSIENT_CODES:
        return True
    if code == 24:
        return bool(_CONNECTION_LIMIT.search(text))
    if code in _MESSAGE_DECIDES or code is None:
        if status is not None:
            return _transient_http(status, text)
        return bool(_CONNECTION_LIMIT.search(text) or _NETWORK_HINT.search(text))
    return False


def _what_happened(code: int | None, text: str) -> str:
    status = http_status_in(text)
    if code == 3 or status == 404:
        return "The provider does not have this file (HTTP 404): it may have been removed."
    if code == 29 or (status is not None and status >= 500):
        shown = f" (HTTP {status})" if status else ""
        return f"The provider's server is overloaded or failing{shown}."
    if status == 429:
        return "The provider is limiting how often we connect (HTTP 429)."
    if status == 408:
        return "The provider gave up waiting for the request (HTTP 408)."
    if code == 24 or status in (401, 403):
        shown = f"HTTP {status}" if status else "HTTP 401"
        if _CONNECTION_LIMIT.search(text):
            return f"The provider refused the connection: the account is at its limit ({shown})."
        return f"The provider refused access ({shown}); the account may be expired or blocked."
    if code == 2:
        return "The provider did not answer in time."
    if code == 19:
        return "The provider's host name could not be resolved."
    if code == 9:
        return "There is not enough free disk space on the server."
    if code == 1 and _NO_URI.search(text):
        return "The connection to the provider dropped before the file was complete."
    if code == 1 and _NETWORK_HINT.search(text):
        return f"The connection to the provider failed ({text.rstrip('.')})."
    if code is not None and code != 1 and code in ARIA2_ERROR_CODES:
        meaning = ARIA2_ERROR_CODES[code]
        return f"{meaning[0].upper()}{meaning[1:]} (aria2 error {code})."
    if text:
        return f"aria2 reported an error: {text.rstrip('.')}."
    return "aria2 reported an unknown error."


def describe_error(code: int | None, message: str | None) -> str:
    """A plain-language sentence about a failed download, ending with whether to retry."""
    text = redact_text(message or "")
    if code == 0 and not text:
        return "The download finished without an error."
    advice = "Retrying may help." if is_transient(code, text) else "Retrying will not help."
    return f"{_what_happened(code, text)} {advice}"
