"""GET /live: one channel per person, fed from the database, never from aria2."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient, Client
from django.utils import timezone

from tests.downloads.conftest import act
from tests.fixtures.downloads import make_download
from tests.fixtures.users import inertia_client
from tests.live.conftest import (
    FAST_MOVIE,
    SLOW_MOVIE,
    Stack,
    last_counts,
    open_channel,
    removed,
    rows,
    run_async,
)
from vodarr.accounts.models import User
from vodarr.downloads.gateway import Aria2Gateway, gateway
from vodarr.downloads.live import DownloadsTopic
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.downloads.worker import Reconciler
from vodarr.live.watcher import QUEUE_LIMIT, Event, LiveHub, Subscription, epoch_ms

pytestmark = pytest.mark.django_db(transaction=True)


async def signed_in(user: User) -> AsyncClient:
    client = AsyncClient()
    await client.aforce_login(user)
    return client


def row_of(media_id: int) -> Any:
    return lambda events: next((r for r in rows(events) if r["downloadable_id"] == media_id), None)


def test_a_download_started_from_another_client_arrives_within_a_second(
    stack: Stack, member: User, hub: LiveHub
) -> None:
    async def scenario() -> tuple[dict[str, Any], float, int]:
        channel = await open_channel(await signed_in(member))
        loop = asyncio.get_running_loop()
        another_device = await sync_to_async(inertia_client)(member)
        response = await sync_to_async(another_device.post)(f"/movies/{SLOW_MOVIE}/download")
        assert response.status_code == 303
        committed, ticks = loop.time(), hub.watcher().ticks
        item = await channel.wait_for(row_of(SLOW_MOVIE), timeout=5)
        arrived = channel.arrivals[-1]
        polls = hub.watcher().ticks - ticks
        await channel.close()
        return item, arrived - committed, polls

    item, latency, polls = run_async(scenario)

    assert item["user_id"] == member.pk and item["media"]["name"] == "The Slow Movie"
    assert item["state"] in ("queued", "active")
    assert polls <= 1  # the first poll after the start committed carried it
    assert latency < 1.0


def test_twenty_open_channels_cost_aria2_nothing(
    stack: Stack, member: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = inertia_client(member).post(f"/movies/{SLOW_MOVIE}/download")
    assert start.status_code == 303
    worker = Reconciler(Aria2Gateway())  # the worker process: its own connection to aria2
    worker.tick()
    payloads = count_payloads(monkeypatch)

    async def scenario() -> tuple[list[list[int]], int, int]:
        client = await signed_in(member)
        channels = [await open_channel(client) for _ in range(20)]
        web_aria2 = gateway().client
        before, first_payloads = web_aria2.request_count, len(payloads)
        for _ in range(6):
            await sync_to_async(worker.tick)()  # progress recorded: every channel hears of it
            await asyncio.sleep(0.25)
        progress = [
            sorted({r["downloadStatus"]["completedLength"] for r in rows(c.events)})
            for c in channels
        ]
        for channel in channels:
            await channel.close()
        return progress, web_aria2.request_count - before, len(payloads) - first_payloads

    progress, web_requests, computed = run_async(scenario)

    assert all(len(seen) >= 2 for seen in progress)  # each channel saw the bar move
    assert web_requests == 0  # open channels never ask aria2 anything
    assert computed <= 8  # one payload per change for the person, not one per channel


def count_payloads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = DownloadsTopic.payload

    def counting(self, user, since, memo):  # type: ignore[no-untyped-def]
        calls.append(user.pk)
        return original(self, user, since, memo)

    monkeypatch.setattr(DownloadsTopic, "payload", counting)
    return calls


def test_a_member_never_hears_of_someone_elses_downloads(
    stack: Stack, member: User, outsider: User, admin: User
) -> None:
    async def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]], Any]:
        mine = await open_channel(await signed_in(member))
        admins = await open_channel(await signed_in(admin))
        theirs = await sync_to_async(inertia_client)(outsider)
        await sync_to_async(theirs.post)(f"/movies/{FAST_MOVIE}/download")
        seen_by_admin = await admins.wait_for(row_of(FAST_MOVIE))
        await asyncio.sleep(0.3)  # a couple of polls: the member's channel had its chance
        await mine.close()
        await admins.close()
        return rows(mine.events), [seen_by_admin], last_counts(mine.events)

    member_rows, admin_rows, member_counts = run_async(scenario)

    assert member_rows == []
    assert member_counts is not None and member_counts["all"] == 0
    assert admin_rows[0]["user_id"] == outsider.pk and admin_rows[0]["owner"]["id"] == outsider.pk


def test_a_removed_download_arrives_as_a_removed_id_with_new_counts(
    stack: Stack, member: User
) -> None:
    failed = make_download(member, 301, status=Status.ERROR, title="Broken")
    make_download(member, 302, status=Status.COMPLETE, title="Fine")

    async def scenario() -> tuple[dict[str, int] | None, list[int], dict[str, int] | None]:
        channel = await open_channel(await signed_in(member))
        before = last_counts(channel.events)
        other_tab = await sync_to_async(inertia_client)(member)
        response = await sync_to_async(act)(other_tab, failed, "remove")
        assert response.status_code in (302, 303)
        gone = await channel.wait_for(lambda events: removed(events))
        await channel.close()
        return before, gone, last_counts(channel.events)

    before, gone, after = run_async(scenario)

    assert gone == [failed.pk]
    assert before is not None and (before["failed"], before["completed"]) == (1, 1)
    assert after is not None and (after["failed"], after["all"]) == (0, 1)


def test_what_changed_between_the_page_load_and_the_channel_opening_is_not_lost(
    stack: Stack, member: User
) -> None:
    page = inertia_client(member).get("/downloads").json()
    since = page["props"]["live"]["since"]
    inertia_client(member).post(f"/movies/{FAST_MOVIE}/download")  # before the channel opens

    async def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        client = await signed_in(member)
        caught_up = await open_channel(client, f"/live?since={since}")
        resumed = await open_channel(client, "/live", **{"Last-Event-ID": str(since)})
        fresh = await open_channel(client)
        await asyncio.sleep(0.2)
        for channel in (caught_up, resumed, fresh):
            await channel.close()
        return rows(caught_up.events) + rows(resumed.events), rows(fresh.events)

    caught, fresh = run_async(scenario)

    assert [r["downloadable_id"] for r in caught] == [FAST_MOVIE, FAST_MOVIE]
    assert fresh == []  # no `since`: only the counts


def test_a_channel_too_far_behind_is_told_to_reload(member: User) -> None:
    long_ago = epoch_ms(timezone.now() - timedelta(hours=2))

    async def scenario() -> list[str]:
        channel = await open_channel(await signed_in(member), f"/live?since={long_ago}")
        await channel.close()
        return [name for name, _ in channel.events]

    assert "refresh" in run_async(scenario)


def test_the_old_stream_address_leads_to_the_channel(as_member: Client) -> None:
    response = as_member.get("/downloads/stream?ids=1,2")

    assert response.status_code == 302 and response["Location"] == "/live"


def test_the_watcher_stops_polling_when_the_last_channel_closes(member: User, hub: LiveHub) -> None:
    async def scenario() -> tuple[int, int, int]:
        channel = await open_channel(await signed_in(member))
        watcher = hub.watcher()
        await asyncio.sleep(0.35)
        open_ticks = watcher.ticks
        await channel.close()
        closed = watcher.ticks
        await asyncio.sleep(0.5)
        return open_ticks, watcher.ticks - closed, watcher.streams

    open_ticks, ticks_after, streams = run_async(scenario)

    assert open_ticks >= 2
    assert ticks_after <= 1 and streams == 0


def test_the_channel_needs_a_signed_in_person() -> None:
    response = Client().get("/live")

    assert response.status_code == 302 and response["Location"].startswith("/login")


def test_a_stalled_stream_is_told_to_reload_instead_of_buffering_for_ever() -> None:
    subscription = Subscription(user=object())
    now = timezone.now()

    for n in range(QUEUE_LIMIT + 5):
        subscription.deliver(Event("downloads", {"n": n}, now))

    queued = [subscription.queue.get_nowait() for _ in range(subscription.queue.qsize())]
    # The backlog gives way to one "reload": what follows is newer than the reload's data.
    assert [event.name for event in queued] == ["refresh"] + ["downloads"] * 4


def test_a_paused_row_reads_paused_on_the_channel(member: User) -> None:
    ref = make_download(member, 401, status=Status.ACTIVE, desired_paused=True, title="Held")

    async def scenario() -> list[dict[str, Any]]:
        tab = await sync_to_async(inertia_client)(member)
        page = await sync_to_async(tab.get)("/downloads")
        since = page.json()["props"]["live"]["since"] - 5000
        channel = await open_channel(await signed_in(member), f"/live?since={since}")
        await channel.close()
        return rows(channel.events)

    [item] = run_async(scenario)
    assert item["id"] == ref.pk and item["state"] == "paused"
    assert item["downloadStatus"]["source"] == "recorded"
    assert MediaDownloadRef.objects.get(pk=ref.pk).desired_paused


def test_only_a_verified_person_is_given_a_channel(make_user: Any, member: User) -> None:
    unverified = make_user("Una Verified", verified=False)

    waiting = inertia_client(unverified).get("/email/verify").json()["props"]
    signed_in = inertia_client(member).get("/discover").json()["props"]

    assert waiting["live"] is None
    assert signed_in["live"]["url"] == "/live" and isinstance(signed_in["live"]["since"], int)
