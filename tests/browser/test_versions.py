"""Preferred versions in a real browser: a member orders languages and qualities on their
profile, and the film's page starts its Download button on that version."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import LiveStack, sign_in
from tests.fixtures.browser import screenshot
from vodarr.catalog.sync import sync_now
from vodarr.downloads.models import MediaDownloadRef

pytestmark = pytest.mark.browser

FR_4K, EN_FHD = 4, 5


def test_a_member_prefers_english_in_full_hd_and_download_takes_that_version(
    page, live_stack: LiveStack
) -> None:  # type: ignore[no-untyped-def]
    stack = live_stack
    stack.provider.add_movie(FR_4K, "FR| Nosferatu 4K (1922) [MULTI]", year=1922)
    stack.provider.add_movie(EN_FHD, "EN| Nosferatu (1922) FHD", year=1922)
    sync_now()
    sign_in(page, stack, stack.member)

    page.goto(f"{stack.app.url}/movies")
    page.get_by_text("3 versions").first.wait_for()  # one card for the three listings

    page.goto(f"{stack.app.url}/profile")
    card = page.get_by_role("region", name="Preferred versions")
    card.get_by_label("Add a language").select_option("EN")
    card.get_by_role("button", name="Add", exact=True).click()
    card.get_by_role("button", name="Move Full HD (1080p) up").click()
    card.get_by_role("button", name="Save preferences").click()
    page.get_by_text("Preferred versions saved.").first.wait_for()
    assert (
        card.get_by_role("list", name="Preferred qualities").inner_text().startswith("1.\nFull HD")
    )

    page.goto(f"{stack.app.url}/movies/1")
    preferred = page.get_by_role("radio", name=re.compile("FHD · EN"))
    assert preferred.is_checked()
    screenshot(page, "versions-movie-picker")
    page.get_by_role("button", name="Download FHD · EN").click()
    page.wait_for_url(re.compile(r"/downloads$"))
    page.get_by_text("EN| Nosferatu (1922) FHD").first.wait_for()
    [ref] = MediaDownloadRef.objects.filter(user=stack.member).select_related("transfer")
    assert ref.downloadable_id == EN_FHD
    assert ref.transfer.output_path == "Movies/Nosferatu (1922)/Nosferatu (1922) - 1080p EN.mp4"
