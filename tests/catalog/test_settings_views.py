"""The admin Settings page and its actions: provider, connection tests, sync button."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client

from tests.fakes import FakeProvider
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.catalog.models import ProviderSettings, VodStream
from vodarr.catalog.provider import save_provider_settings

pytestmark = pytest.mark.django_db
SECRET = "p4ss-only-the-server-knows"
JSON = "application/json"


def _page(client: Client) -> dict[str, Any]:
    response = client.get("/settings")
    assert response.status_code == 200
    page: dict[str, Any] = response.json()
    return page


def test_an_admin_sees_the_settings_without_any_password(as_admin: Client, settings: Any) -> None:
    settings.ARIA2_RPC_URL = "http://127.0.0.1:6800/jsonrpc"
    settings.ARIA2_RPC_SECRET = "aria2-secret-token"
    save_provider_settings("http://iptv.test:8080", "alice", SECRET)

    response = as_admin.get("/settings")

    page = response.json()
    assert page["component"] == "settings"
    assert page["props"]["provider"] == {
        "baseUrl": "http://iptv.test:8080",
        "username": "alice",
        "hasPassword": True,
        "userAgent": settings.XTREAM_USER_AGENT,
        "source": "database",
    }
    assert page["props"]["demoMode"] is False
    assert page["props"]["sync"] == {"lastSyncAt": None, "counts": None, "error": None}
    assert page["props"]["aria2"] == {
        "rpcUrl": "http://127.0.0.1:6800/jsonrpc",
        "hasSecret": True,
    }
    assert SECRET.encode() not in response.content
    assert b"aria2-secret-token" not in response.content


def test_members_are_refused_every_settings_route(as_member: Client) -> None:
    assert as_member.get("/settings").status_code == 403
    assert as_member.patch("/settings/provider", {}, content_type=JSON).status_code == 403
    assert as_member.post("/settings/provider/test").status_code == 403
    assert as_member.post("/settings/sync").status_code == 403
    assert as_member.post("/settings/aria2/test").status_code == 403
    assert not ProviderSettings.objects.filter(base_url__gt="").exists()


def test_saving_the_provider_stores_it_and_says_so(as_admin: Client) -> None:
    body = {"base_url": "https://iptv.test/", "username": "alice", "password": SECRET}

    response = as_admin.patch("/settings/provider", body, content_type=JSON)

    assert response.status_code == 303
    row = ProviderSettings.load()
    assert (row.base_url, row.username, row.password) == ("https://iptv.test", "alice", SECRET)
    page = _page(as_admin)
    assert page["props"]["flash"]["success"] == "Provider settings saved."
    assert SECRET not in str(page)


def test_an_empty_password_keeps_the_saved_one(as_admin: Client) -> None:
    save_provider_settings("http://iptv.test", "alice", SECRET)
    body = {"base_url": "http://iptv.test/", "username": "alice", "password": "", "user_agent": "X"}

    as_admin.patch("/settings/provider", body, content_type=JSON)

    row = ProviderSettings.load()
    assert (row.base_url, row.username, row.password) == ("http://iptv.test", "alice", SECRET)
    assert row.user_agent == "X"


@pytest.mark.parametrize(
    "change", [{"base_url": "http://attacker.test"}, {"username": "bob"}], ids=["url", "username"]
)
def test_another_server_or_username_needs_the_password_again(
    as_admin: Client, change: dict[str, str]
) -> None:
    save_provider_settings("http://iptv.test", "alice", SECRET)
    body = {"base_url": "http://iptv.test", "username": "alice", "password": "", **change}

    as_admin.patch("/settings/provider", body, content_type=JSON)

    assert _page(as_admin)["props"]["errors"] == {
        "password": "Enter the password again to use another server URL or username."
    }
    row = ProviderSettings.load()
    assert (row.base_url, row.username) == ("http://iptv.test", "alice")
    as_admin.patch("/settings/provider", {**body, "password": "typed-again"}, content_type=JSON)
    row = ProviderSettings.load()
    assert (row.base_url, row.username, row.password) == (
        body["base_url"],
        body["username"],
        "typed-again",
    )


def test_testing_another_server_never_sends_it_the_saved_password(
    as_admin: Client, fake_provider: FakeProvider
) -> None:
    save_provider_settings("http://iptv.test", fake_provider.username, SECRET)
    elsewhere = {"base_url": fake_provider.base_url, "username": fake_provider.username}

    as_admin.post("/settings/provider/test", elsewhere, content_type=JSON)

    assert _page(as_admin)["props"]["errors"] == {
        "password": "Enter the password again to use another server URL or username."
    }
    assert fake_provider.api_calls() == 0
    as_admin.post(
        "/settings/provider/test",
        {**elsewhere, "password": fake_provider.password},
        content_type=JSON,
    )
    assert _page(as_admin)["props"]["flash"]["success"].startswith("Connected: account active")
    assert ProviderSettings.load().base_url == "http://iptv.test"  # tested, not saved


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("ftp://iptv.test", "must start with http:// or https://"),
        ("http://", "must start with http:// or https://"),
        ("iptv.test", "must start with http:// or https://"),
        ("http://iptv.test/player_api.php?username=a&password=b", "query string"),
        ("", "empty"),
    ],
)
def test_an_unusable_server_url_is_refused(as_admin: Client, base_url: str, expected: str) -> None:
    body = {"base_url": base_url, "username": "alice", "password": SECRET}

    as_admin.patch("/settings/provider", body, content_type=JSON)

    errors = _page(as_admin)["props"]["errors"]
    assert expected in errors["base_url"]
    assert SECRET not in errors["base_url"]
    assert not ProviderSettings.objects.filter(base_url__gt="").exists()


def test_a_first_save_needs_a_username_and_a_password(as_admin: Client) -> None:
    body = {"base_url": "http://iptv.test", "username": "", "password": ""}

    as_admin.patch("/settings/provider", body, content_type=JSON)

    errors = _page(as_admin)["props"]["errors"]
    assert set(errors) == {"username"}
    as_admin.patch("/settings/provider", {**body, "username": "alice"}, content_type=JSON)
    assert set(_page(as_admin)["props"]["errors"]) == {"password"}


def test_api_clients_get_validation_errors_as_json(admin: User) -> None:
    client = Client()
    client.force_login(admin)

    response = client.patch(
        "/settings/provider", {"base_url": "nope", "username": "a"}, content_type=JSON
    )

    assert response.status_code == 422
    assert "base_url" in response.json()["errors"]


def test_a_body_that_is_not_json_is_a_400(as_admin: Client) -> None:
    for method, url in [
        ("patch", "/settings/provider"),
        ("post", "/settings/provider/test"),
        ("post", "/settings/sync"),
        ("post", "/settings/aria2/test"),
    ]:
        response = getattr(as_admin, method)(url, "{not json", content_type=JSON)
        assert response.status_code == 400, url


def test_testing_the_connection_reports_the_account(
    as_admin: Client, provider_in_env: FakeProvider
) -> None:
    expires = int(datetime(2027, 1, 31, 12, tzinfo=UTC).timestamp())
    provider_in_env.set_account(exp_date=expires, max_connections=4, active_cons=2)

    response = as_admin.post("/settings/provider/test")

    assert response.status_code == 303
    assert _page(as_admin)["props"]["flash"]["success"] == (
        "Connected: account active, expires 2027-01-31, 2 of 4 connections in use."
    )


def test_testing_the_connection_with_a_wrong_password_shows_the_error(
    as_admin: Client, fake_provider: FakeProvider
) -> None:
    save_provider_settings(fake_provider.base_url, fake_provider.username, "wrong-password")

    as_admin.post("/settings/provider/test")

    page = _page(as_admin)
    assert "rejected the username or password" in page["props"]["errors"]["provider"]
    assert "wrong-password" not in str(page)


def test_testing_an_expired_account_says_it_is_expired(
    as_admin: Client, provider_in_env: FakeProvider
) -> None:
    provider_in_env.set_account(status="Expired")

    as_admin.post("/settings/provider/test")

    assert "expired" in _page(as_admin)["props"]["errors"]["provider"]


def test_testing_an_unreachable_provider_says_so(as_admin: Client) -> None:
    save_provider_settings("http://127.0.0.1:9", "alice", SECRET)

    as_admin.post("/settings/provider/test")

    # Administrators are told where Vodarr looked, unlike members.
    error = _page(as_admin)["props"]["errors"]["provider"]
    assert "http://127.0.0.1:9 is not reachable" in error


def test_the_sync_button_syncs_and_reports_the_counts(
    as_admin: Client, provider_in_env: FakeProvider
) -> None:
    response = as_admin.post("/settings/sync")

    assert response.status_code == 303
    page = _page(as_admin)
    assert page["props"]["flash"]["success"] == "Catalogue synced: 3 movies, 1 series."
    assert page["props"]["sync"]["counts"]["movies"] == 3
    assert page["props"]["sync"]["lastSyncAt"] is not None
    assert VodStream.objects.count() == 3


def test_the_sync_button_reports_a_provider_failure(
    as_admin: Client, provider_in_env: FakeProvider
) -> None:
    provider_in_env.fail_next_api(count=1, status=503)

    as_admin.post("/settings/sync")

    page = _page(as_admin)
    assert "503" in page["props"]["flash"]["error"]
    assert "503" in page["props"]["sync"]["error"]


def test_the_sync_button_without_a_provider_says_none_is_configured(as_admin: Client) -> None:
    as_admin.post("/settings/sync")

    assert "No provider is configured" in _page(as_admin)["props"]["flash"]["error"]


def test_testing_aria2_when_it_is_down_shows_the_error(as_admin: Client, settings: Any) -> None:
    settings.ARIA2_RPC_URL = "http://127.0.0.1:9/jsonrpc"
    settings.ARIA2_RPC_SECRET = "aria2-secret-token"

    as_admin.post("/settings/aria2/test")

    page = _page(as_admin)
    assert page["props"]["errors"]["aria2"]
    assert "aria2-secret-token" not in str(page)


def test_testing_aria2_without_a_url_says_it_is_not_configured(
    as_admin: Client, settings: Any
) -> None:
    settings.ARIA2_RPC_URL = ""

    as_admin.post("/settings/aria2/test")

    assert "not configured" in _page(as_admin)["props"]["errors"]["aria2"]


@pytest.mark.aria2
def test_testing_a_running_aria2_reports_its_version(
    admin: User, settings: Any, aria2: Any
) -> None:
    settings.ARIA2_RPC_URL = aria2.rpc_url
    settings.ARIA2_RPC_SECRET = aria2.secret
    client = inertia_client(admin)

    client.post("/settings/aria2/test")

    message = _page(client)["props"]["flash"]["success"]
    assert message.startswith("aria2 ")
    assert "is reachable: 0 active, 0 B/s." in message
