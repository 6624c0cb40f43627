"""Signing in and out, throttling, and bad request bodies on POST /login."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.fixtures.users import PASSWORD, inertia_client, login
from vodarr.accounts.models import User

pytestmark = pytest.mark.django_db


def test_it_signs_in_with_json_and_goes_to_the_app(member: User) -> None:
    client = inertia_client()
    response = login(client, member.email)
    assert response.status_code == 302
    assert response["Location"] == "/discover"
    page = client.get("/discover").json()
    assert page["props"]["auth"]["user"] == {
        "id": member.pk,
        "name": member.name,
        "email": member.email,
        "role": "member",
        "mayDownload": True,
    }


def test_it_signs_in_with_form_fields_and_follows_next(member: User) -> None:
    client = Client()
    response = client.post(
        "/login?next=/profile", {"email": member.email.upper(), "password": PASSWORD}
    )
    assert response["Location"] == "/profile"


def test_it_never_redirects_to_another_site_after_sign_in(member: User) -> None:
    response = login(inertia_client(), member.email, next="https://evil.example/")
    assert response["Location"] == "/discover"


@pytest.mark.parametrize(
    "elsewhere", ["//evil.example/x", "/\\evil.example", "javascript:alert(1)"]
)
def test_no_spelling_of_another_site_is_followed(member: User, elsewhere: str) -> None:
    assert login(inertia_client(), member.email, next=elsewhere)["Location"] == "/discover"


def test_a_shared_link_survives_a_wrong_password_then_sign_in(member: User) -> None:
    client = inertia_client()
    sent_to_login = client.get("/series/104")
    login_url = sent_to_login["Location"]
    assert login_url == "/login?next=%2Fseries%2F104"
    page = client.get(login_url).json()
    assert page["props"]["next"] == "/series/104"

    wrong = client.post(
        "/login",
        {"email": member.email, "password": "nope", "next": "/series/104"},
        content_type="application/json",
        headers={"Referer": f"http://testserver{login_url}"},
    )
    assert wrong["Location"] == login_url  # back to the same page, the link kept

    right = login(client, member.email, next=page["props"]["next"])
    assert right["Location"] == "/series/104"


def test_wrong_credentials_come_back_as_errors_email(member: User) -> None:
    client = inertia_client()
    login(client, member.email, "wrong password")
    page = client.get("/login").json()
    assert page["props"]["errors"] == {"email": "These credentials do not match our records."}
    assert page["props"]["auth"]["user"] is None


def test_without_remember_me_the_session_ends_with_the_browser(member: User) -> None:
    client = inertia_client()
    login(client, member.email)
    assert client.session.get_expire_at_browser_close()
    client = inertia_client()
    login(client, member.email, remember=True)
    assert not client.session.get_expire_at_browser_close()


def test_login_is_throttled_after_five_failures_per_email_and_address(member: User) -> None:
    client = inertia_client()
    for _ in range(5):
        login(client, member.email, "wrong password")
    login(client, member.email)  # the right password no longer helps during the lockout
    page = client.get("/login").json()
    assert page["props"]["errors"]["email"].startswith("Too many sign-in attempts.")
    assert page["props"]["auth"]["user"] is None
    other_address = inertia_client()
    other_address.defaults["REMOTE_ADDR"] = "10.9.8.7"
    assert login(other_address, member.email)["Location"] == "/discover"


def test_a_successful_login_clears_the_failure_count(member: User) -> None:
    client = inertia_client()
    for _ in range(4):
        login(client, member.email, "wrong password")
    assert login(client, member.email)["Location"] == "/discover"
    client.post("/logout")
    for _ in range(4):
        login(client, member.email, "wrong password")
    assert login(client, member.email)["Location"] == "/discover"


def test_logout_signs_out(member: User) -> None:
    client = inertia_client(member)
    response = client.post("/logout")
    assert response["Location"] == "/login"
    assert client.get("/discover")["Location"].startswith("/login")


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("[1, 2, 3]", "application/json", 400),
        ('"just a string"', "application/json", 400),
        ("\xff\xfe", "application/json", 400),
        ("<xml/>", "application/xml", 415),
    ],
)
def test_a_malformed_body_gets_a_4xx_with_a_message(
    body: str, content_type: str, status: int
) -> None:
    response = Client().post("/login", body, content_type=content_type)
    assert response.status_code == status
    assert response.json()["message"]


@pytest.mark.parametrize(
    "payload",
    [{"email": 5, "password": "x"}, {"email": None}, {"email": ["a"], "password": {"b": 1}}, {}],
)
def test_wrong_field_types_get_readable_errors_not_500(payload: dict) -> None:
    response = Client().post(
        "/login", payload, content_type="application/json", headers={"Accept": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["errors"]["email"]


def test_a_form_post_with_missing_fields_redirects_back_with_errors() -> None:
    client = Client()
    response = client.post("/login", {"email": ""})
    assert response.status_code == 303
    assert client.session["_vodarr_errors"]["email"] == "Enter your email address."


def test_csrf_is_enforced_on_login() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login", {"email": "a@b.test", "password": "x"})
    assert response.status_code == 419


def test_the_csrf_cookie_is_echoed_in_the_x_xsrf_token_header(member: User) -> None:
    client = Client(enforce_csrf_checks=True, headers={"X-Inertia": "true"})
    client.get("/login")
    token = client.cookies["XSRF-TOKEN"].value
    response = client.post(
        "/login",
        {"email": member.email, "password": PASSWORD},
        content_type="application/json",
        headers={"X-XSRF-TOKEN": token},
    )
    assert response["Location"] == "/discover"
