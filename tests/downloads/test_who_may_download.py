""" "May download to the server": without it every start route answers 403 with a sentence,
whatever starts it (a click, a batch, a series monitor), and the person gets links instead."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from tests.downloads.conftest import FAST_MOVIE, SERIES, Stack
from tests.fixtures.users import inertia_client
from tests.monitoring.conftest import api_client, monitor
from vodarr.accounts.models import Role, User
from vodarr.accounts.services import register_user
from vodarr.downloads.models import MediaDownloadRef
from vodarr.downloads.starting import NOT_ALLOWED
from vodarr.monitoring import services as monitors
from vodarr.monitoring.models import Outcome
from vodarr.site_settings.models import SiteSettings

pytestmark = pytest.mark.django_db

START_ROUTES = [
    ("post", f"/movies/{FAST_MOVIE}/download", None),
    ("get", f"/movies/{FAST_MOVIE}/download", None),
    ("post", f"/series/{SERIES}/1/1/download", None),
    ("post", f"/series/{SERIES}/download", {"episodes": [{"season": 1, "episode": 1}]}),
]


@pytest.fixture
def link_only(member: User) -> User:
    member.may_download_to_server = False
    member.save()
    return member


@pytest.mark.parametrize(("method", "path", "body"), START_ROUTES)
def test_every_start_route_refuses_with_403_and_a_sentence(
    stack: Stack, link_only: User, method: str, path: str, body: dict | None
) -> None:
    for client in (api_client(link_only), inertia_client(link_only)):
        send = getattr(client, method)
        kwargs = {"data": body, "content_type": "application/json"} if body else {}
        response = send(path, headers={"Sec-Fetch-Site": "same-origin"}, **kwargs)
        assert response.status_code == 403
        answer = response.json()
        assert NOT_ALLOWED in answer.get("message", answer.get("props", {}).get("message", ""))
    assert not MediaDownloadRef.objects.exists()
    assert (
        stack.provider.api_calls("get_vod_info") + stack.provider.api_calls("get_series_info") == 0
    )


def test_a_series_monitor_of_such_a_person_starts_nothing_and_says_why(
    stack: Stack, member: User
) -> None:
    watching = monitor(api_client(member), **{"from": "all"})
    member.may_download_to_server = False
    member.save()

    run = monitors.run_now(watching, timezone.now())

    assert not MediaDownloadRef.objects.exists()
    reasons = set(run.episodes.filter(outcome=Outcome.ERROR).values_list("reason", flat=True))
    assert reasons == {NOT_ALLOWED}


def test_such_a_person_may_still_get_links(stack: Stack, link_only: User) -> None:
    response = api_client(link_only).post(f"/movies/{FAST_MOVIE}/link")

    assert response.status_code == 201
    assert "/dl/" in response.json()["url"]


def test_pages_tell_the_browser_who_may_download(member: User, link_only: User) -> None:
    user = inertia_client(link_only).get("/links").json()["props"]["auth"]["user"]

    assert user["mayDownload"] is False


def test_an_admin_changes_it_on_the_users_page(admin: User, member: User) -> None:
    client = inertia_client(admin)

    response = client.patch(
        f"/users/{member.pk}", {"may_download": False}, content_type="application/json"
    )

    assert response.status_code == 303
    member.refresh_from_db()
    assert member.may_download_to_server is False
    users = client.get("/users").json()["props"]
    assert users["flash"]["success"] == "Mia Member may no longer download to the server."
    assert [u["mayDownload"] for u in users["users"] if u["id"] == member.pk] == [False]
    refused = client.patch(
        f"/users/{member.pk}", {"may_download": "perhaps"}, content_type="application/json"
    )
    assert refused.status_code == 303
    assert "true or false" in client.get("/users").json()["props"]["errors"]["may_download"]


def test_a_member_cannot_change_it(member: User, outsider: User) -> None:
    response = inertia_client(member).patch(
        f"/users/{outsider.pk}", {"may_download": False}, content_type="application/json"
    )

    assert response.status_code == 403
    outsider.refresh_from_db()
    assert outsider.may_download_to_server is True


def test_new_members_get_the_default_the_admin_chose(db: None) -> None:
    first = register_user("owner@example.test", "Owner", "a long password 1")
    SiteSettings.objects.create(pk=SiteSettings.SINGLETON_PK, new_members_may_download=False)

    later = register_user("guest@example.test", "Guest", "a long password 2")

    assert (first.role, first.may_download_to_server) == (Role.ADMIN, True)
    assert (later.role, later.may_download_to_server) == (Role.MEMBER, False)


def test_an_anonymous_visitor_is_sent_to_sign_in(db: None) -> None:
    response = Client().post(f"/movies/{FAST_MOVIE}/download")

    assert response.status_code == 302
