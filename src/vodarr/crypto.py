"""Encryption at rest for secrets Vodarr must be able to read back.

The provider password is inside every media URL, and a person's notification URLs carry
tokens for their chat or push accounts: a copied database file or a backup must not hand
them out. Each is stored as a Fernet token whose key is derived from SECRET_KEY, with one
subkey per purpose (a token of one kind cannot be decrypted as another).
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class UndecryptableSecret(Exception):
    """The stored token was written with another SECRET_KEY (or was tampered with)."""


@lru_cache(maxsize=8)
def _fernet(secret_key: str, purpose: bytes) -> Fernet:
    # HKDF/SHA256 turns SECRET_KEY (any length, not a Fernet key) into a dedicated 32-byte
    # subkey: the database alone no longer reveals the secret, and this key shares nothing
    # usable with Django's own signing (sessions, reset links) because the `info` differs.
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
        secret_key.encode("utf-8")
    )
    return Fernet(base64.urlsafe_b64encode(raw))


class SecretBox:
    """Encrypts and decrypts one kind of secret; ``purpose`` names (and separates) its key."""

    def __init__(self, purpose: bytes, undecryptable_message: str) -> None:
        self.purpose = purpose
        self.undecryptable_message = undecryptable_message

    def encrypt(self, plain: str) -> str:
        """A Fernet token for ``plain``; the empty string stays empty (nothing stored)."""
        if not plain:
            return ""
        token = _fernet(settings.SECRET_KEY, self.purpose).encrypt(plain.encode("utf-8"))
        return token.decode("ascii")

    def decrypt(self, token: str) -> str:
        """The plain text behind ``token``; raises ``UndecryptableSecret`` with another key."""
        if not token:
            return ""
        try:
            plain = _fernet(settings.SECRET_KEY, self.purpose).decrypt(token.encode("ascii"))
            return plain.decode("utf-8")
        except (InvalidToken, UnicodeError, ValueError):
            raise UndecryptableSecret(self.undecryptable_message) from None
