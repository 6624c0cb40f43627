"""Server settings on the Settings page: saved, given to aria2 at once (and again after it
restarts), never above the provider's connections, and locked where the environment speaks."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.downloads.conftest import FAST_MOVIE, Stack, stack
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads.worker.loop import WorkerLoop, sync_interval_seconds
from vodarr.links.models import DownloadLink
from vodarr.site_settings.models import SiteSettings

pytestmark = pytest.mark.django_db
JSON = "application/json"
MIB = 1024 * 1024

__all__ = ["stack"]


def patch(client: Client, **body: Any) -> Any:
    return client.patch("/settings/server", body, content_type=JSON)


def aria2_options(stack: Stack) -> tuple[str, str]:
    options = stack.rpc.get_global_option()
    return options["max-overall-download-limit"], options["max-concurrent-downloads"]


def test_the_speed_limit_and_concurrency_reach_aria2_at_once(stack: Stack, admin: User) -> None:
    stack.provider.set_account(max_connections=4)
    client = inertia_client(admin)

    response = patch(client, speed_limit=2 * MIB, concurrent_downloads=3)

    assert response.status_code == 303
    assert client.get("/settings").json()["props"]["flash"]["success"] == "Server settings saved."
    assert aria2_options(stack) == (str(2 * MIB), "3")
    row = SiteSettings.load()
    assert (row.speed_limit, row.concurrent_downloads) == (2 * MIB, 3)


def test_they_are_given_to_aria2_again_after_it_restarts(stack: Stack, admin: User) -> None:
    stack.provider.set_account(max_connections=4)
    patch(inertia_client(admin), speed_limit=MIB, concurrent_downloads=2)
    loop = WorkerLoop(tick_seconds=60, listen=False)
    loop.run(once=True)
    stack.aria2.restart()
    assert aria2_options(stack) != (str(MIB), "2")  # aria2 forgot them

    loop.run(once=True)

    assert aria2_options(stack) == (str(MIB), "2")


def test_more_downloads_at_once_than_the_account_allows_is_refused(
    stack: Stack, admin: User
) -> None:
    stack.provider.set_account(max_connections=2)
    response = inertia_client(admin).patch(
        "/settings/server",
        {"concurrent_downloads": 5},
        content_type=JSON,
        headers={"Accept": JSON, "X-Inertia": ""},
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "concurrent_downloads": (
            "The provider account allows 2 connections at once: choose 2 or fewer."
        )
    }
    assert SiteSettings.load().concurrent_downloads is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"speed_limit": -1}, "speed_limit"),
        ({"speed_limit": "fast"}, "speed_limit"),
        ({"concurrent_downloads": 0}, "concurrent_downloads"),
        ({"sync_interval_hours": 1000}, "sync_interval_hours"),
        ({"link_lifetime_hours": 0}, "link_lifetime_hours"),
        ({"link_lifetime_hours": True}, "link_lifetime_hours"),
        ({"new_members_may_download": "yes please"}, "new_members_may_download"),
        ({"turbo": True}, "turbo"),
    ],
)
def test_nonsense_is_refused_field_by_field(admin: User, body: dict[str, Any], field: str) -> None:
    response = inertia_client(admin).patch(
        "/settings/server", body, content_type=JSON, headers={"Accept": JSON, "X-Inertia": ""}
    )

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {field}


def test_what_the_environment_sets_cannot_be_changed_here_and_the_page_says_so(
    admin: User, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.LINK_LIFETIME_HOURS = 12
    client = inertia_client(admin)

    server = client.get("/settings").json()["props"]["server"]
    response = patch(client, link_lifetime_hours=2)

    assert server["linkLifetimeHours"] == {
        "value": 12,
        "source": "environment",
        "variable": "LINK_LIFETIME_HOURS",
    }
    assert response.status_code == 303
    errors = client.get("/settings").json()["props"]["errors"]
    assert (
        errors["link_lifetime_hours"]
        == "LINK_LIFETIME_HOURS sets this in the environment; change it there."
    )


def test_the_sync_schedule_and_link_lifetime_are_used_as_saved(
    stack: Stack, admin: User, member: User, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.VODARR_SYNC_INTERVAL_SECONDS = None  # the tests' own default: no environment value
    patch(inertia_client(admin), sync_interval_hours=0, link_lifetime_hours=48)

    made = Client(headers={"Accept": JSON})
    made.force_login(member)
    response = made.post(f"/movies/{FAST_MOVIE}/link")

    assert sync_interval_seconds() == 0
    link = DownloadLink.objects.get(pk=response.json()["id"])
    assert timedelta(hours=47) < link.expires_at - timezone.now() <= timedelta(hours=48)


def test_only_admins_change_server_settings(member: User) -> None:
    response = patch(inertia_client(member), speed_limit=0)

    assert response.status_code == 403
    assert not SiteSettings.objects.exists()
