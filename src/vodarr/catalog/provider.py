"""Which Xtream Codes provider Vodarr talks to, and a client for it."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class ProviderConfig:
    base_url: str
    username: str
    password: str

    def __repr__(self) -> str:  # never show the password, even in a debugger or traceback
        return f"ProviderConfig(base_url={self.base_url!r}, username={self.username!r})"


def configured_provider() -> ProviderConfig | None:
    """The provider from the environment, or None when none is configured."""
    if not settings.XTREAM_BASE_URL:
        return None
    return ProviderConfig(
        settings.XTREAM_BASE_URL, settings.XTREAM_USERNAME, settings.XTREAM_PASSWORD
    )
