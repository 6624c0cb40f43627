"""GET /downloads/stream: Server-Sent Events with the on-screen downloads' live state."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.http import StreamingHttpResponse
from django.test import AsyncClient, Client

from tests.downloads.conftest import start
from tests.fixtures.downloads import make_download
from tests.worker.conftest import FAST_MOVIE, SLOW_MOVIE, Stack
from vodarr.accounts.models import User
from vodarr.downloads import stream
from vodarr.downloads.gateway import gateway, new_gid
from vodarr.downloads.models import MediaDownloadRef, Status, Transfer

pytestmark = pytest.mark.django_db

Event = tuple[str, Any]


@pytest.fixture(autouse=True)
def _quick_ticks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "TICK_SECONDS", 0.05)


def read_events(
    response: StreamingHttpResponse,
    until: Callable[[list[Event]], bool],
    *,
    after_first: Callable[[], object] | None = None,
    timeout: float = 10.0,
) -> list[Event]:
    """Read events until ``until(events)``; ``after_first`` runs once the first data came."""

    async def read() -> list[Event]:
        events: list[Event] = []
        buffer = ""
        content = response.streaming_content
        acted = after_first is None
        try:
            async with asyncio.timeout(timeout):
                async for chunk in content:  # type: ignore[union-attr]
                    buffer += chunk.decode()
                    while "\n\n" in buffer:
                        block, buffer = buffer.split("\n\n", 1)
                        events.append(_parse(block))
                    if not acted and any(name == "downloads" for name, _ in events):
                        acted = True
                        await sync_to_async(after_first)()  # type: ignore[arg-type]
                    if until(events):
                        return events
        finally:
            await content.aclose()  # type: ignore[union-attr]
        return events

    return async_to_sync(read)()


def _parse(block: str) -> Event:
    if block.startswith(":"):
        return ("comment", block[1:].strip())
    fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
    if "retry" in fields:
        return ("retry", fields["retry"])
    return (fields.get("event", "message"), json.loads(fields.get("data", "null")))


def has(name: str) -> Callable[[list[Event]], bool]:
    return lambda events: any(event == name for event, _ in events)


def downloads_in(events: list[Event]) -> list[dict[str, Any]]:
    return [item for name, data in events if name == "downloads" for item in data["downloads"]]


def test_the_stream_sends_the_on_screen_downloads_with_live_state(
    stack: Stack, as_member: Client
) -> None:
    ref = start(as_member, SLOW_MOVIE)

    response = as_member.get(f"/downloads/stream?ids={ref.pk}")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/event-stream")
    assert response["Cache-Control"] == "no-cache"
    assert response["X-Accel-Buffering"] == "no"
    events = read_events(response, has("downloads"))
    [item] = downloads_in(events)
    assert item["id"] == ref.pk and item["gid"] == ref.transfer.gid
    assert item["downloadStatus"]["source"] == "live"
    assert "owner" not in item
    assert events[0][0] == "retry"


def test_ids_of_other_users_and_nonsense_are_dropped_silently(
    as_member: Client, member: User, outsider: User
) -> None:
    mine, theirs = _ref(member), _ref(outsider)

    response = as_member.get(f"/downloads/stream?ids={theirs.pk},x,-3,{mine.pk},{mine.pk},0")
    events = read_events(response, has("downloads"))

    assert [item["id"] for item in downloads_in(events)] == [mine.pk]
    assert as_member.get(f"/downloads/stream?ids={theirs.pk}").status_code == 204


def test_an_admin_sees_everyones_downloads_with_their_owner(as_admin: Client, member: User) -> None:
    theirs = _ref(member)

    events = read_events(as_admin.get(f"/downloads/stream?ids={theirs.pk}"), has("downloads"))

    [item] = downloads_in(events)
    assert item["owner"]["id"] == member.pk


def test_a_removed_download_sends_refresh(as_member: Client, member: User) -> None:
    keep, gone = _ref(member), _ref(member)

    events = read_events(
        as_member.get(f"/downloads/stream?ids={keep.pk},{gone.pk}"),
        has("refresh"),
        after_first=lambda: MediaDownloadRef.objects.filter(pk=gone.pk).delete(),
    )

    assert ("refresh", {"removed": [gone.pk]}) in events


def test_a_retried_download_sends_refresh(as_member: Client, member: User) -> None:
    ref = _ref(member)

    events = read_events(
        as_member.get(f"/downloads/stream?ids={ref.pk}"),
        has("refresh"),
        after_first=lambda: Transfer.objects.filter(pk=ref.transfer_id).update(gid=new_gid()),
    )

    assert ("refresh", {"removed": []}) in events


def test_only_changes_are_sent_after_the_first_event(as_member: Client, member: User) -> None:
    still, moving = _ref(member), _ref(member)

    events = read_events(
        as_member.get(f"/downloads/stream?ids={still.pk},{moving.pk}"),
        lambda events: len(downloads_in(events)) > 2,
        after_first=lambda: Transfer.objects.filter(pk=moving.transfer_id).update(
            completed_length=1234
        ),
    )

    later = [e for e in events if e[0] == "downloads"][1:]
    assert [item["id"] for _, data in later for item in data["downloads"]] == [moving.pk]


def test_with_aria2_down_the_last_known_state_is_streamed(
    as_member: Client, member: User, settings
) -> None:
    ref = _ref(member, status=Status.ACTIVE, completed_length=4096, total_length=8192)
    settings.ARIA2_RPC_URL = "http://127.0.0.1:9/jsonrpc"

    events = read_events(as_member.get(f"/downloads/stream?ids={ref.pk}"), has("downloads"))

    [item] = downloads_in(events)
    assert item["downloadStatus"]["source"] == "last_known"
    assert item["downloadStatus"]["completedLength"] == 4096


def test_one_tick_is_one_query_and_one_aria2_request(
    stack: Stack, as_member: Client, member: User, django_assert_num_queries: Any
) -> None:
    refs = [start(as_member, FAST_MOVIE), *(_ref(member) for _ in range(5))]
    client = gateway().client
    before = client.request_count

    with django_assert_num_queries(1):
        loaded, live = stream._load(member, [ref.pk for ref in refs])

    assert client.request_count - before == 1
    assert len(loaded) == 6 and refs[0].transfer.gid in live


def test_the_stream_needs_a_signed_in_user(member: User) -> None:
    response = Client().get(f"/downloads/stream?ids={_ref(member).pk}")

    assert response.status_code == 302
    assert response["Location"].startswith("/login")


def test_ids_are_parsed_leniently_and_capped() -> None:
    assert stream.parse_ids("3, 1,x,,1,-2,0,99999999999999999999") == [3, 1]
    assert stream.parse_ids(",".join(map(str, range(1, 200)))) == list(range(1, 51))
    assert stream.parse_ids(None) == []


def _ref(user: User, **fields: Any) -> MediaDownloadRef:
    n = Transfer.objects.count() + 1
    fields.setdefault("status", Status.PAUSED)
    return make_download(user, 500 + n, title=f"Movie {n}", **fields)


def test_the_stream_works_through_the_async_handler_as_under_uvicorn(member: User) -> None:
    ref = _ref(member)

    async def first_event() -> tuple[int, list[Event]]:
        client = AsyncClient()
        await client.aforce_login(member)
        response = await client.get(f"/downloads/stream?ids={ref.pk}")
        events: list[Event] = []
        buffer = ""
        async with asyncio.timeout(10):
            async for chunk in response.streaming_content:
                buffer += chunk.decode()
                while "\n\n" in buffer:
                    block, buffer = buffer.split("\n\n", 1)
                    events.append(_parse(block))
                if has("downloads")(events):
                    break
        await response.streaming_content.aclose()
        return response.status_code, events

    status, events = async_to_sync(first_event)()

    assert status == 200
    assert [item["id"] for item in downloads_in(events)] == [ref.pk]
