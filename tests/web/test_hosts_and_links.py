"""Which Host headers are answered, and where the links in emails point.

A forged Host header must never reach a mailed link: it gets a 400, or the link is built on
BASE_URL whatever the header said.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from vodarr import config
from vodarr.accounts.models import User

pytestmark = pytest.mark.django_db


def ask_for_a_reset(email: str, host: str) -> int:
    response = Client().post(
        "/forgot-password",
        {"email": email},
        content_type="application/json",
        headers={"Host": host},
    )
    return response.status_code


def test_a_forged_host_gets_a_400_and_no_email(member: User) -> None:
    assert ask_for_a_reset(member.email, "evil.example") == 400
    assert mail.outbox == []


def test_a_loopback_host_gets_a_link_on_that_host(member: User) -> None:
    assert ask_for_a_reset(member.email, "localhost:8000") == 302
    assert re.search(r"http://localhost:8000/reset-password/\S+/\S+", mail.outbox[0].body)


def test_with_base_url_set_every_link_uses_it_whatever_the_host(settings, member: User) -> None:
    settings.BASE_URL = "https://vodarr.example.com"
    settings.ALLOWED_HOSTS = ["*"]  # even an operator who let every host in
    ask_for_a_reset(member.email, "evil.example")
    assert re.search(r"https://vodarr\.example\.com/reset-password/\S+/\S+", mail.outbox[0].body)
    assert "evil.example" not in mail.outbox[0].body


def test_a_verification_link_uses_base_url_too(settings, admin: User) -> None:
    settings.BASE_URL = "https://vodarr.example.com"
    Client().post(
        "/register",
        {
            "name": "N",
            "email": "n@example.test",
            "password": "pw-9x!long",
            "password_confirmation": "pw-9x!long",
        },
        content_type="application/json",
    )
    assert "https://vodarr.example.com/email/verify/" in mail.outbox[0].body


def test_allowed_hosts_default_to_loopback_names_host_and_base_url(monkeypatch) -> None:
    monkeypatch.delenv("ALLOWED_HOSTS", raising=False)
    assert config.allowed_hosts("192.168.1.20", "https://tv.example.com") == [
        "localhost",
        "127.0.0.1",
        "[::1]",
        "192.168.1.20",
        "tv.example.com",
    ]
    assert config.allowed_hosts("0.0.0.0", "") == ["localhost", "127.0.0.1", "[::1]"]  # noqa: S104
    assert config.allowed_hosts("::1", "")[-1] == "[::1]"


def test_allowed_hosts_from_the_environment_win(monkeypatch) -> None:
    monkeypatch.setenv("ALLOWED_HOSTS", "tv.example.com, .lan")
    assert config.allowed_hosts("127.0.0.1", "") == ["tv.example.com", ".lan"]


@pytest.mark.parametrize(
    "raw",
    ["vodarr.example.com", "ftp://x.example", "https://x.example/vodarr", "https://x.example/?a=1"],
)
def test_a_base_url_that_is_not_a_site_root_is_a_clear_error(monkeypatch, raw: str) -> None:
    monkeypatch.setenv("BASE_URL", raw)
    with pytest.raises(ValueError, match="BASE_URL must"):
        config.base_url()


def test_a_base_url_is_kept_as_its_origin(monkeypatch) -> None:
    monkeypatch.setenv("BASE_URL", "https://tv.example.com:8443/")
    assert config.base_url() == "https://tv.example.com:8443"
