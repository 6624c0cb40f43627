"""The header bell follows the live channel: a notification lights it in an open tab at once."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient

from tests.live.conftest import hub, open_channel, run_async
from vodarr.accounts.models import User
from vodarr.notifications.services import mark_read, notify

__all__ = ["hub"]

pytestmark = pytest.mark.django_db(transaction=True)


def unread_counts(events: list[tuple[str, Any]]) -> list[int]:
    return [data["unread"] for name, data in events if name == "notifications"]


def test_the_bell_counts_a_new_notification_and_its_reading_in_an_open_tab(
    member: User, outsider: User
) -> None:
    async def scenario() -> list[int]:
        client = AsyncClient()
        await client.aforce_login(member)
        channel = await open_channel(client)
        await channel.wait_for(lambda events: unread_counts(events) == [0])
        # Someone else's notification is not this person's news.
        await sync_to_async(notify)([outsider.pk], "download_complete", "Night Train is ready")
        await sync_to_async(notify)([member.pk], "download_complete", "Night Train is ready")
        await channel.wait_for(lambda events: unread_counts(events)[-1:] == [1])
        await sync_to_async(mark_read)(member)  # read in another tab
        await channel.wait_for(lambda events: unread_counts(events)[-1:] == [0])
        counts = unread_counts(channel.events)
        await channel.close()
        return counts

    assert run_async(scenario) == [0, 1, 0]
