"""The web application `vodarr serve` runs: pages on a few threads, streams on the async path.

An open stream must not take one of the page threads, or a handful of open tabs would stop
every page; and pages keep working through the thread pool like any Django view.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading

import httpx
from django.test import Client

from tests.fixtures.downloads import make_download
from tests.fixtures.server import LiveApp
from tests.fixtures.waiting import wait_for
from vodarr.accounts.models import User
from vodarr.ops.serving import PAGE_THREADS

INERTIA = {"X-Inertia": "true", "X-Inertia-Version": "1", "Accept": "application/json"}


def session_cookie(user: User) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value}


class OpenTabs:
    """Browser tabs holding the live channel open, on a loop of their own."""

    def __init__(self, url: str, cookies: dict[str, str], count: int) -> None:
        self.url, self.cookies, self.count = url, cookies, count
        self.streaming = 0  # tabs that have received the stream's first line
        self.open = 0  # tabs whose stream is still open
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_until_complete, args=(self._run(),))
        self.thread.start()

    async def _run(self) -> None:
        self.task = asyncio.current_task()
        async with httpx.AsyncClient(cookies=self.cookies, timeout=30) as client:
            # Closed by the test, or by the server stopping (the streams' end, not an error).
            with contextlib.suppress(asyncio.CancelledError, httpx.RemoteProtocolError):
                await asyncio.gather(*(self._tab(client) for _ in range(self.count)))

    async def _tab(self, client: httpx.AsyncClient) -> None:
        async with client.stream("GET", self.url) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            self.open += 1
            try:
                first = True
                async for line in response.aiter_lines():
                    if first and line.startswith("retry:"):
                        self.streaming, first = self.streaming + 1, False
            finally:
                self.open -= 1

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.task.cancel)
        self.thread.join(timeout=10)
        self.loop.close()


def test_pages_answer_while_more_streams_than_page_threads_are_open(
    live_app: LiveApp, make_user
) -> None:
    member: User = make_user()
    download = make_download(member, 41, title="Open Stream", status="active")
    cookies = session_cookie(member)
    tabs = OpenTabs(f"{live_app.url}/live", cookies, PAGE_THREADS + 2)
    try:
        wait_for(lambda: tabs.streaming == tabs.count, timeout=20, message="every tab's stream")

        with httpx.Client(base_url=live_app.url, cookies=cookies, headers=INERTIA) as browser:
            page = browser.get("/downloads", timeout=10)

        assert page.status_code == 200
        assert [item["id"] for item in page.json()["props"]["downloads"]["data"]] == [download.pk]
        assert tabs.open == tabs.count  # the streams stayed open meanwhile
    finally:
        tabs.close()


def test_a_form_post_reaches_the_view_through_the_page_threads(
    live_app: LiveApp, make_user
) -> None:
    """The request body is handed to the WSGI side: a sign-in with a JSON body works."""
    from tests.fixtures.users import PASSWORD

    member: User = make_user()
    with httpx.Client(base_url=live_app.url) as browser:
        browser.get("/login")
        signed_in = browser.post(
            "/login",
            json={"email": member.email, "password": PASSWORD},
            headers={"X-XSRF-TOKEN": browser.cookies["XSRF-TOKEN"], "X-Inertia": "true"},
        )
        assert signed_in.status_code == 302, signed_in.text
        assert signed_in.headers["Location"] == "/discover"
        assert browser.get("/downloads", headers=INERTIA).status_code == 200


def connections_open_elsewhere() -> set[int]:
    """Database connections open on threads other than this one (ids of Django's wrappers)."""
    from django.db.backends.base.base import BaseDatabaseWrapper

    gc.collect()
    here = threading.get_ident()
    return {
        id(found)
        for found in gc.get_objects()
        # type(), not isinstance(): that asks lazy objects for their __class__, evaluating them.
        if issubclass(type(found), BaseDatabaseWrapper)
        and found.connection is not None
        and found._thread_ident != here  # the thread that opened it
    }


def test_a_server_stopped_with_streams_open_leaves_no_database_connection_open(
    transactional_db: None, settings, make_user
) -> None:
    """The streams' shared thread and the live watcher's thread close theirs: the streams'
    ends never come (uvicorn cancels them), and on PostgreSQL an open session would stop the
    test database from being dropped."""
    settings.ALLOWED_HOSTS = ["*"]
    member: User = make_user()
    before = connections_open_elsewhere()
    app = LiveApp().start()
    tabs = OpenTabs(f"{app.url}/live", session_cookie(member), 2)
    try:
        wait_for(lambda: tabs.streaming == tabs.count, timeout=20, message="both streams")
        assert connections_open_elsewhere() - before  # the server's threads opened some
        app.stop()  # while both streams are open
    finally:
        tabs.close()

    assert connections_open_elsewhere() - before == set()
