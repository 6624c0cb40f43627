"""Registration: the first user owns the instance, later users are members who must verify."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from tests.fixtures.users import PASSWORD, inertia_client
from vodarr.accounts.models import Role, User

pytestmark = pytest.mark.django_db


def register(client: Client, email: str, name: str = "Someone", password: str = PASSWORD):
    return client.post(
        "/register",
        {"name": name, "email": email, "password": password, "password_confirmation": password},
        content_type="application/json",
    )


def test_the_first_user_becomes_a_verified_admin() -> None:
    response = register(inertia_client(), "owner@example.test", "Owner")
    assert response.status_code == 302
    assert response["Location"] == "/discover"
    owner = User.objects.get(email="owner@example.test")
    assert owner.role == Role.ADMIN
    assert owner.is_verified
    assert mail.outbox == []


def test_later_users_are_unverified_members_sent_a_verification_link(admin: User) -> None:
    response = register(inertia_client(), "later@example.test", "Later")
    assert response["Location"] == "/email/verify"
    later = User.objects.get(email="later@example.test")
    assert later.role == Role.MEMBER
    assert not later.is_verified
    assert len(mail.outbox) == 1
    assert re.search(r"/email/verify/\S+", mail.outbox[0].body)


def test_the_verification_link_verifies_the_account(admin: User) -> None:
    client = inertia_client()
    register(client, "later@example.test")
    link = re.search(r"https?://[^/]+(/email/verify/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link)
    assert response["Location"] == "/discover"
    assert User.objects.get(email="later@example.test").is_verified


def test_a_tampered_verification_link_is_refused(admin: User) -> None:
    client = inertia_client()
    register(client, "later@example.test")
    link = re.search(r"(/email/verify/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link[:-2] + "xx")
    assert response["Location"] == "/email/verify"
    assert not User.objects.get(email="later@example.test").is_verified


def test_resending_the_verification_email_sends_a_new_link(admin: User) -> None:
    client = inertia_client()
    register(client, "later@example.test")
    response = client.post("/email/verification-notification")
    assert response["Location"] == "/email/verify"
    assert len(mail.outbox) == 2


def test_registration_errors_come_back_as_props_on_the_next_page(admin: User) -> None:
    client = inertia_client()
    client.post(
        "/register",
        {"name": "", "email": "not-an-email", "password": "123", "password_confirmation": "x"},
        content_type="application/json",
    )
    errors = client.get("/register").json()["props"]["errors"]
    assert set(errors) == {"name", "email", "password"}
    assert errors["email"] == "Enter a valid email address."


def test_a_duplicate_email_is_refused(admin: User) -> None:
    client = inertia_client()
    register(client, admin.email.upper())
    assert client.get("/register").json()["props"]["errors"]["email"] == (
        "An account with this email already exists."
    )
    assert User.objects.count() == 1


def test_registration_can_be_closed(settings, admin: User) -> None:
    settings.REGISTRATION_OPEN = False
    client = inertia_client()
    assert client.get("/register")["Location"] == "/login"
    assert (
        client.get("/login").json()["props"]["status"] == "Registration is closed on this server."
    )
    response = register(client, "late@example.test")
    assert response.status_code == 303
    assert not User.objects.filter(email="late@example.test").exists()


def test_registration_is_capped_by_max_users(settings, admin: User) -> None:
    settings.MAX_USERS = 1
    register(inertia_client(), "late@example.test")
    assert User.objects.count() == 1
    page = inertia_client().get("/login").json()
    assert page["props"]["app"]["registrationOpen"] is False


def test_an_api_client_gets_422_with_messages(admin: User) -> None:
    response = Client().post(
        "/register",
        {"name": "X", "email": "bad"},
        content_type="application/json",
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["errors"]["email"] == "Enter a valid email address."


def test_an_email_longer_than_254_characters_is_refused(admin: User) -> None:
    client = inertia_client()
    register(client, "a" * 64 + "@" + "b" * 240 + ".test")
    errors = client.get("/register").json()["props"]["errors"]
    assert errors["email"] == "Email addresses are limited to 254 characters."
    assert User.objects.count() == 1
