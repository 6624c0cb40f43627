"""Each quirk real panels send, fed straight to the parsers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from vodarr.integrations.xtream import XtreamAuthError, XtreamError, XtreamNotFound
from vodarr.integrations.xtream.parsing import (
    parse_account,
    parse_categories,
    parse_series_info,
    parse_series_list,
    parse_vod_info,
    parse_vod_streams,
)


def stream(**fields: object) -> dict[str, object]:
    return {"stream_id": 1, "name": "Nosferatu", **fields}


def episode(ep_id: object, num: object, **fields: object) -> dict[str, object]:
    return {"id": ep_id, "episode_num": num, "title": f"Episode {num}", **fields}


# --- ids and numbers ---------------------------------------------------------------------


@pytest.mark.parametrize("raw", [12, "12", " 12 ", 12.0, "12.0"])
def test_it_reads_a_stream_id_given_as_int_or_string(raw: object) -> None:
    [movie] = parse_vod_streams([stream(stream_id=raw)])
    assert movie.stream_id == 12


@pytest.mark.parametrize("raw", ["", None, "abc", True, -3, [], {}])
def test_it_skips_a_movie_whose_id_is_unusable(raw: object) -> None:
    assert parse_vod_streams([stream(stream_id=raw), stream(stream_id=2)])[0].stream_id == 2
    assert len(parse_vod_streams([stream(stream_id=raw)])) == 0


@pytest.mark.parametrize(("raw", "expected"), [("7.5", 7.5), (7.5, 7.5), (8, 8.0), ("7,5", 7.5)])
def test_it_reads_a_rating_given_as_string_or_number(raw: object, expected: float) -> None:
    assert parse_vod_streams([stream(rating=raw)])[0].rating == expected


@pytest.mark.parametrize("raw", ["", None, "N/A", "0", 0, "nan", "1e400"])
def test_it_treats_an_empty_or_meaningless_rating_as_unknown(raw: object) -> None:
    assert parse_vod_streams([stream(rating=raw)])[0].rating is None


def test_it_reads_added_as_a_unix_timestamp_string() -> None:
    [movie] = parse_vod_streams([stream(added="1700000000")])
    assert movie.added == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_it_strips_whitespace_around_names() -> None:
    [movie] = parse_vod_streams([stream(name="  Nosferatu \n")])
    [category] = parse_categories([{"category_id": 3, "category_name": " Noir  "}])
    assert movie.name == "Nosferatu"
    assert (category.id, category.name) == ("3", "Noir")


def test_it_keeps_category_ids_as_strings_whatever_the_panel_sends() -> None:
    assert parse_vod_streams([stream(category_id=4)])[0].category_id == "4"
    assert parse_vod_streams([stream(category_id="")])[0].category_id is None


def test_it_leaves_the_extension_unknown_when_the_list_has_none() -> None:
    assert parse_vod_streams([stream()])[0].container_extension is None
    assert parse_vod_streams([stream(container_extension=" .MKV ")])[0].container_extension == "mkv"


def test_it_refuses_an_extension_that_could_escape_a_file_name() -> None:
    assert parse_vod_streams([stream(container_extension="../x")])[0].container_extension is None


def test_it_keeps_only_http_images() -> None:
    [movie] = parse_vod_streams([stream(stream_icon="javascript:alert(1)")])
    assert movie.poster is None
    assert parse_vod_streams([stream(stream_icon="https://i/p.jpg")])[0].poster == "https://i/p.jpg"


@pytest.mark.parametrize("empty", [[], {}, None, "", False])
def test_it_reads_an_empty_list_in_any_of_its_spellings(empty: object) -> None:
    assert parse_vod_streams(empty) == []
    assert parse_categories(empty) == []
    assert parse_series_list(empty) == []


def test_it_accepts_a_list_sent_as_an_object_keyed_by_index() -> None:
    streams = parse_vod_streams({"0": stream(stream_id=1), "1": stream(stream_id=2)})
    assert [s.stream_id for s in streams] == [1, 2]


def test_it_rejects_a_list_response_that_is_not_a_list() -> None:
    with pytest.raises(XtreamError) as caught:
        parse_vod_streams("Server busy")
    assert caught.value.permanent
    assert "movie list" in caught.value.message


# --- vod info ----------------------------------------------------------------------------


def vod_info(**info: object) -> dict[str, object]:
    return {
        "info": {"name": "Nosferatu", **info},
        "movie_data": {"stream_id": "1", "name": "Nosferatu", "container_extension": "mkv"},
    }


def test_it_reads_a_movies_details() -> None:
    movie = parse_vod_info(
        vod_info(
            plot="A vampire.",
            genre="Horror",
            cast="Max Schreck",
            director="F. W. Murnau",
            rating="7.9",
            duration_secs="5640",
            movie_image="http://i/p.jpg",
            releasedate="1922-03-04",
        ),
        1,
    )
    assert (movie.stream_id, movie.name, movie.plot, movie.genre) == (
        1,
        "Nosferatu",
        "A vampire.",
        "Horror",
    )
    assert (movie.cast, movie.director, movie.rating) == ("Max Schreck", "F. W. Murnau", 7.9)
    assert (movie.duration_secs, movie.year, movie.poster) == (5640, 1922, "http://i/p.jpg")
    assert movie.container_extension == "mkv"


@pytest.mark.parametrize("key", ["releasedate", "releaseDate", "release_date"])
def test_it_derives_the_year_from_any_spelling_of_the_release_date(key: str) -> None:
    assert parse_vod_info(vod_info(**{key: "1927-01-10"}), 1).year == 1927


def test_it_prefers_an_explicit_year_field() -> None:
    assert parse_vod_info(vod_info(year="1926", releasedate="2004-01-01"), 1).year == 1926


def test_it_reads_the_duration_from_a_clock_string_when_seconds_are_missing() -> None:
    assert parse_vod_info(vod_info(duration="01:34:00"), 1).duration_secs == 5640


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("http://i/b.jpg", ("http://i/b.jpg",)),
        (["http://i/b.jpg", "http://i/c.jpg"], ("http://i/b.jpg", "http://i/c.jpg")),
        ([], ()),
        ("", ()),
        (None, ()),
    ],
)
def test_it_reads_backdrop_path_as_a_string_or_a_list(raw: object, expected: tuple[str]) -> None:
    movie = parse_vod_info(vod_info(backdrop_path=raw), 1)
    assert movie.backdrops == expected
    assert movie.backdrop == (expected[0] if expected else None)


def test_it_accepts_info_sent_as_an_empty_list_when_movie_data_is_there() -> None:
    movie = parse_vod_info({"info": [], "movie_data": {"stream_id": 5, "name": " Detour "}}, 5)
    assert (movie.stream_id, movie.name, movie.plot, movie.year) == (5, "Detour", "", None)
    assert movie.container_extension is None


@pytest.mark.parametrize(
    "response", [[], {}, None, {"info": [], "movie_data": []}, {"info": {}, "movie_data": {}}]
)
def test_it_reports_an_unknown_movie_as_not_found(response: object) -> None:
    with pytest.raises(XtreamNotFound) as caught:
        parse_vod_info(response, 77)
    assert caught.value.permanent
    assert "77" in caught.value.message


# --- series ------------------------------------------------------------------------------


def series_info(episodes: object, seasons: object = None) -> dict[str, object]:
    return {
        "info": {"name": "The Lighthouse Keepers", "releaseDate": "2019-05-01"},
        **({"episodes": episodes} if episodes is not None else {}),
        **({"seasons": seasons} if seasons is not None else {}),
    }


def test_it_reads_episodes_keyed_by_season_string() -> None:
    show = parse_series_info(
        series_info({"1": [episode("101", 1), episode("102", "2")], "2": [episode("201", 1)]}), 7
    )
    assert [(e.id, e.season, e.episode_num) for e in show.episodes] == [
        ("101", 1, 1),
        ("102", 1, 2),
        ("201", 2, 1),
    ]
    assert show.year == 2019


def test_it_reads_episodes_given_as_a_list_of_lists() -> None:
    show = parse_series_info(
        series_info([[episode(101, 1)], [episode(201, 1), episode(202, 2)]]), 7
    )
    assert [(e.id, e.season) for e in show.episodes] == [("101", 1), ("201", 2), ("202", 2)]


def test_it_trusts_an_episodes_own_season_over_its_position() -> None:
    show = parse_series_info(series_info([[episode(301, 1, season="3")]]), 7)
    assert show.episodes[0].season == 3


def test_it_reads_a_flat_list_of_episodes() -> None:
    show = parse_series_info(series_info([episode(1, 1, season=2), episode(2, 2, season=2)]), 7)
    assert [(e.season, e.episode_num) for e in show.episodes] == [(2, 1), (2, 2)]


@pytest.mark.parametrize("seasons", [None, [], {}, ""])
def test_it_derives_seasons_from_episodes_when_seasons_are_empty_or_missing(
    seasons: object,
) -> None:
    show = parse_series_info(series_info({"1": [episode(1, 1)], "2": [episode(2, 1)]}, seasons), 7)
    assert [(s.season_number, s.name, s.episode_count) for s in show.seasons] == [
        (1, "Season 1", 1),
        (2, "Season 2", 1),
    ]


def test_it_keeps_season_details_but_only_for_seasons_with_episodes() -> None:
    seasons = [
        {"season_number": 1, "name": "Book One", "cover_big": "http://i/s1.jpg"},
        {"season_number": 4, "name": "Announced"},
    ]
    show = parse_series_info(series_info({"1": [episode(1, 1)]}, seasons), 7)
    assert [(s.season_number, s.name, s.cover) for s in show.seasons] == [
        (1, "Book One", "http://i/s1.jpg")
    ]


def test_it_reads_episode_details_from_the_nested_info() -> None:
    raw = episode(
        "9001",
        3,
        season=1,
        container_extension="mkv",
        info={"duration_secs": "2700", "plot": "Fog.", "movie_image": "http://i/e.jpg"},
    )
    [found] = parse_series_info(series_info({"1": [raw]}), 7).episodes
    assert (found.id, found.container_extension, found.duration_secs) == ("9001", "mkv", 2700)
    assert (found.plot, found.image) == ("Fog.", "http://i/e.jpg")


def test_it_falls_back_to_mp4_for_an_episode_without_extension() -> None:
    [found] = parse_series_info(series_info({"1": [episode(1, 1, info=[])]}), 7).episodes
    assert found.container_extension == "mp4"
    assert found.duration_secs is None


def test_it_numbers_episodes_by_position_when_episode_num_is_missing() -> None:
    show = parse_series_info(series_info({"1": [{"id": "a"}, {"id": "b", "episode_num": ""}]}), 7)
    assert [(e.id, e.episode_num, e.title) for e in show.episodes] == [
        ("a", 1, "Episode 1"),
        ("b", 2, "Episode 2"),
    ]


def test_it_skips_episodes_without_an_id_and_duplicates() -> None:
    show = parse_series_info(
        series_info({"1": [episode(None, 1), episode("5", 2), episode("5", 3)]}), 7
    )
    assert [(e.id, e.episode_num) for e in show.episodes] == [("5", 2)]


def test_it_finds_an_episode_by_season_and_number() -> None:
    show = parse_series_info(series_info({"1": [episode("101", 1)], "2": [episode("201", 1)]}), 7)
    found = show.find_episode(2, 1)
    assert found is not None and found.id == "201"
    assert show.find_episode(3, 1) is None
    assert show.episode_by_id(101) == show.episodes[0]
    assert [e.id for e in show.episodes_in(2)] == ["201"]


def test_it_accepts_series_info_sent_as_an_empty_list_when_episodes_are_there() -> None:
    show = parse_series_info({"info": [], "episodes": {"1": [episode(1, 1)]}}, 7)
    assert (show.series_id, show.name) == (7, "Series 7")


@pytest.mark.parametrize("response", [[], None, {"seasons": [], "info": [], "episodes": []}])
def test_it_reports_an_unknown_series_as_not_found(response: object) -> None:
    with pytest.raises(XtreamNotFound):
        parse_series_info(response, 8)


def test_it_reads_the_series_list_with_release_date_and_cover() -> None:
    [show] = parse_series_list(
        [
            {
                "series_id": "10",
                "name": " Northbound ",
                "cover": "http://i/c.jpg",
                "releaseDate": "2021-02-03",
                "rating": 7.4,
                "backdrop_path": "http://i/b.jpg",
                "last_modified": "1700000000",
            }
        ]
    )
    assert (show.series_id, show.name, show.poster, show.year) == (
        10,
        "Northbound",
        "http://i/c.jpg",
        2021,
    )
    assert (show.rating, show.backdrop) == (7.4, "http://i/b.jpg")
    assert show.last_modified == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


# --- account -----------------------------------------------------------------------------


def test_it_reads_the_account() -> None:
    account = parse_account(
        {
            "user_info": {
                "username": "demo",
                "auth": 1,
                "status": "Active",
                "exp_date": "1767225600",
                "max_connections": "2",
                "active_cons": "1",
                "is_trial": "0",
            },
            "server_info": {"url": "panel.example", "port": "8080", "timezone": "UTC"},
        }
    )
    user = account.user_info
    assert (user.username, user.auth, user.status, user.is_active) == ("demo", True, "Active", True)
    assert user.exp_date == datetime(2026, 1, 1, tzinfo=UTC)
    assert (user.max_connections, user.active_cons, user.is_trial) == (2, 1, False)
    assert (account.server_info.url, account.server_info.port) == ("panel.example", 8080)


def test_it_reads_an_unlimited_account() -> None:
    user = parse_account({"user_info": {"auth": 1, "exp_date": None, "max_connections": ""}})
    assert (user.user_info.exp_date, user.user_info.max_connections) == (None, None)


@pytest.mark.parametrize("auth", [0, "0", False])
def test_it_turns_auth_zero_into_an_auth_error(auth: object) -> None:
    with pytest.raises(XtreamAuthError) as caught:
        parse_account({"user_info": {"auth": auth}})
    assert caught.value.permanent
    assert caught.value.message == "The provider rejected the username or password."


def test_it_notices_auth_zero_in_answers_to_other_actions_too() -> None:
    with pytest.raises(XtreamAuthError):
        parse_vod_streams({"user_info": {"auth": 0}})


@pytest.mark.parametrize("response", [[], "", None, {"server_info": {}}, {"user_info": []}])
def test_it_rejects_an_account_answer_without_user_info(response: object) -> None:
    with pytest.raises(XtreamError) as caught:
        parse_account(response)
    assert "user_info" in caught.value.message


def test_it_drops_nul_characters_from_names_a_database_could_not_store() -> None:
    streams = parse_vod_streams([{"stream_id": "7", "name": "Bad\x00 Name\x00"}])
    assert streams[0].name == "Bad Name"
