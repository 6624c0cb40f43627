"""The API's documentation page renders Swagger UI under the app's strict CSP."""

from __future__ import annotations

import pytest

from tests.fixtures.browser import screenshot
from tests.fixtures.server import LiveApp

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
