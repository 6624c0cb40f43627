"""How real aria2c reports a provider's failures, and how Vodarr classifies them.

The media server misbehaves on purpose; aria2c runs with the embedded defaults
(``--max-tries=1 --retry-wait=0``), exactly as in production.
"""

from __future__ import annotations

import logging

import pytest

from tests.fixtures.aria2 import wait_for_status
from tests.fixtures.media_server import MediaServer, expected_bytes
from vodarr.integrations.aria2 import (
    Aria2Client,
    Aria2Error,
    Aria2Listener,
    Aria2Status,
    DownloadStatus,
    EmbeddedAria2,
    describe_error,
    is_transient,
)

pytestmark = pytest.mark.aria2

PASSWORD = "S3cr3tPass"


def _fail_download(client: Aria2Client, server: MediaServer, **behaviour: int) -> DownloadStatus:
    url = server.add_file(f"/movie/alice/{PASSWORD}/1.mp4", 100_000, **behaviour)
    gid = client.add_uri([url], {"out": "1.mp4"})
    status = wait_for_status(client, gid, Aria2Status.ERROR, Aria2Status.COMPLETE)
    assert status.status is Aria2Status.ERROR
    return status


def test_a_404_is_reported_as_code_3_and_classified_permanent(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    status = _fail_download(aria2_client, media_server, fail_status=404)

    assert (status.error_code, status.error_message) == (3, "Resource not found")
    assert is_transient(status.error_code, status.error_message) is False
    assert describe_error(status.error_code, status.error_message) == (
        "The provider does not have this file (HTTP 404): it may have been removed. "
        "Retrying will not help."
    )


@pytest.mark.parametrize("http_status", [502, 503])
def test_a_busy_provider_is_reported_as_code_29_and_classified_transient(
    aria2_client: Aria2Client, media_server: MediaServer, http_status: int
) -> None:
    status = _fail_download(aria2_client, media_server, fail_status=http_status)

    assert status.error_code == 29
    assert status.error_message == f"The response status is not successful. status={http_status}"
    assert is_transient(status.error_code, status.error_message) is True
    assert describe_error(status.error_code, status.error_message) == (
        f"The provider's server is overloaded or failing (HTTP {http_status}). Retrying may help."
    )


def test_a_500_is_reported_as_code_22_and_still_classified_transient(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    status = _fail_download(aria2_client, media_server, fail_status=500)

    assert status.error_code == 22
    assert is_transient(status.error_code, status.error_message) is True


def test_a_403_is_reported_as_code_22_and_classified_permanent(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    status = _fail_download(aria2_client, media_server, fail_status=403)

    assert (status.error_code, status.error_message) == (
        22,
        "The response status is not successful. status=403",
    )
    assert is_transient(status.error_code, status.error_message) is False


def test_a_401_is_reported_as_code_24_and_classified_permanent(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    status = _fail_download(aria2_client, media_server, fail_status=401)

    assert (status.error_code, status.error_message) == (24, "Authorization failed.")
    assert is_transient(status.error_code, status.error_message) is False


def test_a_dropped_connection_is_reported_as_code_1_and_classified_transient(
    aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    status = _fail_download(aria2_client, media_server, drop_after=50_000)

    assert (status.error_code, status.error_message) == (1, "No URI available.")
    assert is_transient(status.error_code, status.error_message) is True


def test_a_transient_failure_succeeds_when_retried(
    aria2: EmbeddedAria2, aria2_client: Aria2Client, media_server: MediaServer
) -> None:
    path = "/movie/u/p/flaky.mp4"
    url = media_server.add_file(path, 50_000, fail_status=503, fail_times=1)
    first = aria2_client.add_uri([url], {"out": "flaky.mp4"})
    failed = wait_for_status(aria2_client, first, Aria2Status.ERROR)
    assert is_transient(failed.error_code, failed.error_message)

    retry = aria2_client.add_uri([url], {"out": "flaky.mp4"})

    assert wait_for_status(aria2_client, retry, Aria2Status.COMPLETE).completed_length == 50_000
    assert (aria2.download_root / "flaky.mp4").read_bytes() == expected_bytes(path, 50_000)
    assert media_server.requests_for(path) == 2


def test_a_media_password_never_reaches_an_exception_or_a_log_line(
    aria2: EmbeddedAria2,
    aria2_client: Aria2Client,
    media_server: MediaServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[str] = []
    listener = Aria2Listener(aria2.rpc_url, aria2.secret, lambda e: seen.append(repr(e)))
    listener.start()
    assert listener.wait_connected(10)
    try:
        status = _fail_download(aria2_client, media_server, fail_status=404)
        seen += [repr(status), str(status.to_dict()), describe_error(3, status.error_message)]
        url = media_server.url(f"/movie/alice/{PASSWORD}/2.mp4")
        with pytest.raises(Aria2Error) as refused:
            aria2_client.add_uri([url], {"max-tries": "abc"})
        seen += [str(refused.value), repr(refused.value)]
        with pytest.raises(Aria2Error) as bad_uri:
            aria2_client.add_uri([f"ftp://alice:{PASSWORD}@[bad/movie/alice/{PASSWORD}/3.mp4"])
        seen += [str(bad_uri.value), repr(bad_uri.value)]
        aria2.restart()
        assert listener.wait_connected(10)
    finally:
        listener.stop()

    assert all(PASSWORD not in text for text in seen), seen
    assert PASSWORD not in caplog.text
    assert aria2.secret not in caplog.text
