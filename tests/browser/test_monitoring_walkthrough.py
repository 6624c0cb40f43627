"""Set and forget in a real browser: monitor a show from its page, find it on Schedules,
run it now after the provider adds an episode, and see that episode arrive on the Downloads
page open in another tab — over the live channel, without a reload.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SHOW, LiveStack, sign_in
from tests.fixtures.browser import screenshot
from vodarr.downloads.models import MediaDownloadRef
from vodarr.monitoring.models import SeriesMonitor

pytestmark = pytest.mark.browser


def test_a_member_monitors_a_show_and_a_new_episode_is_downloaded(  # type: ignore[no-untyped-def]
    page, live_stack: LiveStack
) -> None:
    stack = live_stack
    sign_in(page, stack, stack.member)

    page.goto(f"{stack.app.url}/series/{SHOW}")
    page.get_by_role("button", name="Monitor this series").click()
    form = page.get_by_role("form", name="Monitor this series")
    form.get_by_label("New episodes only", exact=False).check()
    form.get_by_label("How often").select_option("hourly")
    screenshot(page, "monitoring-1-form")
    form.get_by_role("button", name="Start monitoring").click()
    page.get_by_text(re.compile(r"^Monitoring Harbour Lights\.")).first.wait_for()
    monitoring = page.get_by_role("region", name="Monitoring")
    monitoring.get_by_text("Every hour at").wait_for()
    assert SeriesMonitor.objects.get(user=stack.member).schedule == "hourly"
    screenshot(page, "monitoring-2-series-page")

    page.get_by_role("link", name="Schedules").first.click()
    page.wait_for_url(re.compile(r"/schedules$"))
    monitors = page.get_by_role("list", name="Monitors")
    monitors.get_by_role("link", name="Harbour Lights").wait_for()
    downloads = page.context.new_page()  # another tab, left open on the Downloads page
    downloads.goto(f"{stack.app.url}/downloads")
    downloads.get_by_role("heading", name="Downloads").first.wait_for()

    stack.provider.add_episode(SHOW, 1, 5, "Homecoming", size=128 * 1024)
    monitors.get_by_role("button", name="Run now: scan Harbour Lights for new episodes").click()
    page.get_by_text("Harbour Lights: Queued 1 new episode.").first.wait_for()
    page.get_by_role("list", name="Recent scans").get_by_text("1 queued").wait_for()
    screenshot(page, "monitoring-3-schedules")

    downloads.get_by_text(re.compile(r"S01E05 · Homecoming")).first.wait_for()
    assert MediaDownloadRef.objects.get(user=stack.member).episode == 5
    screenshot(downloads, "monitoring-4-downloads")
