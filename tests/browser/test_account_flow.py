"""In a real browser: register, verify by the emailed link, sign in, sign out."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.fixtures.browser import screenshot
from tests.fixtures.server import LiveApp
from tests.fixtures.users import PASSWORD
from vodarr.accounts.models import Role, User

pytestmark = pytest.mark.browser


def register(page, app: LiveApp, name: str, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{app.url}/register")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()


def test_a_member_registers_verifies_signs_in_and_out(page, live_app: LiveApp) -> None:  # type: ignore[no-untyped-def]
    User.objects.create_user(
        "owner@example.test", PASSWORD, name="Owner", role=Role.ADMIN, verified=True
    )

    register(page, live_app, "Mia Member", "mia@example.test")
    page.wait_for_url(re.compile(r"/email/verify$"))
    page.get_by_role("button", name=re.compile("Resend", re.I)).wait_for()
    screenshot(page, "account-flow-1-verify-notice")

    link = re.search(r"https?://\S+/email/verify/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.wait_for_url(re.compile(r"/discover$"))
    page.get_by_text("Your email is verified").first.wait_for()
    screenshot(page, "account-flow-2-verified")

    page.get_by_role("button", name=re.compile("Mia Member")).click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/login$"))

    page.get_by_label("Email").fill("mia@example.test")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("These credentials do not match our records.").wait_for()

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/discover$"))
    page.get_by_role("heading", name=re.compile("Mia")).first.wait_for()
    screenshot(page, "account-flow-3-signed-in")
    assert User.objects.get(email="mia@example.test").is_verified

    page.get_by_role("button", name=re.compile("Mia Member")).click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/login$"))
    screenshot(page, "account-flow-4-signed-out")


def test_the_first_person_to_register_becomes_the_admin(page, live_app: LiveApp) -> None:  # type: ignore[no-untyped-def]
    register(page, live_app, "Olive Owner", "olive@example.test")
    page.wait_for_url(re.compile(r"/discover$"))
    assert User.objects.get(email="olive@example.test").role == Role.ADMIN
    page.get_by_role("link", name="Settings").first.wait_for()
