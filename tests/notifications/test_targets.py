"""Outside targets in the profile: validated by Apprise, stored encrypted, never shown whole,
one person's only; the "Send test" button shows what the target answered."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.fixtures.users import inertia_client
from tests.monitoring.conftest import api_client
from tests.notifications.conftest import Receiver, closed_url
from vodarr.accounts.models import User
from vodarr.notifications.models import NotificationTarget

pytestmark = pytest.mark.django_db


def add_target(client: Client, url: str, name: str = "Phone"):  # type: ignore[no-untyped-def]
    return client.post(
        "/profile/notifications", {"name": name, "url": url}, content_type="application/json"
    )


def test_a_target_is_stored_encrypted_and_shown_only_redacted(
    as_member: Client, member: User
) -> None:
    url = "tgram://123456789:AAHsecretBotToken/987654"
    assert add_target(as_member, url).status_code == 303

    row = NotificationTarget.objects.get(user=member)
    props = as_member.get("/profile").json()["props"]
    page = str(props)

    assert "AAHsecretBotToken" not in row.url_encrypted
    assert row.url == url
    assert [t["name"] for t in props["notificationTargets"]] == ["Phone"]
    assert props["notificationTargets"][0]["preview"].startswith("tgram://")
    assert "AAHsecretBotToken" not in page
    assert "987654" not in page


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "not a url at all"}, "url"),
        ({"url": "nosuchservice://example.com"}, "url"),
        ({"url": ""}, "url"),
        ({"url": "json://example.com", "name": "x" * 101}, "name"),
        ({"url": "json://example.com", "token": "extra"}, "token"),
    ],
)
def test_a_target_apprise_does_not_understand_is_a_422(
    member: User, body: dict, field: str
) -> None:
    response = api_client(member).post("/profile/notifications", body, "application/json")

    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not NotificationTarget.objects.exists()


def test_send_test_shows_the_targets_answer(
    as_member: Client, member: User, receiver: Receiver
) -> None:
    add_target(as_member, receiver.url, "Webhook")
    add_target(as_member, closed_url(), "Dead end")
    good, bad = NotificationTarget.objects.filter(user=member).order_by("id")

    as_member.post(f"/profile/notifications/{good.pk}/test")
    ok_flash = as_member.get("/profile").json()["props"]["flash"]
    as_member.post(f"/profile/notifications/{bad.pk}/test")
    bad_flash = as_member.get("/profile").json()["props"]["flash"]

    assert receiver.titles() == ["Vodarr test"]
    assert ok_flash["success"].startswith("Test sent to Webhook: ")
    assert "Sent JSON" in ok_flash["success"]
    assert bad_flash["error"].startswith("The test to Dead end failed: ")
    assert "Connection error" in bad_flash["error"]
    bad.refresh_from_db()
    assert bad.last_error


def test_the_answer_never_carries_the_urls_token(member: User, receiver: Receiver) -> None:
    receiver.status = 500
    client = api_client(member)
    add_target(client, receiver.url)
    target = NotificationTarget.objects.get()

    response = client.post(f"/profile/notifications/{target.pk}/test")

    assert response.status_code == 502
    assert "s3cr3t" not in response.json()["message"]


def test_targets_can_be_switched_off_renamed_and_removed_by_their_owner_only(
    member: User, outsider: User
) -> None:
    mine = api_client(member)
    add_target(mine, "json://example.com/hook")
    target = NotificationTarget.objects.get()
    theirs = api_client(outsider)

    assert (
        theirs.patch(
            f"/profile/notifications/{target.pk}", {"enabled": False}, "application/json"
        ).status_code
        == 404
    )
    assert theirs.post(f"/profile/notifications/{target.pk}/test").status_code == 404
    assert theirs.delete(f"/profile/notifications/{target.pk}").status_code == 404
    assert inertia_client(outsider).get("/profile").json()["props"]["notificationTargets"] == []

    mine.patch(
        f"/profile/notifications/{target.pk}",
        {"enabled": False, "name": "Home"},
        "application/json",
    )
    target.refresh_from_db()
    assert (target.enabled, target.name) == (False, "Home")
    assert mine.delete(f"/profile/notifications/{target.pk}").status_code == 200
    assert not NotificationTarget.objects.exists()
