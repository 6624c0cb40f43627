"""``/healthz``: every part's state as JSON; 503 as soon as one is down, never a URL in it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.fixtures.server import free_port
from vodarr.integrations.aria2 import EmbeddedAria2
from vodarr.ops.heartbeat import heartbeat_age, record_heartbeat

pytestmark = pytest.mark.django_db


def healthz() -> tuple[int, dict[str, Any]]:
    response = Client().get("/healthz")
    return response.status_code, response.json()


@pytest.fixture
def aria2_in_settings(settings, aria2: EmbeddedAria2) -> EmbeddedAria2:
    settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET = aria2.rpc_url, aria2.secret
    return aria2


@pytest.mark.aria2
def test_with_every_part_up_it_answers_200(aria2_in_settings: EmbeddedAria2) -> None:
    record_heartbeat()
    status, body = healthz()
    assert status == 200
    assert body["status"] == "ok"
    assert {name: part["ok"] for name, part in body["parts"].items()} == {
        "web": True,
        "database": True,
        "worker": True,
        "aria2": True,
    }
    assert 0 <= body["parts"]["worker"]["heartbeatAgeSeconds"] < 30


def test_with_aria2_down_it_answers_503_and_says_so_without_its_address(settings) -> None:
    record_heartbeat()
    port = free_port()
    settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET = f"http://127.0.0.1:{port}/jsonrpc", "x"
    status, body = healthz()
    assert status == 503
    assert body["status"] == "down"
    assert body["parts"]["aria2"] == {
        "ok": False,
        "problem": "aria2 is not reachable (connection refused).",
    }
    assert body["parts"]["worker"]["ok"] is True
    assert str(port) not in str(body)


@pytest.mark.aria2
def test_a_worker_that_never_beat_or_stopped_beating_is_down(
    aria2_in_settings: EmbeddedAria2,
) -> None:
    status, body = healthz()
    assert status == 503
    assert body["parts"]["worker"] == {
        "ok": False,
        "problem": "The worker has never run.",
        "heartbeatAgeSeconds": None,
    }
    record_heartbeat(now=timezone.now() - timedelta(minutes=5))
    status, body = healthz()
    assert status == 503
    assert body["parts"]["worker"]["problem"].startswith("The worker has not been seen for")
    assert body["parts"]["worker"]["heartbeatAgeSeconds"] >= 300


def test_the_heartbeat_age_counts_from_the_last_beat() -> None:
    then = timezone.now()
    assert heartbeat_age(now=then) is None
    record_heartbeat(now=then)
    record_heartbeat(now=then + timedelta(seconds=4))
    assert heartbeat_age(now=then + timedelta(seconds=10)) == 6.0
