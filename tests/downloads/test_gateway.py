"""aria2's global options as Vodarr wants them: the account's connection limit (less the
streams through Vodarr), the admin's concurrency and speed limit — applied whatever the
clock reads, and truthful about it.

A clock that counts from boot reads small numbers on a machine that just started; "never
applied" must not be confused with "applied at time 0".
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.apps import apps
from django.test import Client
from django.utils import timezone

from tests.downloads.conftest import SLOW_MOVIE, Stack, start
from vodarr.downloads.gateway import Aria2Gateway
from vodarr.downloads.models import ProviderStream
from vodarr.site_settings.models import SiteSettings

pytestmark = pytest.mark.django_db


def concurrency(stack: Stack) -> str:
    return stack.rpc.get_global_option()["max-concurrent-downloads"]


def speed_limit(stack: Stack) -> str:
    return stack.rpc.get_global_option()["max-overall-download-limit"]


def saved(**values: object) -> None:
    row = SiteSettings.load()
    for name, value in values.items():
        setattr(row, name, value)
    row.save()


def test_a_start_right_after_boot_applies_the_accounts_limit(
    stack: Stack, as_member: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "monotonic", lambda: 10.0)  # the machine booted 10 s ago
    monkeypatch.setattr(apps.get_app_config("downloads"), "gateway", Aria2Gateway())
    stack.provider.set_account(max_connections=2)

    start(as_member, SLOW_MOVIE)

    assert concurrency(stack) == "2"


def test_options_are_applied_the_first_time_whatever_the_clock_reads(stack: Stack) -> None:
    stack.provider.set_account(max_connections=3)
    gateway = Aria2Gateway(clock=lambda: 0.0)

    assert gateway.apply_global_options() is True
    assert concurrency(stack) == "3"


def test_recent_options_are_trusted_until_forced(stack: Stack) -> None:
    stack.provider.set_account(max_connections=3)
    now = [1000.0]
    gateway = Aria2Gateway(clock=lambda: now[0])
    gateway.apply_global_options()
    stack.rpc.change_global_option({"max-concurrent-downloads": "5"})  # e.g. aria2 restarted
    requests = gateway.client.request_count

    assert gateway.apply_global_options() is True
    assert gateway.client.request_count == requests  # trusted: not asked again
    assert gateway.apply_global_options(force=True) is True
    assert concurrency(stack) == "3"

    stack.rpc.change_global_option({"max-concurrent-downloads": "5"})
    now[0] += 301  # five minutes later it is checked again
    assert gateway.apply_global_options() is True
    assert concurrency(stack) == "3"


def test_the_admins_choices_are_applied_at_once_but_never_above_the_account(
    stack: Stack,
) -> None:
    stack.provider.set_account(max_connections=3)
    gateway = Aria2Gateway(clock=lambda: 50.0)
    gateway.apply_global_options()

    saved(concurrent_downloads=1, speed_limit=512 * 1024)
    gateway.apply_global_options()
    assert (concurrency(stack), speed_limit(stack)) == ("1", str(512 * 1024))

    saved(concurrent_downloads=8)  # more than the account allows
    gateway.apply_global_options()
    assert concurrency(stack) == "3"


def test_the_environment_wins_over_the_settings_page(stack: Stack, settings) -> None:
    settings.ARIA2_MAX_DOWNLOAD_SPEED = 2 * 1024 * 1024
    saved(speed_limit=1024)

    Aria2Gateway(clock=lambda: 5.0).apply_global_options()

    assert speed_limit(stack) == str(2 * 1024 * 1024)


def test_streams_through_vodarr_leave_aria2_only_the_connections_left(stack: Stack) -> None:
    stack.provider.set_account(max_connections=3)
    now = timezone.now()
    ProviderStream.objects.create(label="watching", expires_at=now + timedelta(minutes=1))
    ProviderStream.objects.create(label="a dead process's", expires_at=now - timedelta(seconds=1))
    gateway = Aria2Gateway(clock=lambda: 5.0)

    gateway.apply_global_options()

    assert concurrency(stack) == "2"  # the lapsed stream holds nothing
    ProviderStream.objects.all().delete()
    gateway.apply_global_options()
    assert concurrency(stack) == "3"


def test_aria2_being_down_is_not_reported_as_applied(stack: Stack) -> None:
    stack.provider.set_account(max_connections=2)
    gateway = Aria2Gateway(clock=lambda: 10.0)
    stack.aria2.stop()

    assert gateway.apply_global_options() is False

    stack.aria2.start()
    assert gateway.apply_global_options() is True  # not mistaken for "recently applied"
    assert concurrency(stack) == "2"


def test_the_last_known_limit_stands_while_the_provider_is_down(stack: Stack) -> None:
    stack.provider.set_account(max_connections=2)
    now = [10.0]
    gateway = Aria2Gateway(clock=lambda: now[0])
    gateway.apply_global_options()
    stack.provider.fail_next_api(count=100)
    stack.rpc.change_global_option({"max-concurrent-downloads": "5"})
    now[0] += 600

    assert gateway.apply_global_options(force=True) is True
    assert concurrency(stack) == "2"


def test_an_unknown_account_leaves_concurrency_alone(stack: Stack) -> None:
    stack.provider.fail_next_api(count=100)
    saved(speed_limit=4096)
    gateway = Aria2Gateway(clock=lambda: 10.0)

    assert gateway.apply_global_options() is False  # tried again later
    assert concurrency(stack) == "5"  # aria2's own
    assert speed_limit(stack) == "4096"


def test_an_account_without_a_limit_gets_the_admins_choice_or_aria2s_default(
    stack: Stack,
) -> None:
    stack.provider.set_account(max_connections=None)
    gateway = Aria2Gateway(clock=lambda: 10.0)

    assert gateway.apply_global_options() is True
    assert concurrency(stack) == "5"
    saved(concurrent_downloads=7)
    gateway.apply_global_options()
    assert concurrency(stack) == "7"
