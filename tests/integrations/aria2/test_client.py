"""Aria2Client against a scripted transport: wire format, token injection, error mapping.

These pin down what we send and how we read answers without a daemon; the same behaviour
against real aria2c is covered in ``test_downloads.py``.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from vodarr.integrations.aria2 import (
    Aria2AuthError,
    Aria2Client,
    Aria2Error,
    Aria2GidNotFound,
    Aria2Status,
    Aria2Unreachable,
    DownloadStatus,
)
from vodarr.integrations.aria2.daemon import free_loopback_port

RPC_URL = "http://127.0.0.1:6800/jsonrpc"
SECRET = "s3cret"
MEDIA_URL = "http://provider.example/movie/alice/S3cr3tPass/42.mp4"
Answer = Callable[[dict[str, Any]], Any]


class ScriptedAria2:
    """A MockTransport that records JSON-RPC payloads and answers with ``answer(payload)``."""

    def __init__(self, answer: Answer) -> None:
        self.payloads: list[dict[str, Any]] = []
        self.answer = answer

    def __call__(self, request: httpx.Request) -> httpx.Response:
        payload = json.loads(request.content)
        self.payloads.append(payload)
        body = self.answer(payload)
        if isinstance(body, httpx.Response):
            return body
        return httpx.Response(200, json={"jsonrpc": "2.0", "id": payload["id"], **body})

    def client(self, secret: str | None = SECRET) -> Aria2Client:
        return Aria2Client(RPC_URL, secret, transport=httpx.MockTransport(self))


@pytest.fixture
def scripted() -> Iterator[Callable[[Answer], ScriptedAria2]]:
    yield ScriptedAria2


def test_it_puts_the_token_first_in_every_call(scripted: Callable[[Answer], ScriptedAria2]) -> None:
    fake = scripted(lambda p: {"result": "2089b05ecca3d829"})
    options: dict[str, Any] = {"out": "Movie.mp4", "max-tries": 1}
    gid = fake.client().add_uri([MEDIA_URL], options, position=0)
    assert gid == "2089b05ecca3d829"
    (payload,) = fake.payloads
    assert payload["jsonrpc"] == "2.0"
    assert payload["method"] == "aria2.addUri"
    assert payload["params"] == [
        "token:s3cret",
        [MEDIA_URL],
        {"out": "Movie.mp4", "max-tries": "1"},
        0,
    ]


def test_it_sends_no_token_when_there_is_no_secret(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fake = scripted(lambda p: {"result": "OK"})
    fake.client(secret=None).pause("abc")
    assert fake.payloads[0]["params"] == ["abc"]


def test_it_puts_the_token_inside_each_multicall_call_not_on_the_multicall(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fake = scripted(lambda p: {"result": [["g1"], ["g2"]]})
    gids = fake.client().add_uris([([MEDIA_URL], {"out": "a.mp4"}), ([MEDIA_URL], {})])
    assert gids == ["g1", "g2"]
    (payload,) = fake.payloads
    assert payload["method"] == "system.multicall"
    (calls,) = payload["params"]
    assert calls == [
        {"methodName": "aria2.addUri", "params": ["token:s3cret", [MEDIA_URL], {"out": "a.mp4"}]},
        {"methodName": "aria2.addUri", "params": ["token:s3cret", [MEDIA_URL]]},
    ]


def test_it_asks_for_many_statuses_in_one_request_and_keys_them_by_gid(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fake = scripted(
        lambda p: {
            "result": [
                [{"gid": "g1", "status": "complete", "totalLength": "10", "completedLength": "10"}],
                {"code": 1, "message": "GID g2 is not found"},
            ]
        }
    )
    client = fake.client()
    statuses = client.tell_statuses(["g1", "g2"])
    assert client.request_count == 1
    first = statuses["g1"]
    assert isinstance(first, DownloadStatus)
    assert first.status is Aria2Status.COMPLETE
    assert first.progress == 1.0
    missing = statuses["g2"]
    assert isinstance(missing, Aria2GidNotFound)
    assert missing.permanent is True


def test_it_makes_no_request_for_an_empty_list_of_gids(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fake = scripted(lambda p: pytest.fail("no request expected"))
    client = fake.client()
    assert client.tell_statuses([]) == {}
    assert client.add_uris([]) == []
    assert client.request_count == 0


def test_it_keeps_list_results_intact_inside_a_multicall(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fake = scripted(lambda p: {"result": [[[{"gid": "a"}, {"gid": "b"}]], [{"version": "1.36.0"}]]})
    results = fake.client().multicall([("aria2.tellActive", [["gid"]]), ("aria2.getVersion", [])])
    assert results == [[{"gid": "a"}, {"gid": "b"}], {"version": "1.36.0"}]


def test_it_reports_an_unknown_gid_clearly(scripted: Callable[[Answer], ScriptedAria2]) -> None:
    fake = scripted(lambda p: {"error": {"code": 1, "message": "GID abc123 is not found"}})
    with pytest.raises(Aria2GidNotFound) as caught:
        fake.client().tell_status("abc123")
    assert caught.value.message == "aria2 has no download with GID abc123."
    assert caught.value.code == 1
    assert caught.value.permanent is True


def test_it_reports_a_wrong_secret_without_showing_it(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fake = scripted(lambda p: {"error": {"code": 1, "message": "Unauthorized"}})
    with pytest.raises(Aria2AuthError) as caught:
        fake.client().get_version()
    assert caught.value.message == "aria2 rejected the RPC secret (Unauthorized)."
    assert caught.value.permanent is True
    assert "s3cret" not in str(caught.value)


def test_it_raises_a_wrong_secret_inside_a_multicall_instead_of_returning_it(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fault = {"code": 1, "message": "Unauthorized"}
    fake = scripted(lambda p: {"result": [fault, fault]})
    with pytest.raises(Aria2AuthError):
        fake.client().tell_statuses(["g1", "g2"])


def test_it_wraps_other_refusals_and_redacts_urls_in_them(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fake = scripted(lambda p: {"error": {"code": 1, "message": f"Could not add {MEDIA_URL}"}})
    with pytest.raises(Aria2Error) as caught:
        fake.client().add_uri([MEDIA_URL])
    assert caught.value.message.startswith("aria2 refused: Could not add http://provider.example/")
    assert "S3cr3tPass" not in str(caught.value)
    assert "alice" not in repr(caught.value)


def test_it_explains_an_answer_that_is_not_json_rpc(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fake = scripted(lambda p: httpx.Response(502, text="<html>Bad gateway</html>"))
    with pytest.raises(Aria2Error) as caught:
        fake.client().get_version()
    assert "answered HTTP 502 without a JSON-RPC body" in caught.value.message
    assert "127.0.0.1" not in caught.value.message and "127.0.0.1" in caught.value.detail
    assert caught.value.permanent is False


def test_it_reports_a_timeout_as_unreachable_and_worth_retrying(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    def time_out(payload: dict[str, Any]) -> Any:
        raise httpx.ReadTimeout("timed out")

    with pytest.raises(Aria2Unreachable) as caught:
        scripted(time_out).client().get_version()
    assert caught.value.message == "aria2 is not reachable (no answer within 10 s)."
    assert caught.value.detail == (
        "aria2 is not reachable at http://127.0.0.1:6800/jsonrpc (no answer within 10 s). "
        "Is aria2c running?"
    )
    assert caught.value.permanent is False


def test_it_reports_a_refused_connection_as_unreachable() -> None:
    url = f"http://127.0.0.1:{free_loopback_port()}/jsonrpc"
    with Aria2Client(url, "s3cret") as client, pytest.raises(Aria2Unreachable) as caught:
        client.get_version()
    # Members may read the message; only the detail (admins, the log) says where aria2 is.
    assert caught.value.message == "aria2 is not reachable (connection refused)."
    assert caught.value.detail == (
        f"aria2 is not reachable at {url} (connection refused). Is aria2c running?"
    )
    assert caught.value.permanent is False
    assert caught.value.code is None


def test_it_times_out_when_aria2_accepts_but_never_answers() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/jsonrpc"
        with Aria2Client(url, None, timeout=0.2) as client, pytest.raises(Aria2Unreachable) as e:
            client.get_version()
    assert "(no answer within 0.2 s)" in e.value.message


def test_it_hides_credentials_in_the_rpc_url_of_its_messages() -> None:
    url = f"http://admin:Hunter22@127.0.0.1:{free_loopback_port()}/jsonrpc"
    with Aria2Client(url, None) as client, pytest.raises(Aria2Unreachable) as caught:
        client.get_version()
    assert "Hunter22" not in caught.value.message
    assert "Hunter22" not in repr(client)


def test_it_types_the_global_stat_and_session_id(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    answers = {
        "aria2.getGlobalStat": {"numActive": "2", "downloadSpeed": "1024"},
        "aria2.getSessionInfo": {"sessionId": "cd6a3bc6a1de28300a1e2e7f3b9b8d4a9c5c6fe1"},
        "aria2.getGlobalOption": {"dir": "/downloads", "max-tries": "1"},
    }
    fake = scripted(lambda p: {"result": answers[p["method"]]})
    client = fake.client()
    stat = client.get_global_stat()
    assert (stat.num_active, stat.download_speed, stat.num_waiting) == (2, 1024, 0)
    assert client.get_session_info() == "cd6a3bc6a1de28300a1e2e7f3b9b8d4a9c5c6fe1"
    assert client.get_global_option() == {"dir": "/downloads", "max-tries": "1"}


def test_it_asks_for_the_standard_keys_and_pages_the_queues(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    fake = scripted(lambda p: {"result": [{"gid": "a", "status": "waiting"}]})
    client = fake.client()
    assert client.tell_waiting(0, 50)[0].status is Aria2Status.WAITING
    client.tell_stopped(10, 5, keys=["gid", "status"])
    client.tell_active()
    params = [p["params"] for p in fake.payloads]
    assert params[0][1:3] == [0, 50]
    assert "files" in params[0][3]
    assert params[1] == ["token:s3cret", 10, 5, ["gid", "status"]]
    assert fake.payloads[2]["method"] == "aria2.tellActive"


def test_it_reports_a_host_name_that_does_not_resolve(
    scripted: Callable[[Answer], ScriptedAria2],
) -> None:
    def no_such_host(payload: dict[str, Any]) -> Any:
        raise httpx.ConnectError("[Errno -2] Name or service not known")

    with pytest.raises(Aria2Unreachable) as caught:
        scripted(no_such_host).client().get_version()
    assert "(the host name could not be resolved)" in caught.value.message
