"""Aria2Listener against real aria2c: notifications, reconnects and restarts."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest

from tests.fixtures.media_server import MediaServer
from tests.fixtures.waiting import wait_for
from vodarr.integrations.aria2 import Aria2Client, Aria2Event, Aria2Listener, EmbeddedAria2
from vodarr.integrations.aria2.listener import parse_notification, websocket_url

pytestmark = pytest.mark.aria2


class Recorder:
    """Collects events and session ids from the listener thread."""

    def __init__(self) -> None:
        self.events: list[Aria2Event] = []
        self.restarts: list[str] = []
        self._lock = threading.Lock()

    def on_event(self, event: Aria2Event) -> None:
        with self._lock:
            self.events.append(event)

    def on_restart(self, session_id: str) -> None:
        with self._lock:
            self.restarts.append(session_id)

    def kinds_for(self, gid: str) -> list[str]:
        with self._lock:
            return [e.kind for e in self.events if e.gid == gid]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def listener(aria2: EmbeddedAria2, recorder: Recorder) -> Iterator[Aria2Listener]:
    listening = Aria2Listener(
        aria2.rpc_url, aria2.secret, recorder.on_event, on_restart=recorder.on_restart
    )
    listening.start()
    assert listening.wait_connected(10), "the listener never connected"
    yield listening
    listening.stop()


def test_it_derives_the_websocket_url_from_the_rpc_url() -> None:
    assert websocket_url("http://127.0.0.1:6800/jsonrpc") == "ws://127.0.0.1:6800/jsonrpc"
    assert websocket_url("https://aria2.lan/rpc/jsonrpc") == "wss://aria2.lan/rpc/jsonrpc"
    assert websocket_url("http://aria2.lan:6800") == "ws://aria2.lan:6800/jsonrpc"


def test_it_maps_every_aria2_notification_to_an_event_kind() -> None:
    kinds = {
        "onDownloadStart": "start",
        "onDownloadPause": "pause",
        "onDownloadStop": "stop",
        "onDownloadComplete": "complete",
        "onDownloadError": "error",
        "onBtDownloadComplete": "complete",
    }
    for method, kind in kinds.items():
        raw = f'{{"jsonrpc":"2.0","method":"aria2.{method}","params":[{{"gid":"abc"}}]}}'
        assert parse_notification(raw) == [Aria2Event(kind=kind, gid="abc")]
    assert parse_notification('{"jsonrpc":"2.0","id":1,"result":"OK"}') == []
    assert parse_notification("not json") == []


def test_it_hears_a_download_start_and_complete(
    listener: Aria2Listener,
    recorder: Recorder,
    aria2_client: Aria2Client,
    media_server: MediaServer,
) -> None:
    gid = aria2_client.add_uri([media_server.add_file("/movie/u/p/1.mp4", 10_000)])

    wait_for(lambda: "complete" in recorder.kinds_for(gid), message="a complete event")
    assert recorder.kinds_for(gid) == ["start", "complete"]


def test_it_hears_a_download_fail(
    listener: Aria2Listener,
    recorder: Recorder,
    aria2_client: Aria2Client,
    media_server: MediaServer,
) -> None:
    url = media_server.add_file("/movie/u/p/gone.mp4", 10_000, fail_status=404)
    gid = aria2_client.add_uri([url])

    wait_for(lambda: "error" in recorder.kinds_for(gid), message="an error event")


def test_it_hears_a_pause_and_a_stop(
    listener: Aria2Listener,
    recorder: Recorder,
    aria2_client: Aria2Client,
    media_server: MediaServer,
) -> None:
    url = media_server.add_file("/movie/u/p/slow.mp4", 200_000, throttle=50_000)
    gid = aria2_client.add_uri([url])
    wait_for(lambda: "start" in recorder.kinds_for(gid), message="a start event")

    aria2_client.force_pause(gid)
    wait_for(lambda: "pause" in recorder.kinds_for(gid), message="a pause event")
    aria2_client.unpause(gid)
    wait_for(lambda: recorder.kinds_for(gid).count("start") == 2, message="a second start")
    # Only a download that is running is reported as stopped; a removed paused one vanishes.
    aria2_client.force_remove(gid)
    wait_for(lambda: "stop" in recorder.kinds_for(gid), message="a stop event")
    assert recorder.kinds_for(gid) == ["start", "pause", "start", "stop"]


def test_it_reconnects_after_aria2_restarts_and_reports_the_new_session(
    aria2: EmbeddedAria2,
    listener: Aria2Listener,
    recorder: Recorder,
    media_server: MediaServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="vodarr.aria2")
    first_session = listener.session_id
    connections = listener.connections

    aria2.restart()

    wait_for(lambda: recorder.restarts, message="on_restart to be called")
    assert recorder.restarts == [listener.session_id]
    assert listener.session_id != first_session
    assert listener.connections == connections + 1
    assert "reconnected" in caplog.text
    with aria2.client() as client:
        gid = client.add_uri([media_server.add_file("/movie/u/p/after.mp4", 1000)])
    wait_for(lambda: "complete" in recorder.kinds_for(gid), message="events after the restart")


def test_it_does_not_report_a_restart_on_the_first_connection(
    listener: Aria2Listener, recorder: Recorder
) -> None:
    assert listener.connected
    assert listener.session_id
    assert recorder.restarts == []


def test_it_keeps_listening_when_a_handler_fails(
    aria2: EmbeddedAria2,
    aria2_client: Aria2Client,
    media_server: MediaServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    heard: list[Aria2Event] = []

    def flaky_handler(event: Aria2Event) -> None:
        heard.append(event)
        if event.kind == "start":
            raise RuntimeError("handler bug for http://p.example/movie/alice/S3cr3tPass/1.mp4")

    with Aria2Listener(aria2.rpc_url, aria2.secret, flaky_handler) as listening:
        assert listening.wait_connected(10)
        gid = aria2_client.add_uri([media_server.add_file("/movie/u/p/2.mp4", 1000)])
        wait_for(lambda: Aria2Event("complete", gid) in heard, message="the complete event")

    assert "handler bug" in caplog.text
    assert "S3cr3tPass" not in caplog.text


def test_it_stops_promptly_while_aria2_is_down(aria2: EmbeddedAria2, recorder: Recorder) -> None:
    listening = Aria2Listener(aria2.rpc_url, aria2.secret, recorder.on_event)
    listening.start()
    assert listening.wait_connected(10)
    aria2.stop()
    wait_for(lambda: not listening.connected, message="the listener to notice aria2 is gone")

    listening.stop(timeout=5)

    assert listening._thread is None
