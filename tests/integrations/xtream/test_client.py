"""XtreamClient against the fake provider (a real HTTP server) and httpx.MockTransport."""

from __future__ import annotations

import socket

import httpx
import pytest

from tests.fakes import FakeProvider
from vodarr.integrations.xtream import (
    XtreamAuthError,
    XtreamClient,
    XtreamError,
    XtreamNotFound,
    XtreamUnreachable,
)


def client_for(provider: FakeProvider, **kwargs: object) -> XtreamClient:
    return XtreamClient(provider.base_url, provider.username, provider.password, **kwargs)  # type: ignore[arg-type]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the happy path ----------------------------------------------------------------------


def test_it_reads_the_account(xtream_client: XtreamClient, fake_provider: FakeProvider) -> None:
    fake_provider.set_account(max_connections=3, active_cons=1, is_trial=True)
    user = xtream_client.account().user_info
    assert (user.auth, user.status, user.username) == (True, "Active", fake_provider.username)
    assert (user.max_connections, user.active_cons, user.is_trial) == (3, 1, True)
    assert user.exp_date is not None


def test_it_lists_movie_and_series_categories(xtream_client: XtreamClient) -> None:
    assert [(c.id, c.name) for c in xtream_client.vod_categories()] == [
        ("1", "Silent Classics"),
        ("2", "Film Noir"),
    ]
    assert [(c.id, c.name) for c in xtream_client.series_categories()] == [("1", "Drama")]


def test_it_lists_movies_all_or_by_category(xtream_client: XtreamClient) -> None:
    assert [m.stream_id for m in xtream_client.vod_streams()] == [1, 2, 3]
    assert [m.name for m in xtream_client.vod_streams(category_id="2")] == ["Detour"]
    metropolis = xtream_client.vod_streams(1)[1]
    assert (metropolis.container_extension, metropolis.rating) == ("mkv", 8.3)
    assert metropolis.poster is not None and metropolis.poster.endswith("/images/movie/2.svg")


def test_it_reads_a_movies_details(xtream_client: XtreamClient) -> None:
    movie = xtream_client.vod_info(1)
    assert (movie.stream_id, movie.name, movie.year, movie.rating) == (1, "Nosferatu", 1922, 7.8)
    assert movie.plot == "A vampire comes to Wisborg."
    assert movie.container_extension == "mp4"
    assert movie.backdrop is not None


def test_it_reads_a_series_with_its_seasons_and_episodes(xtream_client: XtreamClient) -> None:
    [summary] = xtream_client.series()
    show = xtream_client.series_info(summary.series_id)
    assert (show.series_id, show.name, show.year) == (10, "The Lighthouse Keepers", 2019)
    assert [(s.season_number, s.episode_count) for s in show.seasons] == [(1, 2), (2, 1)]
    found = show.find_episode(2, 1)
    assert found is not None
    assert (found.id, found.title) == ("10201", "The Lighthouse Keepers - S02E01 - The Relief Boat")


@pytest.mark.parametrize(
    "quirks",
    [
        {"ids_as_strings": True, "rating_as_number": True},
        {"episodes_as_list": True},
        {"backdrop_as_string": True, "release_date_key": "releaseDate", "padded_names": True},
        {"empty_strings": True},
    ],
)
def test_it_reads_the_same_library_whatever_quirks_the_panel_has(
    fake_provider: FakeProvider, quirks: dict[str, object]
) -> None:
    with client_for(fake_provider) as plain:
        expected = (plain.vod_streams(), plain.vod_info(2), plain.series(), plain.series_info(10))
    fake_provider.set_quirks(**quirks)
    with client_for(fake_provider) as quirky:
        actual = (quirky.vod_streams(), quirky.vod_info(2), quirky.series(), quirky.series_info(10))
    assert actual == expected


def test_it_derives_seasons_when_the_panel_sends_none(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    fake_provider.set_quirks(omit_seasons=True, episodes_as_list=True)
    show = xtream_client.series_info(10)
    assert [(s.season_number, s.name, s.episode_count) for s in show.seasons] == [
        (1, "Season 1", 2),
        (2, "Season 2", 1),
    ]
    assert [e.id for e in show.episodes] == ["10101", "10102", "10201"]


def test_it_sends_its_user_agent_on_every_request() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["User-Agent"])
        return httpx.Response(200, json=[])

    transport = httpx.MockTransport(handler)
    with XtreamClient("http://panel", "u", "p", user_agent="Vodarr/9", transport=transport) as c:
        c.vod_categories()
        c.series()
    assert seen == ["Vodarr/9", "Vodarr/9"]


