"""The big lists read as a stream: the same quirks as the whole-body parser, in bounded memory."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from tests.fakes import FakeProvider
from vodarr.integrations.xtream import XtreamAuthError, XtreamClient, XtreamError
from vodarr.integrations.xtream.parsing import series_entry, vod_stream_entry
from vodarr.integrations.xtream.stream import Listing


def not_json() -> XtreamError:
    return XtreamError("not JSON", permanent=False)


def movies(body: bytes) -> list[Any]:
    with Listing(io.BytesIO(body), vod_stream_entry, "movie list", not_json) as listing:
        return list(listing)


def entry(stream_id: object, **fields: object) -> dict[str, object]:
    return {"stream_id": stream_id, "name": f"Movie {stream_id}", **fields}


class CountingReader(io.BytesIO):
    """A body that counts how many bytes the parser has asked for so far."""

    consumed = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.consumed += len(data)
        return data


# --- the same quirks as parsing.entries ------------------------------------------------------


def test_it_reads_a_list_and_an_object_keyed_by_index_alike() -> None:
    as_list = movies(json.dumps([entry(1), entry("2")]).encode())
    as_object = movies(json.dumps({"0": entry(1), "1": entry("2")}).encode())
    assert [m.stream_id for m in as_list] == [m.stream_id for m in as_object] == [1, 2]


@pytest.mark.parametrize("body", [b"[]", b"{}", b"null", b"false", b'""', b" \n [ ] \n"])
def test_it_reads_every_spelling_of_an_empty_list(body: bytes) -> None:
    assert movies(body) == []


def test_it_skips_a_utf8_byte_order_mark_before_the_json() -> None:
    assert [m.name for m in movies(b"\xef\xbb\xbf" + json.dumps([entry(3)]).encode())] == [
        "Movie 3"
    ]


def test_it_skips_entries_without_a_usable_id_and_coerces_the_rest() -> None:
    body = json.dumps(
        [entry(""), entry("abc"), entry(" 7 ", rating="7,5", added="1700000000"), "junk", None]
    ).encode()
    [movie] = movies(body)
    assert (movie.stream_id, movie.rating, movie.added.year) == (7, 7.5, 2023)  # type: ignore[union-attr]


def test_it_keeps_an_entry_whose_number_overflows_a_float() -> None:
    [movie] = movies(b'[{"stream_id": 5, "name": "Big", "rating": 1e400, "year": 1e2}]')
    assert (movie.stream_id, movie.rating, movie.year) == (5, None, None)


def test_it_reads_ratings_sent_as_json_numbers() -> None:
    [movie] = movies(b'[{"stream_id": 5.0, "name": "N", "rating": 7.5, "year": 1999}]')
    assert (movie.stream_id, movie.rating, movie.year) == (5, 7.5, 1999)


def test_it_turns_a_refused_login_into_an_auth_error() -> None:
    with pytest.raises(XtreamAuthError):
        movies(b'{"user_info": {"auth": 0}}')


@pytest.mark.parametrize("body", [b'"Server is busy"', b"42", b"true"])
def test_it_rejects_a_bare_value_that_is_not_an_empty_list(body: bytes) -> None:
    with pytest.raises(XtreamError, match="unexpected response for the movie list") as caught:
        movies(body)
    assert caught.value.permanent


@pytest.mark.parametrize(
    "body",
    [
        b'[{"stream_id": 1, "name": "A"}, {"stream_id": 2, "na',  # the connection dropped
        b'[{"stream_id": 1, "name": "A"}] <br>Warning: PHP',  # garbage after the list
        b"<html>502 Bad Gateway</html>",
        b'["\xff"]',  # not UTF-8
    ],
)
def test_a_body_that_is_not_json_raises_the_callers_error(body: bytes) -> None:
    with pytest.raises(XtreamError, match="not JSON"):
        movies(body)


def test_it_reads_series_with_the_same_rules() -> None:
    body = json.dumps({"0": {"series_id": "12", "name": " Show ", "cover": "http://i/c.jpg"}})
    with Listing(io.BytesIO(body.encode()), series_entry, "series list", not_json) as listing:
        [show] = list(listing)
    assert (show.series_id, show.name, show.poster) == (12, "Show", "http://i/c.jpg")


# --- bounded memory ---------------------------------------------------------------------------


def test_it_hands_out_the_first_entry_before_reading_the_whole_body() -> None:
    body = CountingReader(json.dumps([entry(n, plot="x" * 200) for n in range(1, 20_001)]).encode())
    listing = Listing(body, vod_stream_entry, "movie list", not_json)

    first = next(iter(listing))

    assert first.stream_id == 1
    assert body.consumed < len(body.getvalue()) // 10


def test_the_client_never_decodes_a_whole_list_with_json(
    xtream_client: XtreamClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("a list was decoded whole")

    monkeypatch.setattr(json, "loads", refuse)
    monkeypatch.setattr(json, "load", refuse)

    with xtream_client.vod_stream_listing() as listing:
        assert [m.stream_id for m in listing] == [1, 2, 3]
    assert [s.series_id for s in xtream_client.series()] == [10]


def test_a_listing_is_fetched_when_asked_for_and_parsed_when_iterated(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    listing = xtream_client.vod_stream_listing()
    fake_provider.stop()  # the body is already here: parsing needs no connection

    with listing:
        assert [m.name for m in listing] == ["Nosferatu", "Metropolis", "Detour"]


def test_a_list_that_breaks_off_fails_while_iterating(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    fake_provider.set_api_response("get_vod_streams", '[{"stream_id": 1, "name": "A"}, {"s')

    with xtream_client.vod_stream_listing() as listing, pytest.raises(XtreamError) as caught:
        list(listing)
    assert caught.value.message.endswith("sent a response to get_vod_streams that is not JSON.")
    assert not caught.value.permanent
    assert fake_provider.password not in caught.value.message
