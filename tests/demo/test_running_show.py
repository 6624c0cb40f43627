"""A show that keeps running: episodes appear (and vanish) at the fake provider while it runs,
and a client asking for a fresh episode list sees them at once, past its cache."""

from __future__ import annotations

import httpx

from tests.fakes import FakeProvider
from vodarr.integrations.xtream import XtreamClient

SHOW = 10


def codes(client: XtreamClient, *, fresh: bool) -> list[tuple[int, int]]:
    return [(e.season, e.episode_num) for e in client.series_info(SHOW, fresh=fresh).episodes]


def test_a_new_episode_is_listed_and_served(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    before = codes(xtream_client, fresh=False)

    episode_id = fake_provider.add_episode(SHOW, 2, 2, "Winter Light", size=1024)

    assert codes(xtream_client, fresh=False) == before  # the cache still answers
    assert codes(xtream_client, fresh=True) == [*before, (2, 2)]
    assert episode_id == 10202
    media = httpx.get(fake_provider.media_url("episode", episode_id))
    assert media.content == fake_provider.expected_bytes("episode", episode_id)


def test_a_removed_episode_is_no_longer_listed(
    fake_provider: FakeProvider, xtream_client: XtreamClient
) -> None:
    fake_provider.remove_episode(SHOW, 1, 2)

    assert codes(xtream_client, fresh=True) == [(1, 1), (2, 1)]
