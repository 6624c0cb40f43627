"""A household's evening with links, in a real browser: a member gets a link to a film that
is already on the server and plays its first seconds in Chromium's <video>, hides a category
they never watch, and the admin lowers the download speed limit — against uvicorn, real
aria2c and the fake provider."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.conftest import LiveStack, sign_in, sign_out
from tests.fixtures.browser import screenshot
from tests.fixtures.downloads import make_download
from tests.fixtures.waiting import wait_for
from vodarr.downloads.models import Status
from vodarr.integrations.aria2 import Aria2Client

pytestmark = pytest.mark.browser

FILM = Path(__file__).resolve().parents[1] / "fixtures" / "media" / "tiny.webm"
TINY = 60


def test_a_member_plays_a_link_hides_a_category_and_the_admin_limits_the_speed(
    page, live_stack: LiveStack
) -> None:  # type: ignore[no-untyped-def]
    stack = live_stack
    film = FILM.read_bytes()
    stack.provider.add_movie(TINY, "Tiny Film", ext="webm", size=len(film), year=2024)
    output = "Movies/Tiny Film (2024)/Tiny Film (2024).webm"
    make_download(
        stack.member,
        TINY,
        title="Tiny Film",
        status=Status.COMPLETE,
        hold=True,
        output_path=output,
        total_length=len(film),
        completed_length=len(film),
    )
    target = stack.aria2.download_root / output
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(film)
    sign_in(page, stack, stack.member)

    # A link to the film on the server, played in the browser.
    page.goto(f"{stack.app.url}/movies/{TINY}")
    page.get_by_role("button", name="Get a link").click()
    dialog = page.get_by_role("dialog", name="Your link is ready")
    dialog.wait_for()
    url = dialog.get_by_label("Link").input_value()
    assert re.match(rf"^{re.escape(stack.app.url)}/dl/[\w-]{{40,}}$", url)
    dialog.get_by_role("button", name="Play here").click()
    video = dialog.locator("video")
    video.wait_for()
    wait_for(
        lambda: video.evaluate("v => v.currentTime") > 0.5,
        timeout=15,
        message="the film to play its first seconds",
    )
    assert video.evaluate("v => v.videoWidth") == 96
    screenshot(page, "links-1-playing")
    dialog.get_by_role("button", name="Close").click()
    page.goto(f"{stack.app.url}/links")
    page.get_by_role("heading", name="Tiny Film (2024)").wait_for()

    # Hide a category: its films leave the Movies page.
    page.goto(f"{stack.app.url}/movies")
    page.get_by_role("link", name="Nosferatu").first.wait_for()
    page.get_by_role("link", name="Your categories").click()
    page.get_by_label("Hide Silent Classics").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Categories saved.").first.wait_for()
    screenshot(page, "links-2-categories")
    page.goto(f"{stack.app.url}/movies")
    page.get_by_role("link", name="Detour").first.wait_for()
    assert page.get_by_role("link", name="Nosferatu").count() == 0
    sign_out(page, stack.member)

    # The admin lowers the download speed limit: aria2 has it at once.
    sign_in(page, stack, stack.admin)
    page.goto(f"{stack.app.url}/settings")
    page.get_by_label("Speed limit", exact=True).fill("2")
    page.get_by_role("button", name="Save").nth(1).click()
    page.get_by_text("Server settings saved.").first.wait_for()
    screenshot(page, "links-3-speed-limit")
    with Aria2Client(stack.aria2.rpc_url, stack.aria2.secret) as rpc:
        assert rpc.get_global_option()["max-overall-download-limit"] == str(2 * 1024 * 1024)
