"""The provider password never reaches a log line or an exception, whatever goes wrong."""

from __future__ import annotations

import logging
import socket
import traceback
from collections.abc import Callable
from urllib.parse import quote, quote_plus

import pytest

from tests.fakes import FakeProvider
from vodarr.integrations.xtream import XtreamClient, XtreamError

CALLS: dict[str, Callable[[XtreamClient], object]] = {
    "account": lambda c: c.account(),
    "vod_categories": lambda c: c.vod_categories(),
    "vod_streams": lambda c: c.vod_streams(category_id="1"),
    "vod_info": lambda c: c.vod_info(1),
    "series_categories": lambda c: c.series_categories(),
    "series": lambda c: c.series(),
    "series_info": lambda c: c.series_info(10),
    "movie_extension": lambda c: c.movie_extension(1),
}


def break_provider(provider: FakeProvider, failure: str) -> tuple[str, str]:
    """Make every call fail in the given way; returns (base URL, password) to use."""
    if failure == "wrong password":
        return provider.base_url, provider.password + "-wrong"
    if failure == "unreachable":
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        return f"http://127.0.0.1:{port}", provider.password
    if failure == "http 503":
        provider.fail_next_api(100, status=503)
    elif failure == "http 403":
        for action in ("", *ACTIONS):
            provider.set_api_response(action, "Forbidden", status=403)
    elif failure == "not json":
        for action in ("", *ACTIONS):
            provider.set_api_response(action, f"<b>Warning</b> {provider.password} in query")
    elif failure == "unexpected shape":
        for action in ("", *ACTIONS):
            provider.set_api_response(action, f'"{provider.password}"')
    elif failure == "not found":
        provider.remove_movie(1)
        provider.remove_series(10)
    return provider.base_url, provider.password


ACTIONS = [
    "get_vod_categories",
    "get_vod_streams",
    "get_vod_info",
    "get_series_categories",
    "get_series",
    "get_series_info",
]
FAILURES = [
    "wrong password",
    "unreachable",
    "http 503",
    "http 403",
    "not json",
    "unexpected shape",
    "not found",
    "none",
]


def forms_of(password: str) -> list[str]:
    return [password, quote(password, safe=""), quote_plus(password)]


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("call", sorted(CALLS))
def test_the_password_never_appears_in_logs_or_errors(
    fake_provider: FakeProvider,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    failure: str,
) -> None:
    # The project's console handler redacts records in place; without it this test proves
    # the client itself leaks nothing.
    root = logging.getLogger()
    pytest_handlers = [h for h in root.handlers if type(h).__module__.startswith("_pytest")]
    monkeypatch.setattr(root, "handlers", pytest_handlers)
    # Settings quiet the HTTP libraries; open them up to see everything they would log.
    for name in ("", "httpx", "httpcore", "vodarr"):
        caplog.set_level(logging.DEBUG, logger=name)
    base_url, password = break_provider(fake_provider, failure)
    error: XtreamError | None = None
    with XtreamClient(base_url, fake_provider.username, password, timeout=5) as client:
        try:
            CALLS[call](client)
        except XtreamError as exc:
            error = exc
        texts = [caplog.text, *(r.getMessage() for r in caplog.records), repr(client)]
    if error is not None:
        texts += [str(error), repr(error), "".join(traceback.format_exception(error))]
    assert any("player_api.php" in r.getMessage() for r in caplog.records if r.name == "httpx") or (
        failure == "unreachable"
    ), "httpx's own request log should have been captured"
    for text in texts:
        for form in forms_of(password):
            assert form not in text
