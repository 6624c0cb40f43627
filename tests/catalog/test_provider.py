"""Provider configuration: precedence, seeding from the environment, encryption at rest."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.db import connection

from tests.fakes import FakeProvider
from vodarr.catalog.models import ProviderSettings
from vodarr.catalog.provider import (
    ProviderConfig,
    ProviderNotConfigured,
    configured_provider,
    provider_client,
    provider_source,
    save_provider_settings,
)
from vodarr.integrations.redact import redact_text
from vodarr.web.logging import RedactingFilter

pytestmark = pytest.mark.django_db
SECRET = "hunter2-very-secret"


def _raw_password_column() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT password_encrypted FROM catalog_providersettings")
        return str(cursor.fetchone()[0])


def test_nothing_configured_means_no_provider() -> None:
    assert configured_provider() is None
    assert provider_source() == "none"


def test_the_environment_is_used_when_settings_hold_no_provider(settings: Any) -> None:
    settings.XTREAM_BASE_URL = "http://env.test"
    settings.XTREAM_USERNAME = "envuser"
    settings.XTREAM_PASSWORD = SECRET

    assert configured_provider() == ProviderConfig("http://env.test", "envuser", SECRET)
    assert provider_source() == "environment"


def test_the_database_wins_over_the_environment(settings: Any) -> None:
    settings.XTREAM_BASE_URL = "http://env.test"
    save_provider_settings("http://db.test", "dbuser", SECRET)

    config = configured_provider()

    assert config is not None and (config.base_url, config.username) == ("http://db.test", "dbuser")
    assert config.password == SECRET
    assert provider_source() == "database"


def test_the_demo_provider_is_reported_as_the_demo(settings: Any) -> None:
    settings.XTREAM_BASE_URL = "http://127.0.0.1:9999"
    settings.VODARR_DEMO_MODE = True

    assert provider_source() == "demo"


def test_the_environment_seeds_the_settings_row_when_it_is_created(settings: Any) -> None:
    settings.XTREAM_BASE_URL = "http://env.test"
    settings.XTREAM_USERNAME = "envuser"
    settings.XTREAM_PASSWORD = SECRET

    row = ProviderSettings.load()

    assert (row.base_url, row.username, row.password) == ("http://env.test", "envuser", SECRET)
    assert row.seeded_from_environment


def test_the_demo_provider_is_never_seeded_into_the_database(settings: Any) -> None:
    settings.XTREAM_BASE_URL = "http://127.0.0.1:9999"
    settings.VODARR_DEMO_MODE = True

    assert ProviderSettings.load().base_url == ""


def test_the_password_is_encrypted_at_rest_and_decrypts_back() -> None:
    save_provider_settings("http://db.test", "dbuser", SECRET)

    raw = _raw_password_column()

    assert SECRET not in raw
    assert raw.startswith("gAAAA")  # a Fernet token
    assert ProviderSettings.load().password == SECRET


def test_a_password_encrypted_under_another_secret_key_asks_to_enter_it_again(
    settings: Any,
) -> None:
    save_provider_settings("http://db.test", "dbuser", SECRET)
    settings.SECRET_KEY = "a-completely-different-secret-key"

    with pytest.raises(ProviderNotConfigured, match="enter it again"):
        provider_client()


def test_no_repr_shows_the_password() -> None:
    save_provider_settings("http://db.test", "dbuser", SECRET)
    config = configured_provider()

    for text in (repr(config), str(config), repr(ProviderSettings.load()), repr(provider_client())):
        assert SECRET not in text


def test_an_empty_password_keeps_the_stored_one() -> None:
    save_provider_settings("http://db.test", "dbuser", SECRET)
    save_provider_settings("http://other.test", "dbuser", None)

    assert ProviderSettings.load().password == SECRET


def test_without_a_provider_the_client_cannot_be_built() -> None:
    with pytest.raises(ProviderNotConfigured):
        provider_client()


def test_one_client_is_reused_until_the_settings_change(
    provider_in_env: FakeProvider, settings: Any
) -> None:
    settings.XTREAM_USER_AGENT = "VodarrTest/1"
    first = provider_client()
    assert provider_client() is first

    save_provider_settings(provider_in_env.base_url, provider_in_env.username, "changed")

    assert provider_client() is not first


def test_the_client_sends_the_configured_user_agent(provider_in_env: FakeProvider) -> None:
    save_provider_settings(
        provider_in_env.base_url, provider_in_env.username, None, user_agent="MyPlayer/2.0"
    )

    client = provider_client()

    assert client._http.headers["User-Agent"] == "MyPlayer/2.0"
    assert client.account().user_info.auth


def test_a_password_saved_in_settings_is_redacted_from_every_log_line(caplog: Any) -> None:
    save_provider_settings("http://panel.example.test", "someone", "saved-in-settings-only")
    provider_client()
    logging.getLogger("vodarr.test").warning("oops: password was saved-in-settings-only here")
    record = caplog.records[-1]
    RedactingFilter().filter(record)
    assert "saved-in-settings-only" not in record.getMessage()
    assert "saved-in-settings-only" not in redact_text("an error said saved-in-settings-only")
