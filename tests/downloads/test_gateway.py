"""The gateway's connection limit: applied whatever the clock reads, and truthful about it.

A clock that counts from boot reads small numbers on a machine that just started; "never
applied" must not be confused with "applied at time 0".
"""

from __future__ import annotations

import time

import pytest
from django.apps import apps
from django.test import Client

from tests.downloads.conftest import SLOW_MOVIE, Stack, start
from vodarr.downloads.gateway import Aria2Gateway


def concurrency(stack: Stack) -> str:
    return stack.rpc.get_global_option()["max-concurrent-downloads"]


@pytest.mark.django_db
def test_a_start_right_after_boot_applies_the_accounts_limit(
    stack: Stack, as_member: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "monotonic", lambda: 10.0)  # the machine booted 10 s ago
    monkeypatch.setattr(apps.get_app_config("downloads"), "gateway", Aria2Gateway())
    stack.provider.set_account(max_connections=2)

    start(as_member, SLOW_MOVIE)

    assert concurrency(stack) == "2"


def test_a_limit_is_applied_the_first_time_whatever_the_clock_reads(stack: Stack) -> None:
    gateway = Aria2Gateway(clock=lambda: 0.0)

    assert gateway.apply_connection_limit(3) is True
    assert concurrency(stack) == "3"


def test_a_recent_limit_is_trusted_until_forced(stack: Stack) -> None:
    now = [1000.0]
    gateway = Aria2Gateway(clock=lambda: now[0])
    gateway.apply_connection_limit(3)
    stack.rpc.change_global_option({"max-concurrent-downloads": "5"})  # e.g. aria2 restarted
    requests = gateway.client.request_count

    assert gateway.apply_connection_limit(3) is True
    assert gateway.client.request_count == requests  # trusted: not asked again
    assert gateway.apply_connection_limit(3, force=True) is True
    assert concurrency(stack) == "3"

    stack.rpc.change_global_option({"max-concurrent-downloads": "5"})
    now[0] += 301  # five minutes later it is checked again
    assert gateway.apply_connection_limit(3) is True
    assert concurrency(stack) == "3"


def test_a_changed_limit_is_applied_at_once(stack: Stack) -> None:
    gateway = Aria2Gateway(clock=lambda: 50.0)
    gateway.apply_connection_limit(3)

    gateway.apply_connection_limit(1)

    assert concurrency(stack) == "1"


def test_aria2_being_down_is_not_reported_as_applied(stack: Stack) -> None:
    gateway = Aria2Gateway(clock=lambda: 10.0)
    stack.aria2.stop()

    assert gateway.apply_connection_limit(2) is False

    stack.aria2.start()
    assert gateway.apply_connection_limit(2) is True  # not mistaken for "recently applied"
    assert concurrency(stack) == "2"


def test_an_account_without_a_limit_needs_nothing_applied(stack: Stack) -> None:
    gateway = Aria2Gateway(clock=lambda: 10.0)

    assert gateway.apply_connection_limit(None) is True
    assert gateway.apply_connection_limit(0) is True
    assert gateway.client.request_count == 0
