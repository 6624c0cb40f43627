"""Random JSON shapes into every parser: typed objects or an XtreamError, nothing else.

The streaming parser of the big lists must read any JSON text exactly as the whole-body
parser reads the decoded value.
"""

from __future__ import annotations

import dataclasses
import io
import json
import types
import typing
from collections.abc import Callable
from datetime import datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from vodarr.integrations.xtream import XtreamError
from vodarr.integrations.xtream.parsing import (
    parse_account,
    parse_categories,
    parse_series_info,
    parse_series_list,
    parse_vod_info,
    parse_vod_streams,
    series_entry,
    vod_stream_entry,
)
from vodarr.integrations.xtream.stream import Listing

# Keys the parsers look at, so random objects often reach the deep code paths.
KEYS = [
    "user_info", "server_info", "auth", "status", "exp_date", "max_connections", "active_cons",
    "info", "movie_data", "episodes", "seasons", "stream_id", "series_id", "id", "name", "title",
    "season", "episode_num", "season_number", "container_extension", "backdrop_path", "rating",
    "added", "releasedate", "releaseDate", "year", "duration_secs", "duration", "category_id",
    "category_name", "parent_id", "cover", "stream_icon", "movie_image", "last_modified",
    "episode_run_time", "allowed_output_formats", "1", "2",
]  # fmt: skip
TRICKY = ["", " ", "7.5", "7,5", "1e400", "nan", "-1", "01:30:00", "2024-01-01", "1700000000",
          "99999999999999999999", "http://i/x.jpg", " .MKV ", "../x", "0"]  # fmt: skip

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(TRICKY)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), children, max_size=6)
    ),
    max_leaves=30,
)

PARSERS: dict[str, Callable[[object], object]] = {
    "account": parse_account,
    "categories": parse_categories,
    "vod_streams": parse_vod_streams,
    "vod_info": lambda data: parse_vod_info(data, 1),
    "series_list": parse_series_list,
    "series_info": lambda data: parse_series_info(data, 1),
}


def assert_well_typed(value: object, hint: object) -> None:
    """Check ``value`` against a type hint: dataclasses, unions, tuples, lists, scalars."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        errors = []
        for option in typing.get_args(hint):
            try:
                assert_well_typed(value, option)
                return
            except AssertionError as exc:
                errors.append(exc)
        raise AssertionError(f"{value!r} matches none of {hint}: {errors}")
    if origin in (tuple, list):
        assert isinstance(value, origin), f"{value!r} is not a {origin}"
        (item_hint, *_) = typing.get_args(hint)
        for item in value:
            assert_well_typed(item, item_hint)
        return
    if hint is type(None):
        assert value is None
        return
    if dataclasses.is_dataclass(hint):
        assert isinstance(value, hint)  # type: ignore[arg-type]
        hints = typing.get_type_hints(hint)
        for field in dataclasses.fields(hint):
            assert_well_typed(getattr(value, field.name), hints[field.name])
        return
    if hint is float:
        assert isinstance(value, float)
        return
    assert isinstance(hint, type)
    assert isinstance(value, hint) and not (hint is int and isinstance(value, bool)), (
        f"{value!r} is not a {hint}"
    )
    if hint is str:
        assert value == value.strip()  # type: ignore[attr-defined]
    if hint is datetime:
        assert value.tzinfo is not None  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=json_values)
def test_it_turns_any_json_into_typed_objects_or_an_xtream_error(name: str, data: object) -> None:
    parser = PARSERS[name]
    try:
        result = parser(data)
    except XtreamError as error:
        assert error.message
        return
    hint = (
        typing.get_type_hints(parser).get("return")
        if name not in ("vod_info", "series_info")
        else None
    )
    items = result if isinstance(result, list) else [result]
    for item in items:
        assert dataclasses.is_dataclass(item)
        assert_well_typed(item, type(item))
    if hint is not None:
        assert_well_typed(result, hint)


STREAMED: dict[str, tuple[Callable[[object], object], Callable[[object], object], str]] = {
    "vod_streams": (parse_vod_streams, vod_stream_entry, "movie list"),
    "series_list": (parse_series_list, series_entry, "series list"),
}


def _outcome(parse: Callable[[], object]) -> object:
    try:
        return parse()
    except XtreamError as error:
        return type(error)


@pytest.mark.parametrize("name", sorted(STREAMED))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=json_values)
def test_the_streaming_parser_reads_any_json_as_the_whole_body_parser_does(
    name: str, data: object
) -> None:
    whole, parse_entry, what = STREAMED[name]
    try:
        body = json.dumps(data, allow_nan=False).encode()
    except ValueError:
        assume(False)  # NaN and infinities are not JSON: no panel can send them

    def streamed() -> object:
        with Listing(io.BytesIO(body), parse_entry, what, lambda: XtreamError("not JSON")) as it:
            return list(it)

    assert _outcome(streamed) == _outcome(lambda: whole(json.loads(body)))
