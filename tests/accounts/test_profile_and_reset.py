"""Profile changes, password changes, account deletion and password reset."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.fixtures.users import PASSWORD, inertia_client
from vodarr.accounts.models import User

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "another long passphrase"


def test_changing_the_name_is_saved_with_a_flash(member: User) -> None:
    client = inertia_client(member)
    response = client.patch(
        "/profile", {"name": "Mia M.", "email": member.email}, content_type="application/json"
    )
    assert response.status_code == 303
    member.refresh_from_db()
    assert member.name == "Mia M."
    assert client.get("/profile").json()["props"]["flash"]["success"] == "Profile saved."


def test_changing_the_email_asks_for_verification_again(member: User) -> None:
    client = inertia_client(member)
    client.patch(
        "/profile",
        {"name": member.name, "email": "new@example.test"},
        content_type="application/json",
    )
    member.refresh_from_db()
    assert member.email == "new@example.test"
    assert not member.is_verified
    assert mail.outbox[0].to == ["new@example.test"]


def test_changing_the_password_needs_the_current_one(member: User) -> None:
    client = inertia_client(member)
    body = {
        "current_password": "wrong",
        "password": NEW_PASSWORD,
        "password_confirmation": NEW_PASSWORD,
    }
    client.put("/profile/password", body, content_type="application/json")
    errors = client.get("/profile").json()["props"]["errors"]
    assert errors == {"current_password": "The current password is not correct."}
    body["current_password"] = PASSWORD
    client.put("/profile/password", body, content_type="application/json")
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    assert client.get("/profile").json()["props"]["auth"]["user"] is not None


def test_deleting_the_account_needs_the_password(member: User) -> None:
    client = inertia_client(member)
    client.delete("/profile", {"password": "wrong"}, content_type="application/json")
    assert User.objects.filter(pk=member.pk).exists()
    response = client.delete("/profile", {"password": PASSWORD}, content_type="application/json")
    assert response["Location"] == "/login"
    assert not User.objects.filter(pk=member.pk).exists()


def test_the_last_admin_cannot_delete_their_account(admin: User) -> None:
    client = inertia_client(admin)
    client.delete("/profile", {"password": PASSWORD}, content_type="application/json")
    assert User.objects.filter(pk=admin.pk).exists()
    assert "last administrator" in client.get("/profile").json()["props"]["errors"]["password"]


def test_a_password_reset_link_sets_a_new_password(member: User) -> None:
    client = inertia_client()
    client.post("/forgot-password", {"email": member.email}, content_type="application/json")
    match = re.search(r"/reset-password/([^/\s]+)/(\S+)", mail.outbox[0].body)
    uid, token = match.group(1), match.group(2)
    page = client.get(f"/reset-password/{uid}/{token}").json()
    assert page["component"] == "auth/reset-password"
    assert page["props"]["email"] == member.email
    response = client.post(
        "/reset-password",
        {
            "uid": uid,
            "token": token,
            "password": NEW_PASSWORD,
            "password_confirmation": NEW_PASSWORD,
        },
        content_type="application/json",
    )
    assert response["Location"] == "/login"
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    # A used link stops working: the token is bound to the old password hash.
    assert client.get(f"/reset-password/{uid}/{token}")["Location"] == "/forgot-password"


def test_forgot_password_answers_the_same_for_unknown_emails() -> None:
    client = inertia_client()
    client.post(
        "/forgot-password", {"email": "nobody@example.test"}, content_type="application/json"
    )
    assert mail.outbox == []
    assert (
        client.get("/forgot-password").json()["props"]["status"].startswith("If an account exists")
    )
