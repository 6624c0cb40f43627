"""Streams through Vodarr count against the provider account's connections, like downloads:
refused with a readable 503 when none is left, and aria2 is given only what they leave."""

from __future__ import annotations

import httpx
import pytest
from django.test import Client

from tests.downloads.conftest import FAST_MOVIE, SLOW_MOVIE, Stack, stack, start
from tests.fixtures.server import LiveApp
from tests.fixtures.waiting import wait_for
from tests.links.conftest import LinkSite
from vodarr.accounts.models import User
from vodarr.downloads.models import ProviderStream

pytestmark = pytest.mark.django_db(transaction=True)

__all__ = ["stack"]


@pytest.fixture
def linked(stack: Stack, live_app: LiveApp, settings, member: User) -> LinkSite:  # type: ignore[no-untyped-def]
    settings.BASE_URL = live_app.url
    client = Client()
    client.force_login(member)
    return LinkSite(live_app, stack.provider, stack.root, member, client)


def aria2_concurrency(stack: Stack) -> str:
    return stack.rpc.get_global_option()["max-concurrent-downloads"]


def test_a_stream_takes_a_connection_from_aria2_and_gives_it_back(
    linked: LinkSite, stack: Stack
) -> None:
    stack.provider.set_account(max_connections=2)
    link = linked.make_link(f"/movies/{SLOW_MOVIE}/link")

    with httpx.stream("GET", linked.url(link["url"]), timeout=20) as watching:
        assert watching.status_code == 200
        body = watching.iter_raw()  # held: dropping the iterator would hang up
        next(body)
        assert ProviderStream.objects.in_use().count() == 1
        assert aria2_concurrency(stack) == "1"

    # The viewer went away mid-film: the connection is aria2's again.
    wait_for(lambda: not ProviderStream.objects.exists(), message="the stream to be released")
    wait_for(lambda: aria2_concurrency(stack) == "2", message="aria2 to get its connection back")


def test_with_no_connection_left_a_stream_is_refused_with_a_sentence(
    linked: LinkSite, stack: Stack
) -> None:
    stack.provider.set_account(max_connections=1)
    first = linked.make_link(f"/movies/{SLOW_MOVIE}/link")
    second = linked.make_link(f"/movies/{FAST_MOVIE}/link")

    with httpx.stream("GET", linked.url(first["url"]), timeout=20) as watching:
        body = watching.iter_raw()
        next(body)
        refused = linked.get(second["url"])

    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "30"
    assert refused.text.startswith(
        "The provider's only connection is in use (1 by a link being watched)."
    )
    wait_for(lambda: not ProviderStream.objects.exists(), message="the stream to be released")
    assert linked.get(second["url"]).status_code == 200


def test_a_download_on_the_server_holds_a_connection_too(
    linked: LinkSite, stack: Stack, as_member: Client
) -> None:
    stack.provider.set_account(max_connections=1)
    ref = start(as_member, SLOW_MOVIE)
    stack.wait_status(ref, "active")
    link = linked.make_link(f"/movies/{FAST_MOVIE}/link")

    refused = linked.get(link["url"])

    assert refused.status_code == 503
    assert "(1 by a download)" in refused.text
    assert not ProviderStream.objects.exists()
