"""Encryption at rest for the provider password.

The provider password is inside every media URL, so a copied database file or a backup
must not hand it out. It is stored as a Fernet token whose key is derived from SECRET_KEY.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_KEY_CONTEXT = b"vodarr provider-password v1"


class UndecryptablePassword(Exception):
    """The stored token was written with another SECRET_KEY (or was tampered with)."""


@lru_cache(maxsize=4)
def _fernet(secret_key: str) -> Fernet:
    # HKDF/SHA256 turns SECRET_KEY (any length, not a Fernet key) into a dedicated 32-byte
    # subkey: the database alone no longer reveals the password, and this key shares nothing
    # usable with Django's own signing (sessions, reset links) because the `info` differs.
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_KEY_CONTEXT).derive(
        secret_key.encode("utf-8")
    )
    return Fernet(base64.urlsafe_b64encode(raw))


def encrypt_secret(plain: str) -> str:
    """A Fernet token for ``plain``; the empty string stays empty (nothing stored)."""
    if not plain:
        return ""
    return _fernet(settings.SECRET_KEY).encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt_secret(token: str) -> str:
    """The plain text behind ``token``; raises ``UndecryptablePassword`` with another key."""
    if not token:
        return ""
    try:
        return _fernet(settings.SECRET_KEY).decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError, ValueError):
        raise UndecryptablePassword(
            "The stored provider password cannot be decrypted (was SECRET_KEY changed?); "
            "enter it again in Settings."
        ) from None
