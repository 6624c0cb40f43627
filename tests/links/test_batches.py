"""A batch of episodes: one link with a `.m3u` playlist and a `.txt` of one link per line."""

from __future__ import annotations

import pytest

from tests.links.conftest import SERIES, LinkSite

pytestmark = pytest.mark.django_db(transaction=True)

EPISODES = [{"season": 1, "episode": 1}, {"season": 1, "episode": 2}, {"season": 2, "episode": 1}]


def test_a_batch_gives_a_playlist_and_a_list_of_links_that_serve_each_episode(
    site: LinkSite,
) -> None:
    batch = site.make_link(f"/series/{SERIES}/link", {"episodes": EPISODES})

    assert batch["kind"] == "batch"
    assert batch["title"] == "The Lighthouse Keepers · 3 episodes"
    assert [item["title"] for item in batch["items"]] == [
        "The Lighthouse Keepers · S01E01 · Pilot",
        "The Lighthouse Keepers · S01E02 · Fog Signal",
        "The Lighthouse Keepers · S02E01 · The Relief Boat",
    ]
    text = site.get(batch["text_url"])
    assert text.headers["Content-Type"].startswith("text/plain")
    assert text.text.splitlines() == [item["url"] for item in batch["items"]]
    playlist = site.get(batch["playlist_url"])
    assert playlist.headers["Content-Type"].startswith("audio/x-mpegurl")
    lines = playlist.text.splitlines()
    assert lines[0] == "#EXTM3U"
    assert [line for line in lines if not line.startswith("#")] == text.text.splitlines()
    assert site.get(batch["url"]).text == playlist.text  # the link itself opens the playlist
    second = site.get(batch["items"][1]["url"])
    assert second.content == site.provider.expected_bytes("episode", 10102)
    assert "S01E02 - Fog Signal.mp4" in second.headers["Content-Disposition"]
    assert site.get(batch["url"].replace("/playlist.m3u", "/9/x.mp4")).status_code == 404


def test_one_episode_is_a_plain_file_link(site: LinkSite) -> None:
    link = site.make_link(f"/series/{SERIES}/2/1/link")

    assert link["kind"] == "file"
    assert site.get(link["url"]).content == site.provider.expected_bytes("episode", 10201)


def test_an_unknown_episode_makes_no_link(site: LinkSite) -> None:
    response = site.client.post(
        f"/series/{SERIES}/link",
        {"episodes": [{"season": 1, "episode": 1}, {"season": 7, "episode": 7}]},
        content_type="application/json",
        headers={"Accept": "application/json"},
    )

    assert response.status_code == 404
    assert response.json()["message"] == "S7E7 not found."
