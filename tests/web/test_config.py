"""Configuration from the environment: booleans, the generated secret key, email, SQLite."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from django.db import connection

from vodarr import config
from vodarr.web.email import email_settings_from_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("TRUE", True), (" yes ", True), ("0", False), ("off", False), ("", False)],
)
def test_booleans_accept_the_usual_spellings(monkeypatch, raw: str, expected: bool) -> None:
    monkeypatch.setenv("SOME_FLAG", raw)
    assert config.env_bool("SOME_FLAG") is expected


def test_a_nonsense_boolean_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setenv("SOME_FLAG", "perhaps")
    with pytest.raises(ValueError, match="SOME_FLAG must be one of"):
        config.env_bool("SOME_FLAG")


def test_a_nonsense_number_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setenv("MAX_USERS", "ten")
    with pytest.raises(ValueError, match="MAX_USERS must be a whole number"):
        config.env_int("MAX_USERS")


def test_the_secret_key_is_generated_once_and_kept_private(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("VODARR_DATA_DIR", str(tmp_path))
    first = config.secret_key()
    assert len(first) >= 50
    assert config.secret_key() == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_a_configured_secret_key_wins(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VODARR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert config.secret_key() == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_email_urls_become_smtp_settings() -> None:
    smtp = email_settings_from_url("smtp://me%40mail.test:p%40ss@mail.test:2525?tls=1")
    assert smtp["EMAIL_HOST"] == "mail.test" and smtp["EMAIL_PORT"] == 2525
    assert smtp["EMAIL_HOST_USER"] == "me@mail.test" and smtp["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert smtp["EMAIL_USE_TLS"] is True and smtp["EMAIL_USE_SSL"] is False
    ssl = email_settings_from_url("smtps://mail.test")
    assert ssl["EMAIL_PORT"] == 465 and ssl["EMAIL_USE_SSL"] is True
    assert email_settings_from_url("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_an_unknown_email_scheme_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="EMAIL_URL must start with"):
        email_settings_from_url("carrier-pigeon://coop")


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("only SQLite has a journal mode to check")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
