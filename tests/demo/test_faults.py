"""Fault injection and throttling on the fake provider."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from tests.fakes import Catalogue, FakeProvider
from tests.fixtures.waiting import wait_for
from vodarr.integrations.xtream import XtreamClient

SIZE = 256 * 1024


def test_it_fails_the_next_requests_then_serves_again(fake_provider: FakeProvider) -> None:
    fake_provider.fail_next("movie", 1, count=2, status=503)
    url = fake_provider.media_url("movie", 1)
    statuses = [httpx.get(url).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert fake_provider.hits("movie", 1) == 3


def test_it_fails_only_the_item_it_was_told_to(fake_provider: FakeProvider) -> None:
    fake_provider.fail_next("movie", 1, count=1, status=500)
    assert httpx.get(fake_provider.media_url("movie", 2)).status_code == 200
    assert httpx.get(fake_provider.media_url("movie", 1)).status_code == 500


def test_it_drops_the_connection_after_the_given_number_of_bytes(
    fake_provider: FakeProvider,
) -> None:
    fake_provider.drop_after("episode", 10102, 10_000)
    received = bytearray()
    with (
        pytest.raises(httpx.RemoteProtocolError),
        httpx.stream("GET", fake_provider.media_url("episode", 10102)) as response,
    ):
        assert response.headers["Content-Length"] == str(SIZE)
        for chunk in response.iter_raw():
            received.extend(chunk)
    assert bytes(received) == fake_provider.expected_bytes("episode", 10102)[:10_000]
    again = httpx.get(fake_provider.media_url("episode", 10102))
    assert again.content == fake_provider.expected_bytes("episode", 10102)


def test_it_counts_dropped_bytes_from_the_start_of_a_range(fake_provider: FakeProvider) -> None:
    fake_provider.drop_after("movie", 3, 100, times=1)
    received = bytearray()
    url = fake_provider.media_url("movie", 3)
    with (
        pytest.raises(httpx.RemoteProtocolError),
        httpx.stream("GET", url, headers={"Range": "bytes=5000-"}) as response,
    ):
        for chunk in response.iter_raw():
            received.extend(chunk)
    assert bytes(received) == fake_provider.expected_bytes("movie", 3)[5000:5100]


def test_it_answers_404_forever_for_an_item_that_is_gone(fake_provider: FakeProvider) -> None:
    fake_provider.not_found_forever("movie", 2)
    url = fake_provider.media_url("movie", 2)
    assert [httpx.get(url).status_code for _ in range(3)] == [404, 404, 404]
    with XtreamClient(fake_provider.base_url, fake_provider.username, fake_provider.password) as c:
        assert 2 in [m.stream_id for m in c.vod_streams()]


def test_a_removed_movie_disappears_from_the_list_and_the_media(
    fake_provider: FakeProvider,
) -> None:
    url = fake_provider.media_url("movie", 3)
    fake_provider.remove_movie(3)
    assert httpx.get(url).status_code == 404
    with XtreamClient(fake_provider.base_url, fake_provider.username, fake_provider.password) as c:
        assert 3 not in [m.stream_id for m in c.vod_streams()]


def test_it_serves_every_byte_even_when_a_fault_is_reset(fake_provider: FakeProvider) -> None:
    fake_provider.fail_next("movie", 1, count=5)
    fake_provider.not_found_forever("movie", 2)
    fake_provider.reset_faults()
    assert httpx.get(fake_provider.media_url("movie", 1)).status_code == 200
    assert httpx.get(fake_provider.media_url("movie", 2)).status_code == 200


@pytest.fixture
def paced() -> Iterator[tuple[FakeProvider, list[float]]]:
    """A provider whose throttle pauses are recorded instead of slept."""
    pauses: list[float] = []
    provider = FakeProvider(catalogue=Catalogue(), sleep=pauses.append)
    provider.add_movie(1, "Slow", size=100_000)
    with provider:
        yield provider, pauses


def test_it_paces_a_throttled_transfer_to_the_given_rate(
    paced: tuple[FakeProvider, list[float]],
) -> None:
    provider, pauses = paced
    provider.set_throttle("movie", 1, 10_000)
    response = httpx.get(provider.media_url("movie", 1))
    assert response.content == provider.expected_bytes("movie", 1)
    # 100 kB at 10 kB/s is 10 s of pacing, in chunks of at most an eighth of a second. The
    # server records the last pause after the client has every byte: wait for it.
    wait_for(lambda: len(pauses) == 80, message=lambda: f"80 pauses, not {len(pauses)}")
    assert sum(pauses) == pytest.approx(10.0)
    assert max(pauses) <= 0.125 + 1e-9


def test_it_does_not_pause_an_unthrottled_transfer(paced: tuple[FakeProvider, list[float]]) -> None:
    provider, pauses = paced
    httpx.get(provider.media_url("movie", 1))
    provider.set_throttle("movie", 1, 10_000)
    provider.set_throttle("movie", 1, None)
    httpx.get(provider.media_url("movie", 1))
    assert pauses == []


def test_a_throttled_download_does_not_hold_up_other_requests() -> None:
    provider = FakeProvider(catalogue=Catalogue())
    provider.add_movie(1, "Slow", size=SIZE)
    provider.set_throttle("movie", 1, 8 * 1024)  # ~30 s for the whole file
    with provider, httpx.stream("GET", provider.media_url("movie", 1)) as slow:
        first = next(slow.iter_raw())
        assert first == provider.expected_bytes("movie", 1)[: len(first)]
        with XtreamClient(provider.base_url, provider.username, provider.password) as client:
            assert client.account().user_info.auth
        # Leaving the block stops the provider mid-transfer; it must not wait for the file.


def test_it_holds_requests_while_not_responding_and_answers_after_resume(
    fake_provider: FakeProvider,
) -> None:
    fake_provider.stop_responding()
    result: list[int] = []
    request = threading.Thread(
        target=lambda: result.append(httpx.get(fake_provider.media_url("movie", 1)).status_code)
    )
    request.start()
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(fake_provider.media_url("movie", 2), timeout=0.2)
    fake_provider.resume()
    request.join(timeout=10)
    assert result == [200]


def test_it_answers_the_api_with_raw_overrides_for_a_number_of_times(
    fake_provider: FakeProvider,
) -> None:
    fake_provider.set_api_response("get_vod_categories", "{broken", times=1)
    api = f"{fake_provider.base_url}/player_api.php"
    params = {
        "username": fake_provider.username,
        "password": fake_provider.password,
        "action": "get_vod_categories",
    }
    assert httpx.get(api, params=params).text == "{broken"
    assert httpx.get(api, params=params).json()[0]["category_name"] == "Silent Classics"
    assert fake_provider.api_calls("get_vod_categories") == 2
    assert fake_provider.api_calls() == 2


def test_it_answers_auth_zero_to_wrong_api_credentials(fake_provider: FakeProvider) -> None:
    api = f"{fake_provider.base_url}/player_api.php"
    response = httpx.get(api, params={"username": "x", "password": "y"})
    assert response.json() == {"user_info": {"auth": 0}}


def test_set_account_refuses_fields_it_does_not_know(fake_provider: FakeProvider) -> None:
    with pytest.raises(TypeError, match="colour"):
        fake_provider.set_account(colour="red")
