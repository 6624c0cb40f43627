"""API test helpers: a key for a person, and a client that sends it."""

from __future__ import annotations

from typing import Any

from django.test import Client

from vodarr.accounts.models import User
from vodarr.api.keys import create_key


class KeyClient:
    """Django's test client, sending ``X-Api-Key`` (and JSON bodies) on every request."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.client = Client()

    def _headers(self, extra: dict[str, str]) -> dict[str, str]:
        return {"X-Api-Key": self.key, **extra}

    def get(self, path: str, headers: dict[str, str] | None = None) -> Any:
        return self.client.get(path, headers=self._headers(headers or {}))

    def post(self, path: str, body: Any = None) -> Any:
        return self.client.post(
            path, body or {}, content_type="application/json", headers=self._headers({})
        )

    def put(self, path: str, body: Any) -> Any:
        return self.client.put(
            path, body, content_type="application/json", headers=self._headers({})
        )

    def patch(self, path: str, body: Any) -> Any:
        return self.client.patch(
            path, body, content_type="application/json", headers=self._headers({})
        )

    def delete(self, path: str) -> Any:
        return self.client.delete(path, headers=self._headers({}))


def key_client(user: User, name: str = "script") -> KeyClient:
    return KeyClient(create_key(user, name).plain)
