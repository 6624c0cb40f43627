"""Redirects back to the page a request came from stay on this site, whatever the Referer says."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.fixtures.users import inertia_client, login
from vodarr.accounts.models import User

pytestmark = pytest.mark.django_db


def save_profile(client: Client, member: User, referer: str):  # type: ignore[no-untyped-def]
    return client.patch(
        "/profile",
        {"name": member.name, "email": member.email},
        content_type="application/json",
        headers={"Referer": referer},
    )


def test_a_referer_on_this_site_is_where_the_answer_goes(member: User) -> None:
    response = save_profile(inertia_client(member), member, "http://testserver/profile?tab=2")
    assert response.status_code == 303
    assert response["Location"] == "/profile?tab=2"


@pytest.mark.parametrize(
    "referer",
    [
        "http://testserver//evil.example/x",
        "http://testserver/\\evil.example/x",
        "http://evil.example/profile",
        "javascript:alert(1)",
    ],
)
def test_a_referer_that_leads_elsewhere_falls_back_to_the_page(member: User, referer: str) -> None:
    response = save_profile(inertia_client(member), member, referer)
    assert response["Location"] == "/profile"


def test_next_after_sign_in_cannot_be_a_protocol_relative_url(member: User) -> None:
    response = login(inertia_client(), member.email, next="//evil.example/x")
    assert response["Location"] == "/discover"
