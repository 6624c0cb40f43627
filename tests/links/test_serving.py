"""A link serves the file: from disk once it is downloaded, else through Vodarr from the
provider — the exact bytes, Range slices, HEAD, and a proper name either way."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.links.conftest import METROPOLIS, NOSFERATU, LinkSite

pytestmark = pytest.mark.django_db(transaction=True)

KIB = 1024


def test_a_link_serves_the_exact_bytes_from_disk(
    site: LinkSite, random_bytes: Callable[[int], bytes]
) -> None:
    content = random_bytes(700 * KIB)
    site.finished_on_disk(
        NOSFERATU, content, output_path="Movies/Nosferatu (1922)/Nosferatu (1922).mp4"
    )
    link = site.make_link(f"/movies/{NOSFERATU}/link")

    response = site.get(link["url"])

    assert response.status_code == 200
    assert response.content == content
    assert response.headers["Content-Length"] == str(len(content))
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["Content-Type"] == "video/mp4"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="Nosferatu (1922).mp4"'
    )
    assert site.provider.hits("movie", NOSFERATU) == 0  # nothing was asked of the provider


def test_a_file_not_yet_downloaded_comes_from_the_provider_through_vodarr(
    site: LinkSite,
) -> None:
    link = site.make_link(f"/movies/{METROPOLIS}/link")

    response = site.get(link["url"])

    assert response.status_code == 200
    assert response.history == []  # no redirect: the provider's URL never reaches the client
    assert response.content == site.provider.expected_bytes("movie", METROPOLIS)
    assert response.headers["Content-Length"] == str(256 * KIB)
    assert response.headers["Content-Type"] == "video/x-matroska"
    assert "Metropolis (1927).mkv" in response.headers["Content-Disposition"]
    assert site.provider.hits("movie", METROPOLIS) == 1


@pytest.mark.parametrize("on_disk", [True, False], ids=["disk", "provider"])
def test_a_range_from_the_middle_is_a_206_with_that_slice(site: LinkSite, on_disk: bool) -> None:
    expected = site.provider.expected_bytes("movie", NOSFERATU)
    if on_disk:
        site.finished_on_disk(NOSFERATU, expected)
    link = site.make_link(f"/movies/{NOSFERATU}/link")

    response = site.get(link["url"], Range="bytes=100000-149999")

    assert response.status_code == 206
    assert response.content == expected[100_000:150_000]
    assert response.headers["Content-Range"] == f"bytes 100000-149999/{len(expected)}"
    assert response.headers["Content-Length"] == "50000"
    tail = site.get(link["url"], Range="bytes=-10")
    assert (tail.status_code, tail.content) == (206, expected[-10:])


@pytest.mark.parametrize("on_disk", [True, False], ids=["disk", "provider"])
def test_a_range_past_the_end_is_a_416(site: LinkSite, on_disk: bool) -> None:
    expected = site.provider.expected_bytes("movie", NOSFERATU)
    if on_disk:
        site.finished_on_disk(NOSFERATU, expected)
    link = site.make_link(f"/movies/{NOSFERATU}/link")

    response = site.get(link["url"], Range=f"bytes={len(expected) + 5}-")

    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{len(expected)}"
    assert "past the end" in response.text


@pytest.mark.parametrize("on_disk", [True, False], ids=["disk", "provider"])
def test_head_tells_the_size_and_name_without_a_body(site: LinkSite, on_disk: bool) -> None:
    import httpx

    expected = site.provider.expected_bytes("movie", NOSFERATU)
    if on_disk:
        site.finished_on_disk(NOSFERATU, expected)
    link = site.make_link(f"/movies/{NOSFERATU}/link")

    response = httpx.head(site.url(link["url"]), timeout=20)

    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["Content-Length"] == str(len(expected))
    assert response.headers["Accept-Ranges"] == "bytes"
    assert "attachment" in response.headers["Content-Disposition"]


def test_a_name_beyond_ascii_is_given_the_rfc_6266_way(site: LinkSite) -> None:
    site.provider.add_movie(77, "Amélie 東京", year=2001)
    link = site.make_link("/movies/77/link")

    response = site.get(link["url"], Range="bytes=0-0")

    disposition = response.headers["Content-Disposition"]
    assert "filename*=utf-8''Am%C3%A9lie%20%E6%9D%B1%E4%BA%AC%20%282001%29.mp4" in disposition
