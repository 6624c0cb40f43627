"""Who may open what: guests, unverified users, members and admins."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.urls import urlpatterns as app_urls
from vodarr.web.access import admin_required

pytestmark = pytest.mark.django_db


@admin_required
def _admin_only(request: HttpRequest) -> HttpResponse:
    return HttpResponse("secret admin things")


urlpatterns = [*app_urls, path("test-admin-only", _admin_only)]


def test_a_guest_is_sent_to_login_with_the_page_to_come_back_to() -> None:
    response = Client().get("/discover")
    assert response.status_code == 302
    assert response["Location"] == "/login?next=%2Fdiscover"


def test_the_root_sends_guests_to_login_and_users_to_discover(member: User) -> None:
    assert Client().get("/")["Location"] == "/login"
    assert inertia_client(member).get("/")["Location"] == "/discover"


def test_an_unverified_user_is_sent_to_the_verification_notice(make_user) -> None:
    unverified = make_user("New Person", verified=False)
    client = inertia_client(unverified)
    assert client.get("/discover")["Location"] == "/email/verify"
    page = client.get("/email/verify").json()
    assert page["component"] == "auth/verify-email"


def test_a_verified_user_sees_the_app_shell_with_shared_props(member: User) -> None:
    page = inertia_client(member).get("/discover").json()
    assert page["component"] == "discover"
    props = page["props"]
    assert props["auth"]["user"]["email"] == member.email
    assert props["flash"] == {"success": None, "error": None}
    assert props["errors"] == {}
    assert props["app"]["name"] == "Vodarr"


def test_signed_in_users_are_sent_away_from_login_and_register(member: User) -> None:
    client = inertia_client(member)
    assert client.get("/login")["Location"] == "/discover"
    assert client.get("/register")["Location"] == "/discover"


@override_settings(ROOT_URLCONF=__name__)
def test_members_get_403_on_admin_pages(member: User, admin: User) -> None:
    response = inertia_client(member).get("/test-admin-only")
    assert response.status_code == 403
    assert response.json()["props"]["message"] == "Only administrators can open this page."
    assert inertia_client(admin).get("/test-admin-only").content == b"secret admin things"


def test_an_unknown_page_is_a_404_in_the_app_style(member: User) -> None:
    response = inertia_client(member).get("/no-such-page")
    assert response.status_code == 404
    assert response.json()["component"] == "error"


def test_a_wrong_method_is_405_not_500(member: User) -> None:
    assert inertia_client(member).delete("/discover").status_code == 405
