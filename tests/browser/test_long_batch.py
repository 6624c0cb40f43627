"""A long batch in a real browser: the group row brings a dozen episodes and sums up the
rest, "See all" opens the batch on a page of its own, and its tabs count that batch."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import LiveStack, sign_in
from tests.fixtures.browser import screenshot
from tests.fixtures.downloads import make_download
from vodarr.downloads.models import Status

pytestmark = pytest.mark.browser

BROKEN = (2, 4)
GROUP = "The Long Show · Seasons 1\u20133"  # an en dash, as the page writes ranges


def test_a_long_batch_opens_on_its_own_page(page, live_stack: LiveStack) -> None:  # type: ignore[no-untyped-def]
    stack = live_stack
    for season in (1, 2, 3):
        for number in range(1, 11):
            make_download(
                stack.member,
                90,
                episode=(season, number, f"90{season}{number:02d}"),
                title="The Long Show",
                episode_title=f"Chapter {season}-{number}",
                batch="longshow",
                status=Status.ERROR if (season, number) == BROKEN else Status.WAITING,
            )
    sign_in(page, stack, stack.member)

    page.goto(f"{stack.app.url}/downloads")
    group = page.get_by_role("article", name=GROUP)
    group.get_by_text("0 of 30 episodes done").wait_for()
    group.get_by_text("1 failed").wait_for()
    group.get_by_role("button", name="Show the episodes").click()
    group.get_by_text("12 of 30 episodes").wait_for()
    # The failed one is among the dozen shown, beside the first of the queue.
    group.get_by_role("link", name=re.compile(r"S02E04 · Chapter 2-4")).wait_for()
    group.get_by_role("link", name=re.compile(r"S01E01 · Chapter 1-1")).wait_for()
    assert group.get_by_role("link", name=re.compile(r"S03E10")).count() == 0
    screenshot(page, "long-batch-1-group")

    group.get_by_role("link", name="See all 30 episodes").first.click()
    page.wait_for_url(re.compile(r"/downloads\?batch=longshow$"))
    page.get_by_text("every episode started together").wait_for()
    rows = page.get_by_role("list", name="Downloads").get_by_role("article")
    rows.nth(24).wait_for()
    assert rows.count() == 25  # a page of 25, in season and episode order
    page.get_by_text("Showing 1\u201325 of 30").first.wait_for()
    screenshot(page, "long-batch-2-own-page")

    page.get_by_role("link", name=re.compile(r"^Failed")).click()
    page.wait_for_url(re.compile(r"status=failed&batch=longshow"))
    page.get_by_role("list", name="Downloads").get_by_role("article").first.wait_for()
    assert page.get_by_role("list", name="Downloads").get_by_role("article").count() == 1

    page.get_by_role("link", name="← All downloads").click()
    page.wait_for_url(re.compile(r"/downloads$"))
    page.get_by_role("article", name=GROUP).wait_for()
