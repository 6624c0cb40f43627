"""Signing a webhook's body so its receiver can trust it, and refuse a replay.

``X-Vodarr-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>`` —
Stripe's scheme, which receivers already know how to check: recompute the HMAC over the
timestamp and the raw body with the hook's secret, compare in constant time, and refuse a
timestamp more than a few minutes old (a captured request cannot be replayed later). Each
attempt is signed afresh, so a retry carries its own time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

HEADER = "X-Vodarr-Signature"
SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(24)


def signature(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, body: bytes, header: str, now: int, tolerance: int = 300) -> bool:
    """What a receiver does (and the tests check): the signature matches and is recent."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > tolerance:
        return False
    expected = signature(secret, body, timestamp).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))