# --- the cache ---------------------------------------------------------------------------


def test_it_asks_the_provider_once_for_a_movie_viewed_then_downloaded(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    first = xtream_client.vod_info(1)
    assert xtream_client.vod_info("1") is first
    assert fake_provider.api_calls("get_vod_info") == 1
    xtream_client.vod_info(2)
    assert fake_provider.api_calls("get_vod_info") == 2


def test_it_asks_the_provider_once_for_a_series_within_the_ttl(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    xtream_client.series_info(10)
    xtream_client.series_info(10)
    assert fake_provider.api_calls("get_series_info") == 1


def test_it_asks_again_after_the_cache_is_cleared(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    xtream_client.vod_info(1)
    xtream_client.clear_cache()
    xtream_client.vod_info(1)
    assert fake_provider.api_calls("get_vod_info") == 2


def test_it_does_not_cache_when_the_ttl_is_zero(fake_provider: FakeProvider) -> None:
    with client_for(fake_provider, cache_ttl=0) as client:
        client.series_info(10)
        client.series_info(10)
    assert fake_provider.api_calls("get_series_info") == 2


def test_it_does_not_cache_a_failure(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    fake_provider.fail_next_api(1, status=503, action="get_vod_info")
    with pytest.raises(XtreamError):
        xtream_client.vod_info(1)
    assert xtream_client.vod_info(1).name == "Nosferatu"


# --- the extension of a movie ------------------------------------------------------------


def test_it_uses_the_known_extension_without_asking_the_provider(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    assert xtream_client.movie_extension(2, known="MKV") == "mkv"
    assert fake_provider.api_calls("get_vod_info") == 0


def test_it_asks_movie_data_for_the_extension_when_the_list_has_none(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    fake_provider.set_quirks(omit_list_extension=True)
    [listed] = [m for m in xtream_client.vod_streams() if m.stream_id == 2]
    assert listed.container_extension is None
    assert xtream_client.movie_extension(2, known=listed.container_extension) == "mkv"


def test_it_falls_back_to_mp4_when_no_extension_is_known(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    fake_provider.set_quirks(omit_list_extension=True, omit_movie_data_extension=True)
    assert xtream_client.movie_extension(2) == "mp4"


def test_it_falls_back_to_mp4_for_a_movie_the_provider_does_not_know(
    xtream_client: XtreamClient,
) -> None:
    assert xtream_client.movie_extension(999) == "mp4"


def test_it_lets_other_failures_through_when_looking_up_an_extension(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    fake_provider.fail_next_api(1, status=502)
    with pytest.raises(XtreamError) as caught:
        xtream_client.movie_extension(2)
    assert not caught.value.permanent


# --- failures ----------------------------------------------------------------------------


def test_it_reports_wrong_credentials_as_a_permanent_auth_error(
    fake_provider: FakeProvider,
) -> None:
    with (
        XtreamClient(fake_provider.base_url, fake_provider.username, "wrong") as client,
        pytest.raises(XtreamAuthError) as caught,
    ):
        client.account()
        with pytest.raises(XtreamAuthError):
            client.vod_streams()
    assert caught.value.message == "The provider rejected the username or password."
    assert caught.value.permanent


def test_it_reports_a_disabled_account_as_an_auth_error(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    fake_provider.set_account(auth=0)
    with pytest.raises(XtreamAuthError):
        xtream_client.series_info(10)


@pytest.mark.parametrize("status", [401, 403])
def test_it_reports_http_401_and_403_as_auth_errors(
    xtream_client: XtreamClient, fake_provider: FakeProvider, status: int
) -> None:
    fake_provider.set_api_response(None, "Forbidden", status=status)
    with pytest.raises(XtreamAuthError):
        xtream_client.account()


def test_it_reports_a_closed_port_as_unreachable_and_worth_retrying() -> None:
    port = closed_port()
    with (
        XtreamClient(f"http://127.0.0.1:{port}", "u", "pw-secret") as client,
        pytest.raises(XtreamUnreachable) as caught,
    ):
        client.account()
    assert caught.value.message == "The provider is not reachable (connection refused)."
    assert caught.value.detail == (
        f"The provider at http://127.0.0.1:{port} is not reachable (connection refused)."
    )
    assert not caught.value.permanent


def test_it_reports_a_provider_that_never_answers_as_timed_out(fake_provider: FakeProvider) -> None:
    fake_provider.stop_responding()
    with (
        client_for(fake_provider, timeout=0.3) as client,
        pytest.raises(XtreamUnreachable) as caught,
    ):
        client.vod_categories()
    assert "timed out" in caught.value.message
    assert not caught.value.permanent


def test_it_reports_a_name_that_does_not_resolve_as_unreachable() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    with (
        XtreamClient("http://no.such.host", "u", "p", transport=httpx.MockTransport(refuse)) as c,
        pytest.raises(XtreamUnreachable) as caught,
    ):
        c.account()
    assert "(the host name could not be resolved)" in caught.value.message


@pytest.mark.parametrize("body", ["<html>502 Bad Gateway</html>", "{not json", b"\xff\xfe"])
def test_it_reports_a_response_that_is_not_json_as_retryable(
    xtream_client: XtreamClient, fake_provider: FakeProvider, body: str | bytes
) -> None:
    fake_provider.set_api_response("get_vod_streams", body)
    with pytest.raises(XtreamError) as caught:
        xtream_client.vod_streams()
    assert caught.value.message.endswith("sent a response to get_vod_streams that is not JSON.")
    assert not caught.value.permanent


def test_it_reports_an_empty_response(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    fake_provider.set_api_response("get_series", "")
    with pytest.raises(XtreamError, match="empty response to get_series"):
        xtream_client.series()


def test_it_reports_an_unexpected_shape_as_permanent(
    xtream_client: XtreamClient, fake_provider: FakeProvider
) -> None:
    fake_provider.set_api_response("get_vod_categories", "Server is busy")
    fake_provider.set_api_response("get_vod_streams", '"Server is busy"')
    with pytest.raises(XtreamError):
        xtream_client.vod_categories()
    with pytest.raises(XtreamError, match="unexpected response for the movie list") as caught:
        xtream_client.vod_streams()
    assert caught.value.permanent


@pytest.mark.parametrize(
    ("status", "permanent"), [(500, False), (503, False), (429, False), (400, True)]
)
def test_it_says_whether_an_http_error_is_worth_retrying(
    xtream_client: XtreamClient, fake_provider: FakeProvider, status: int, permanent: bool
) -> None:
    fake_provider.fail_next_api(1, status=status)
    with pytest.raises(XtreamError) as caught:
        xtream_client.series()
    assert caught.value.permanent is permanent
    assert f"HTTP {status}" in caught.value.message
    assert xtream_client.series()  # the next call goes through


def test_it_tells_a_wrong_server_url_from_a_wrong_password(fake_provider: FakeProvider) -> None:
    with (
        XtreamClient(f"{fake_provider.base_url}/panel", "u", "p") as client,
        pytest.raises(XtreamError, match=r"has no player_api\.php") as caught,
    ):
        client.account()
    assert caught.value.permanent
    assert not isinstance(caught.value, XtreamAuthError)


def test_it_reports_an_unknown_movie_or_series_as_not_found(xtream_client: XtreamClient) -> None:
    with pytest.raises(XtreamNotFound, match="no movie with id 404"):
        xtream_client.vod_info(404)
    with pytest.raises(XtreamNotFound, match="no series with id 404"):
        xtream_client.series_info(404)


@pytest.mark.parametrize("bad_id", ["", "abc", 0, -1])
def test_it_refuses_an_id_that_cannot_be_one(xtream_client: XtreamClient, bad_id: object) -> None:
    with pytest.raises(XtreamNotFound):
        xtream_client.vod_info(bad_id)  # type: ignore[arg-type]


def test_it_does_not_reveal_the_password_in_its_repr(xtream_client: XtreamClient) -> None:
    assert "s3cret" not in repr(xtream_client)
