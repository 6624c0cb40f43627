"""The Downloads page for a household, in a real browser: a shared link survives sign-in, a
season started with one click is one group that opens to its episodes, the header badge and
the list follow the live channel without a reload, the Failed tab, and "Retry all failed"."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SHOW, LiveStack
from tests.fixtures.browser import screenshot
from tests.fixtures.users import PASSWORD
from tests.fixtures.waiting import wait_for
from vodarr.downloads.models import MediaDownloadRef

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 860}, "phone": {"width": 390, "height": 844}}


def test_a_season_fails_in_part_and_is_put_right_from_the_downloads_page(
    page, live_stack: LiveStack
) -> None:  # type: ignore[no-untyped-def]
    stack = live_stack
    low_tide = stack.episodes[(1, 2)]
    stack.provider.fail_next("episode", low_tide, count=1, status=404)  # fails for good once

    # A shared link, opened signed out, leads back to itself after sign-in.
    page.goto(f"{stack.app.url}/series/{SHOW}")
    page.wait_for_url(re.compile(r"/login\?next="))
    page.get_by_label("Email").fill(stack.member.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(rf"/series/{SHOW}$"))

    # One click for the season: one group row, live from here on (no reload below).
    page.get_by_role("heading", name="Low Tide").wait_for()  # the title without its code
    page.get_by_role("button", name=re.compile(r"^Download season \(4\)")).click()
    page.wait_for_url(re.compile(r"/downloads$"))
    page.evaluate("window.__sameDocument = true")
    group = page.get_by_role("article", name="Harbour Lights · Season 1")
    group.get_by_text("of 4 episodes done").wait_for()
    badge = page.locator("[data-testid=downloads-badge]:visible")
    badge.get_by_text("1 failed").wait_for()  # the worker recorded the 404; the channel told us
    wait_for(
        lambda: "3 downloading" in (badge.text_content() or ""),
        message=lambda: badge.text_content() or "",
    )
    group.get_by_text("1 failed").wait_for()
    screenshot(page, "household-1-group")

    group.get_by_role("button", name="Show the 4 episodes").click()
    episodes = group.get_by_role("list", name=re.compile("Episodes of"))
    codes = [text.split(" · ")[0] for text in episodes.get_by_role("heading").all_inner_texts()]
    assert codes == ["S01E01", "S01E02", "S01E03", "S01E04"]
    episodes.get_by_text("The provider does not have this file (HTTP 404)").wait_for()
    screenshot(page, "household-2-group-open")

    # The Failed tab lists the failed episode alone; "Retry all failed" puts it right.
    page.get_by_role("navigation", name="Download states").get_by_role(
        "link", name=re.compile(r"^Failed")
    ).click()
    page.wait_for_url(re.compile(r"status=failed"))
    rows = page.get_by_role("list", name="Downloads").get_by_role("article")
    wait_for(lambda: rows.count() == 1, message="only the failed episode listed")
    rows.first.get_by_role("link", name="Harbour Lights · S01E02 · Low Tide").wait_for()
    page.get_by_role("button", name="Retry all failed (1)").click()
    page.get_by_text("1 download retried.").wait_for()
    wait_for(
        lambda: "failed" not in (badge.text_content() or ""),
        message="the failure to leave the header badge",
    )
    failed = MediaDownloadRef.objects.get(user=stack.member, episode=2)
    assert failed.transfer.retry_attempt == 0 and failed.transfer.status in ("waiting", "active")
    assert page.evaluate("window.__sameDocument") is True

    page.goto(f"{stack.app.url}/downloads")
    page.get_by_role("article", name="Harbour Lights · Season 1").wait_for()
    for theme in ("light", "dark"):
        page.evaluate(f"localStorage.setItem('vodarr.theme', '{theme}')")
        for size, viewport in VIEWPORTS.items():
            page.set_viewport_size(viewport)
            page.reload()
            page.get_by_role("article", name="Harbour Lights · Season 1").wait_for()
            screenshot(page, f"household-downloads-{theme}-{size}")
