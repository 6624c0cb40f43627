"""What a failed connection means, in the words a person reads (the provider's and aria2's
errors say the same thing the same way)."""

from __future__ import annotations

# How the C library's resolver says a host name is unknown, across Linux and BSD libcs.
_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "name resolution",
    "getaddrinfo",
)


def connect_reason(detail: str) -> str | None:
    """ "connection refused", "the host name could not be resolved" or "network unreachable"
    when the error's text (``detail``) says so; None when it says nothing a person can use."""
    text = detail.lower()
    if "refused" in text:
        return "connection refused"
    if any(hint in text for hint in _DNS_HINTS):
        return "the host name could not be resolved"
    if "unreachable" in text:
        return "network unreachable"
    return None
