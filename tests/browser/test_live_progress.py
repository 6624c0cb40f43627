"""The Downloads page moves a throttled download's progress bar without reloading."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LiveStack, sign_in
from tests.fixtures.browser import screenshot
from tests.fixtures.waiting import wait_for
from vodarr.catalog.sync import sync_now

pytestmark = pytest.mark.browser


def test_the_progress_bar_moves_without_a_reload(page, live_stack: LiveStack) -> None:  # type: ignore[no-untyped-def]
    stack = live_stack
    stack.provider.add_movie(77, "Slow Boat", size=6 * 1024 * 1024, year=1950)
    stack.provider.set_throttle("movie", 77, 96 * 1024)
    sync_now()
    sign_in(page, stack, stack.member)
    page.goto(f"{stack.app.url}/movies/77")
    page.get_by_role("button", name="Download").first.click()
    page.wait_for_url("**/downloads")
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads
    bar = page.get_by_role("progressbar").first

    def percent() -> float:
        return float(bar.get_attribute("aria-valuenow") or 0)

    first = wait_for(lambda: percent() or None, timeout=20, message="some progress")
    wait_for(lambda: percent() > first + 2, timeout=30, message="the bar to move on")
    assert page.evaluate("window.__sameDocument") is True
    screenshot(page, "live-progress")
