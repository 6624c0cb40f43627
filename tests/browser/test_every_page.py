"""Every page renders without a script error, in light and dark, on a desktop and a phone,
and passes the axe-core accessibility rules (contrast, labels, landmarks…) in both themes.

The screenshots land in test-artifacts/screenshots/pages/ for a person to look through; a
few are kept under docs/screenshots/ for the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.conftest import SHOW, LiveStack, sign_in
from tests.fixtures.browser import screenshot
from vodarr.accounts.models import User
from vodarr.api.keys import create_key
from vodarr.catalog.sync import sync_now
from vodarr.links import services as links
from vodarr.mediaservers.models import MediaServer
from vodarr.monitoring import services as monitors
from vodarr.monitoring.forms import MonitorValues
from vodarr.notifications.models import Kind
from vodarr.notifications.services import notify
from vodarr.watchlist import services as watchlist
from vodarr.webhooks.models import Webhook, WebhookDelivery

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
AXE_VIOLATIONS = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .map(v => `${v.impact} ${v.id}: ${v.nodes.map(n => n.target.join(" ")).slice(0, 3)}`)"""
VIEWPORTS = {"desktop": {"width": 1280, "height": 860}, "phone": {"width": 390, "height": 844}}
SIGNED_IN_PAGES = {
    "discover": "/discover",
    "movies": "/movies",
    "series": "/series",
    "movie": "/movies/1",
    "show": f"/series/{SHOW}",
    "search": "/search?q=the",
    "downloads": "/downloads",
    "settings": "/settings",
    "users": "/users",
    "profile": "/profile",
    "watchlist": "/watchlist",
    "schedules": "/schedules",
    "notifications": "/notifications",
    "links": "/links",
    "categories": "/categories",
    "not-found": "/no-such-page",
}
GUEST_PAGES = {"login": "/login", "register": "/register", "forgot-password": "/forgot-password"}


def accessibility_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    # Evaluated through the DevTools protocol, not as an inline <script>: the page's
    # Content-Security-Policy refuses those, rightly.
    page.evaluate(AXE.read_text())
    return [f"{page.url} {violation}" for violation in page.evaluate(AXE_VIOLATIONS)]


def visit_all(page, stack: LiveStack, pages: dict[str, str], errors: list[str]) -> None:  # type: ignore[no-untyped-def]
    for theme in ("light", "dark"):
        page.evaluate(f"localStorage.setItem('vodarr.theme', '{theme}')")
        for size, viewport in VIEWPORTS.items():
            page.set_viewport_size(viewport)
            for name, path in pages.items():
                page.goto(f"{stack.app.url}{path}")
                page.wait_for_load_state("networkidle")
                page.locator("#app > *").first.wait_for()
                assert page.evaluate("document.documentElement.classList.contains('dark')") == (
                    theme == "dark"
                )
                screenshot(page, f"pages/{name}-{theme}-{size}")
                if size == "desktop":
                    errors.extend(accessibility_violations(page))
    assert errors == [], errors


def something_on_the_new_pages(admin: User) -> None:
    """A watchlist, a monitor with one scan, notifications and links, so no page is only empty."""
    watchlist.add(admin, "movie", 1)
    watchlist.add(admin, "series", SHOW)
    monitor = monitors.create_monitor(admin, SHOW, MonitorValues(), timezone.now())
    monitors.run_now(monitor, timezone.now())
    notify([admin.pk], Kind.DOWNLOAD_COMPLETE, "Downloaded: Nosferatu", "The file is ready.")
    notify([admin.pk], Kind.MONITOR_FAILED, "Monitoring Harbour Lights failed", "HTTP 503.")
    links.movie_link(admin, 1)
    links.episodes_link(admin, SHOW, [(1, 1), (1, 2)])
    # Profile's API keys and webhooks (with a delivery in its log), Settings' media servers.
    create_key(admin, "Home Assistant")
    hook = Webhook(user=admin, name="n8n", url_preview="https://n8n.example.test/…")
    hook.url, hook.secret = "https://n8n.example.test/hook/abc", "whsec_example"
    hook.save()
    WebhookDelivery.objects.create(
        hook=hook,
        event="download.completed",
        payload={},
        status="failed",
        attempts=5,
        last_status_code=502,
        last_answer="Bad gateway",
        last_attempt_at=timezone.now(),
    )
    server = MediaServer(kind="jellyfin", name="Living room", url="http://192.168.1.10:8096")
    server.token = "0123456789abcdef"
    server.save()


def test_every_page_renders_in_both_themes_and_both_sizes(page, live_stack: LiveStack) -> None:  # type: ignore[no-untyped-def]
    stack = live_stack
    something_on_the_new_pages(stack.admin)
    # Other versions of a film and of a show: the picker and the version counts render too.
    stack.provider.add_movie(4, "FR| Nosferatu 4K (1922) [MULTI]", year=1922, rating=7.8)
    stack.provider.add_series(SHOW + 1, "EN| Harbour Lights", {1: [(1, "Arrival")]}, year=2019)
    sync_now()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.goto(f"{stack.app.url}/login")
    visit_all(page, stack, GUEST_PAGES, errors)
    sign_in(page, stack, stack.admin)
    for path in ("/movies/1/download", f"/series/{SHOW}/1/1/download"):
        page.goto(f"{stack.app.url}{path}")  # something on the Downloads page
    visit_all(page, stack, SIGNED_IN_PAGES, errors)
