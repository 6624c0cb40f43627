"""The fake provider's media: deterministic bytes, HTTP Range, HEAD, credentials."""

from __future__ import annotations

import httpx
import pytest

from tests.fakes import Catalogue, FakeProvider
from vodarr.demo.media import RangeNotSatisfiable, media_bytes, parse_range

SIZE = 256 * 1024


def test_the_content_is_a_pure_function_of_kind_id_and_offset() -> None:
    whole = media_bytes("movie", 7, 0, 10_000)
    assert media_bytes("movie", 7, 4090, 4200) == whole[4090:4200]
    assert media_bytes("movie", 7, 0, 10_000) == whole
    assert media_bytes("movie", 8, 0, 10_000) != whole
    assert media_bytes("episode", 7, 0, 10_000) != whole
    assert media_bytes("series", 7, 0, 100) == media_bytes("episode", 7, 0, 100)


def test_two_providers_serve_the_same_bytes_for_the_same_item() -> None:
    first, second = FakeProvider(catalogue=Catalogue()), FakeProvider(catalogue=Catalogue())
    first.add_movie(5, "A", size=5000)
    second.add_movie(5, "B", size=5000)
    assert first.expected_bytes("movie", 5) == second.expected_bytes("movie", 5)
    assert first.media_size("movie", 5) == 5000


def test_it_serves_the_whole_file_and_advertises_ranges(fake_provider: FakeProvider) -> None:
    response = httpx.get(fake_provider.media_url("movie", 1))
    assert response.status_code == 200
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["Content-Type"] == "video/mp4"
    assert int(response.headers["Content-Length"]) == SIZE
    assert response.content == fake_provider.expected_bytes("movie", 1)


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-99", 0, 100),
        ("bytes=1000-", 1000, SIZE),
        ("bytes=-500", SIZE - 500, SIZE),
        ("bytes=100-999999999", 100, SIZE),
        (f"bytes={SIZE - 1}-{SIZE - 1}", SIZE - 1, SIZE),
    ],
)
def test_it_answers_a_range_with_206_and_the_exact_bytes(
    fake_provider: FakeProvider, header: str, start: int, end: int
) -> None:
    response = httpx.get(fake_provider.media_url("episode", 10101), headers={"Range": header})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes {start}-{end - 1}/{SIZE}"
    assert response.content == fake_provider.expected_bytes("episode", 10101)[start:end]


def test_a_resumed_download_joins_up_byte_for_byte(fake_provider: FakeProvider) -> None:
    url = fake_provider.media_url("movie", 2)
    head = httpx.get(url, headers={"Range": "bytes=0-12344"}).content
    tail = httpx.get(url, headers={"Range": "bytes=12345-"}).content
    assert head + tail == fake_provider.expected_bytes("movie", 2)


@pytest.mark.parametrize("header", [f"bytes={SIZE}-", f"bytes={SIZE + 10}-{SIZE + 20}", "bytes=-0"])
def test_it_answers_416_to_a_range_beyond_the_end(fake_provider: FakeProvider, header: str) -> None:
    response = httpx.get(fake_provider.media_url("movie", 1), headers={"Range": header})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{SIZE}"


@pytest.mark.parametrize("header", ["bytes=5-2", "items=0-10", "bytes=0-1,5-6", "bytes=x-"])
def test_it_ignores_a_range_it_does_not_support(fake_provider: FakeProvider, header: str) -> None:
    response = httpx.get(fake_provider.media_url("movie", 1), headers={"Range": header})
    assert response.status_code == 200
    assert len(response.content) == SIZE


def test_it_answers_head_with_headers_only(fake_provider: FakeProvider) -> None:
    whole = httpx.head(fake_provider.media_url("movie", 2))
    part = httpx.head(fake_provider.media_url("movie", 2), headers={"Range": "bytes=10-"})
    assert (whole.status_code, whole.content) == (200, b"")
    assert whole.headers["Content-Length"] == str(SIZE)
    assert whole.headers["Content-Type"] == "video/x-matroska"
    assert (part.status_code, part.headers["Content-Length"]) == (206, str(SIZE - 10))
    assert fake_provider.hits("movie", 2) == 2


def test_it_serves_many_requests_on_one_kept_alive_connection(fake_provider: FakeProvider) -> None:
    with httpx.Client() as client:
        for start in (0, 100, 200):
            response = client.get(
                fake_provider.media_url("movie", 3), headers={"Range": f"bytes={start}-{start + 9}"}
            )
            assert response.content == fake_provider.expected_bytes("movie", 3)[start : start + 10]
    assert fake_provider.hits("movie", 3) == 3


def test_it_answers_403_to_wrong_credentials_on_media(fake_provider: FakeProvider) -> None:
    url = fake_provider.media_url("movie", 1).replace(fake_provider.username, "intruder")
    assert httpx.get(url).status_code == 403


def test_it_answers_404_to_an_unknown_item_or_the_wrong_extension(
    fake_provider: FakeProvider,
) -> None:
    url = fake_provider.media_url("movie", 1)
    assert httpx.get(url.replace("/1.mp4", "/99.mp4")).status_code == 404
    assert httpx.get(url.replace("/1.mp4", "/1.mkv")).status_code == 404


def test_it_logs_and_counts_requests(fake_provider: FakeProvider) -> None:
    httpx.get(fake_provider.media_url("episode", 10201))
    assert fake_provider.hits("series", 10201) == 1
    assert fake_provider.request_log[-1].startswith("/series/")


def test_parse_range_reads_the_forms_aria2_and_browsers_send() -> None:
    assert parse_range(None, 100) is None
    assert parse_range("bytes=0-", 100) == parse_range("bytes=0-99", 100)
    found = parse_range("bytes=-10", 100)
    assert found is not None and (found.start, found.end, found.length) == (90, 100, 10)
    with pytest.raises(RangeNotSatisfiable):
        parse_range("bytes=100-", 100)
