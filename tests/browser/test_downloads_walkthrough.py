"""A household evening in a real browser: batch-download episodes, pause, resume, cancel,
and the admin filtering by member — against uvicorn, real aria2c and the fake provider."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SHOW, LiveStack, sign_in, sign_out
from tests.fixtures.browser import screenshot
from tests.fixtures.waiting import wait_for
from vodarr.downloads.models import MediaDownloadRef

pytestmark = pytest.mark.browser


def test_a_member_batch_downloads_and_manages_episodes_and_the_admin_filters(
    page, live_stack: LiveStack
) -> None:  # type: ignore[no-untyped-def]
    stack = live_stack
    sign_in(page, stack, stack.member)

    page.goto(f"{stack.app.url}/series/{SHOW}")
    page.get_by_role("heading", name="Harbour Lights").first.wait_for()
    for code in ("S01E01", "S01E02", "S01E03"):
        page.get_by_label(re.compile(f"Select {code}")).check()
    screenshot(page, "walkthrough-1-series-selection")
    page.get_by_role("button", name="Download 3 episodes").click()
    page.wait_for_url(re.compile(r"/downloads$"))
    page.get_by_text("Downloads started for selected episodes.").first.wait_for()
    assert MediaDownloadRef.objects.filter(user=stack.member).count() == 3
    # Started together: one group row for the season, opening to the episodes in order.
    group = page.get_by_role("article", name="Harbour Lights · Season 1")
    group.get_by_text("0 of 3 episodes done").wait_for()
    group.get_by_role("button", name="Show the 3 episodes").click()
    for title in ("Arrival", "Low Tide", "The Storm"):
        page.get_by_text(re.compile(f"S01E0\\d · {title}")).first.wait_for()
    screenshot(page, "walkthrough-2-downloads")

    # Pause one, then resume it.
    page.get_by_role("button", name=re.compile(r"^Pause .*Arrival")).click()
    page.get_by_role("button", name=re.compile(r"^Resume .*Arrival")).wait_for()
    page.get_by_text("Paused by you").first.wait_for()
    arrival = MediaDownloadRef.objects.get(user=stack.member, episode=1)
    assert arrival.desired_paused
    page.get_by_role("button", name=re.compile(r"^Resume .*Arrival")).click()
    page.get_by_role("button", name=re.compile(r"^Resume .*Arrival")).wait_for(state="detached")
    arrival.refresh_from_db()
    assert not arrival.desired_paused

    # Cancel another and delete its partial file.
    storm = MediaDownloadRef.objects.get(user=stack.member, episode=3)
    partial = stack.aria2.download_root / storm.transfer.output_path
    wait_for(partial.exists, message="the partial file of The Storm")
    page.get_by_role("button", name=re.compile(r"^Cancel.*The Storm")).click()
    page.get_by_label("Also delete the partial file").check()
    page.get_by_role("button", name="Cancel download").click()
    page.get_by_text("Download canceled successfully.").first.wait_for()
    storm.refresh_from_db()
    assert storm.canceled_at is not None
    assert not partial.exists()
    screenshot(page, "walkthrough-3-after-actions")
    sign_out(page, stack.member)

    # The admin sees everyone's downloads and narrows them to the member's.
    sign_in(page, stack, stack.admin)
    page.goto(f"{stack.app.url}/downloads")
    page.get_by_role("button", name=re.compile("owner|everyone|all", re.I)).first.click()
    page.get_by_label(re.compile("Mia Member")).check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(rf"owners={stack.member.pk}"))
    page.get_by_text("Mia Member").first.wait_for()
    screenshot(page, "walkthrough-4-admin-owner-filter")
