"""The API in a browser: its documentation page under the strict CSP, and a key's life in
Profile (made, shown once, used, revoked)."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.fixtures.browser import screenshot
from tests.fixtures.server import LiveApp
from tests.fixtures.users import PASSWORD
from vodarr.accounts.models import User

pytestmark = pytest.mark.browser


def test_the_api_docs_render_under_the_content_security_policy(page, live_app: LiveApp) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    answer = page.goto(f"{live_app.url}/api/v1/docs")
    assert answer.status == 200
    assert "script-src" in answer.headers["content-security-policy"]
    page.get_by_text("Vodarr API", exact=False).first.wait_for()
    page.get_by_text("/api/v1/downloads/movies/{stream_id}").first.wait_for()
    screenshot(page, "api-docs")
    assert errors == []


def test_a_key_made_in_profile_is_shown_once_works_and_is_revoked(page, live_app: LiveApp) -> None:  # type: ignore[no-untyped-def]
    person = User.objects.create_user("kay@example.test", PASSWORD, name="Kay", verified=True)
    page.goto(f"{live_app.url}/login")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/discover$"))
    page.goto(f"{live_app.url}/profile")
    page.get_by_label("Key name").fill("Home Assistant")
    page.get_by_role("button", name="Create key").click()
    key = page.get_by_label("New API key").input_value()
    assert key.startswith("vdr_")
    screenshot(page, "profile-new-api-key")
    answer = httpx.get(f"{live_app.url}/api/v1/downloads", headers={"X-Api-Key": key})
    assert answer.status_code == 200

    page.reload()
    assert page.get_by_label("New API key").count() == 0  # shown once
    page.get_by_role("button", name="Revoke Home Assistant").click()
    page.get_by_text("revoked").first.wait_for()
    answer = httpx.get(f"{live_app.url}/api/v1/downloads", headers={"X-Api-Key": key})
    assert answer.status_code == 401
