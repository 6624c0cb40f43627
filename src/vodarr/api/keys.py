"""Making, checking and revoking API keys.

A key is ``vdr_`` and 43 characters of ``secrets.token_urlsafe(32)`` (256 random bits). The
fixed prefix lets the log filter recognise a key wherever one turns up (a pasted URL, an
error message) and redact it.

Stored as HMAC-SHA256 keyed with a subkey of SECRET_KEY, not bcrypt/argon2: those are slow
on purpose so that guessing a *low-entropy* password from its hash is expensive, but nobody
can guess 256 random bits, and a slow hash would cost every API call tens of milliseconds.
The HMAC (rather than a bare SHA-256) means a copied database alone does not even let
someone check a candidate key offline. Lookup is by digest (unique index), so checking a
key is one indexed query and compares no secrets in Python.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from vodarr.accounts.models import User
from vodarr.api.models import ApiKey

PREFIX = "vdr_"
KEY_PATTERN = re.compile(r"vdr_[A-Za-z0-9_-]{43}")
MAX_KEYS = 20
MAX_NAME = 100
# "Last used" is a hint for the person, not an audit log: writing it on every call would
# make each API request a database write, so it moves at most once a minute.
LAST_USED_PRECISION = timedelta(minutes=1)


class ApiKeyRefused(Exception):
    """A key could not be made; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class NewKey:
    key: ApiKey
    plain: str  # shown once, never stored


def digest(plain: str) -> str:
    secret = hashlib.sha256(b"vodarr api-key v1:" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(secret, plain.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


def create_key(user: User, name: str) -> NewKey:
    """A new key for ``user``; raises ``ApiKeyRefused`` for a bad name or too many keys."""
    name = " ".join(name.split())
    if not name:
        raise ApiKeyRefused("Give the key a name, like “Home Assistant”.")
    if len(name) > MAX_NAME:
        raise ApiKeyRefused(f"The name is too long: at most {MAX_NAME} characters.")
    if ApiKey.objects.filter(user=user).count() >= MAX_KEYS:
        raise ApiKeyRefused(f"You have {MAX_KEYS} keys already: revoke one you no longer use.")
    plain = PREFIX + secrets.token_urlsafe(32)
    key = ApiKey.objects.create(user=user, name=name, prefix=plain[:8], digest=digest(plain))
    return NewKey(key, plain)


def owner_of(plain: str) -> ApiKey | None:
    """The key's row (with its user) when ``plain`` is a live key of an active person."""
    if not KEY_PATTERN.fullmatch(plain):
        return None  # not even shaped like a key: no query
    key = ApiKey.objects.select_related("user").filter(digest=digest(plain)).first()
    if key is None or not key.user.is_active:
        return None
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_PRECISION:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    return key


def keys_of(user: User) -> list[dict[str, object]]:
    """The profile card's list: names and dates, never a key."""
    return [
        {
            "id": key.pk,
            "name": key.name,
            "prefix": key.prefix,
            "createdAt": key.created_at.isoformat(),
            "lastUsedAt": key.last_used_at.isoformat() if key.last_used_at else None,
        }
        for key in ApiKey.objects.filter(user=user)
    ]


def revoke(user: User, key_id: int) -> ApiKey | None:
    """Delete one of the person's own keys; None when they have no such key."""
    key = ApiKey.objects.filter(user=user, pk=key_id).first()
    if key is not None:
        key.delete()
    return key
