"""Turns: at most so many page threads run at once, and one waiting on another server gives
its turn to another page meanwhile."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx

from tests.fixtures.loops import run_in_own_loop
from tests.fixtures.waiting import wait_for
from vodarr import turns as turns_module
from vodarr.integrations import fetch, outbound
from vodarr.integrations.xtream.client import XtreamClient
from vodarr.ops.pages import PageThreads
from vodarr.turns import Turns, waiting_on_network


def held_here() -> Turns | None:
    return getattr(turns_module._held, "turns", None)


def test_a_turn_is_held_inside_and_given_up_while_waiting_on_the_network() -> None:
    turns = Turns(2)

    with turns.taken():
        assert turns.free() == 1 and held_here() is turns
        with waiting_on_network():
            assert turns.free() == 2 and held_here() is None
        assert turns.free() == 1 and held_here() is turns
    assert turns.free() == 2 and held_here() is None


def test_turns_go_to_the_longest_waiter_first() -> None:
    turns = Turns(1)
    order: list[str] = []
    queued: list[threading.Thread] = []

    def wait_for_a_turn(name: str) -> None:
        with turns.taken():
            order.append(name)

    with turns.taken():
        for name in ("first", "second", "third"):
            thread = threading.Thread(target=wait_for_a_turn, args=(name,))
            thread.start()
            queued.append(thread)
            wait_for(_waiters(turns, len(queued)))
    for thread in queued:
        thread.join(timeout=30)
    assert order == ["first", "second", "third"]
    assert turns.free() == 1


def _waiters(turns: Turns, count: int):
    return lambda: len(turns._waiting) == count


def test_waiting_on_the_network_outside_a_page_thread_changes_nothing() -> None:
    turns = Turns(1)

    with waiting_on_network():
        assert turns.free() == 1 and held_here() is None


def test_a_turn_given_back_after_an_error_on_the_network() -> None:
    turns = Turns(1)

    with turns.taken():
        try:
            with waiting_on_network():
                raise httpx.ConnectError("refused")
        except httpx.ConnectError:
            pass
        assert held_here() is turns and turns.free() == 0
    assert turns.free() == 1


def test_a_page_waiting_on_a_slow_server_lets_another_page_run() -> None:
    """One turn, two threads: the second request is answered while the first waits."""
    slow_server_answers = threading.Event()
    waiting = threading.Event()

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        if environ["PATH_INFO"] == "/slow":
            with waiting_on_network():
                waiting.set()
                slow_server_answers.wait(timeout=30)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [environ["PATH_INFO"].encode()]

    pages = PageThreads(app, threads=2, turns=1)
    finished: list[str] = []

    async def get(path: str) -> None:
        sent: list[dict] = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "method": "GET",
            "path": path,
            "query_string": b"",
            "headers": [],
            "http_version": "1.1",
            "scheme": "http",
        }
        await pages(scope, receive, send)
        finished.append(sent[-1]["body"].decode())

    async def both() -> None:
        slow = asyncio.create_task(get("/slow"))
        await asyncio.to_thread(wait_for, waiting.is_set)
        await get("/fast")  # would wait for the slow one if it kept its turn
        assert finished == ["/fast"]
        slow_server_answers.set()
        await slow

    try:
        run_in_own_loop(both)
    finally:
        slow_server_answers.set()
        pages.executor.shutdown()
    assert finished == ["/fast", "/slow"]


def test_the_provider_client_media_servers_and_artwork_calls_wait_without_a_turn() -> None:
    seen: list[Turns | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(held_here())
        if "player_api" in request.url.path:
            return httpx.Response(200, json={"user_info": {"auth": 1}, "server_info": {}})
        if request.url.path.endswith(".png"):
            return httpx.Response(200, content=b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
        return httpx.Response(204)

    transport = httpx.MockTransport(handler)
    turns = Turns(1)
    with turns.taken():
        client = XtreamClient("http://provider.test", "user", "pass", transport=transport)
        try:
            client.account()
        finally:
            client.close()
        outbound.call("POST", "http://media.test/refresh", transport=transport)
        fetch.fetch_image(
            "http://images.test/poster.png", user_agent="Vodarr/test", transport=transport
        )
        assert held_here() is turns  # taken back after each
    assert seen == [None, None, None]
