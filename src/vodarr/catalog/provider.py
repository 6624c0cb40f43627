"""Which Xtream Codes provider Vodarr talks to, and a client for it.

Precedence: the values an admin saved in Settings (the ``ProviderSettings`` row), else the
``XTREAM_*`` environment variables (which ``vodarr serve`` points at the built-in demo when
nothing is configured), else nothing. One ``XtreamClient`` is kept per process and reused
while the configuration stays the same, so its ``vod_info``/``series_info`` cache and its
keep-alive connections serve every request.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.db import OperationalError, ProgrammingError

from vodarr.catalog.models import ProviderSettings
from vodarr.crypto import UndecryptableSecret
from vodarr.integrations.redact import redact_url, remember_secret
from vodarr.integrations.xtream import XtreamClient, XtreamError

logger = logging.getLogger("vodarr.catalog")

SOURCE_DATABASE = "database"
SOURCE_ENVIRONMENT = "environment"
SOURCE_DEMO = "demo"
SOURCE_NONE = "none"


class ProviderNotConfigured(XtreamError):
    """No usable provider: an ``XtreamError`` so every caller's provider-error path shows it."""

    default_permanent = True

    def __init__(
        self,
        message: str = (
            "No provider is configured: enter one in Settings or set "
            "XTREAM_BASE_URL, XTREAM_USERNAME and XTREAM_PASSWORD."
        ),
    ) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class ProviderConfig:
    base_url: str
    username: str
    password: str = field(repr=False)
    user_agent: str = ""

    def __repr__(self) -> str:  # never show the password, even in a debugger or traceback
        return f"ProviderConfig(base_url={self.base_url!r}, username={self.username!r})"


@dataclass(frozen=True)
class _Resolution:
    config: ProviderConfig | None
    source: str
    problem: str = ""


def _resolve() -> _Resolution:
    row: ProviderSettings | None
    try:
        row = ProviderSettings.objects.filter(pk=ProviderSettings.SINGLETON_PK).first()
    except (OperationalError, ProgrammingError):
        row = None  # not migrated yet (`vodarr serve` asks before the first migrate)
    if row is not None and row.base_url:
        problem = ""
        try:
            password = row.password
        except UndecryptableSecret as error:
            password, problem = "", str(error)
        config = ProviderConfig(row.base_url, row.username, password, row.user_agent)
        return _Resolution(config, SOURCE_DATABASE, problem)
    if settings.XTREAM_BASE_URL:
        config = ProviderConfig(
            settings.XTREAM_BASE_URL,
            settings.XTREAM_USERNAME,
            settings.XTREAM_PASSWORD,
            row.user_agent if row is not None else "",
        )
        source = SOURCE_DEMO if settings.VODARR_DEMO_MODE else SOURCE_ENVIRONMENT
        return _Resolution(config, source)
    return _Resolution(None, SOURCE_NONE)


def configured_provider() -> ProviderConfig | None:
    """The provider from Settings, else from the environment, or None when none is configured."""
    return _resolve().config


def provider_source() -> str:
    """Where the provider comes from: "database", "environment", "demo" or "none"."""
    return _resolve().source


_client_lock = threading.Lock()
_client: tuple[tuple[str, str, str, str], XtreamClient] | None = None


def provider_client() -> XtreamClient:
    """A client for the configured provider; raises ``ProviderNotConfigured`` when there is none.

    Raises ``XtreamInvalidURL`` (also an ``XtreamError``) when the configured URL is unusable.
    """
    global _client
    resolution = _resolve()
    config = resolution.config
    if config is None:
        raise ProviderNotConfigured()
    if resolution.problem:
        raise ProviderNotConfigured(resolution.problem)
    remember_secret(config.password)
    user_agent = _user_agent(config)
    key = (config.base_url, config.username, config.password, user_agent)
    with _client_lock:
        if _client is not None and _client[0] == key:
            return _client[1]
        client = XtreamClient(
            config.base_url,
            config.username,
            config.password,
            user_agent=user_agent,
            # Big lists wait on disk: the system temp folder may be RAM (tmpfs).
            spool_dir=settings.DATA_DIR,
        )
        # The previous client is left to the garbage collector instead of being closed: a
        # request in another thread may still be using it.
        _client = (key, client)
        return client


def provider_user_agent() -> str:
    """The User-Agent every request to the provider sends (Settings, else XTREAM_USER_AGENT)."""
    return _user_agent(configured_provider())


def _user_agent(config: ProviderConfig | None) -> str:
    return (config.user_agent if config else "") or settings.XTREAM_USER_AGENT


def forget_client() -> None:
    """Drop the cached client; the next ``provider_client()`` builds a fresh one."""
    global _client
    with _client_lock:
        _client = None


def save_provider_settings(
    base_url: str, username: str, password: str | None, user_agent: str | None = None
) -> ProviderSettings:
    """Store the admin's provider settings. ``password=None`` keeps the password in force.

    Keeping works for a password saved in Settings or given by XTREAM_PASSWORD, never the
    demo's: a real provider must not receive the demo's password.
    """
    row = ProviderSettings.load()
    if password is None:
        resolution = _resolve()
        if resolution.source == SOURCE_DATABASE:
            password = None if not resolution.problem else ""
        elif resolution.source == SOURCE_ENVIRONMENT and resolution.config is not None:
            password = resolution.config.password
        else:
            password = ""
    row.base_url = base_url
    row.username = username
    if password is not None:
        row.password = password
    if user_agent is not None:
        row.user_agent = user_agent
    row.seeded_from_environment = False
    row.save()
    forget_client()
    logger.info("Provider settings saved (provider %s).", redact_url(base_url))
    return row


def password_in_force() -> bool:
    """Whether a password would be used with the provider now (for the ``hasPassword`` prop)."""
    resolution = _resolve()
    return bool(resolution.config and resolution.config.password)
