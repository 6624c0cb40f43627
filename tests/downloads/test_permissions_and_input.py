"""Who may act on a download, and bad input: always a 4xx with a message, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.downloads.conftest import SLOW_MOVIE, Stack, act, flash_and_errors, start
from tests.fixtures.downloads import make_download
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_download(member: User) -> MediaDownloadRef:
    return make_download(
        member, 1, title="Mine", status="complete", gid="00000000000000aa", hold=True
    )


def test_another_member_cannot_touch_or_even_see_a_download(
    members_download: MediaDownloadRef, outsider: User
) -> None:
    client = inertia_client(outsider)
    for response in (
        act(client, members_download, "remove"),
        client.delete(f"/downloads/{members_download.pk}"),
    ):
        assert response.status_code == 404
        assert response.json()["props"]["message"] == "Download not found."
    assert MediaDownloadRef.objects.filter(pk=members_download.pk).exists()


def test_the_answer_for_someone_elses_download_equals_a_missing_one(
    members_download: MediaDownloadRef, outsider: User
) -> None:
    client = inertia_client(outsider)
    theirs = act(client, members_download, "remove")
    missing = client.patch(
        "/downloads/987654", {"action": "remove"}, content_type="application/json"
    )

    def answer(response):  # type: ignore[no-untyped-def]
        props = response.json()["props"]
        props.pop("live")  # the render time: differs between any two pages
        return response.status_code, props

    assert answer(theirs) == answer(missing)


def test_an_admin_may_act_on_any_members_download(stack: Stack, member: User, admin: User) -> None:
    ref = start(inertia_client(member), SLOW_MOVIE)
    stack.wait_status(ref, "active")
    admin_client = inertia_client(admin)
    act(admin_client, ref, "cancel")
    assert flash_and_errors(admin_client)[0]["success"] == "Download canceled successfully."


def test_guests_are_sent_to_login(members_download: MediaDownloadRef) -> None:
    response = Client().patch(
        f"/downloads/{members_download.pk}", {"action": "remove"}, content_type="application/json"
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/login")


@pytest.mark.parametrize("pk", ["abc", "-1", "1.5", "99999999999999999999999", "0x10", "%20"])
def test_a_non_numeric_or_unknown_id_is_a_404(member: User, pk: str) -> None:
    response = inertia_client(member).patch(
        f"/downloads/{pk}", {"action": "pause"}, content_type="application/json"
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"action": "explode"}, "action", "Unsupported download action."),
        ({"action": 5}, "action", "Unsupported download action."),
        ({"action": ["pause"]}, "action", "Unsupported download action."),
        ({}, "action", "Choose an action: pause, resume, retry, cancel or remove."),
        (
            {"action": "cancel", "delete_partial": "maybe"},
            "delete_partial",
            "The delete partial field must be true or false.",
        ),
        (
            {"action": "retry", "restart_from_zero": [1]},
            "restart_from_zero",
            "The restart from zero field must be true or false.",
        ),
    ],
)
def test_bad_action_bodies_come_back_as_errors(
    members_download: MediaDownloadRef, member: User, body: dict, field: str, message: str
) -> None:
    client = inertia_client(member)
    response = client.patch(
        f"/downloads/{members_download.pk}", body, content_type="application/json"
    )
    assert response.status_code == 303
    assert flash_and_errors(client)[1] == {field: message}
    assert MediaDownloadRef.objects.filter(pk=members_download.pk).exists()


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{oops", "application/json", 400),
        ("[]", "application/json", 400),
        ("a=b", "text/plain", 415),
    ],
)
def test_a_malformed_body_is_a_4xx_with_a_message(
    members_download: MediaDownloadRef, member: User, body: str, content_type: str, status: int
) -> None:
    client = Client()
    client.force_login(member)
    response = client.patch(
        f"/downloads/{members_download.pk}",
        body,
        content_type=content_type,
        headers={"Accept": "application/json"},
    )
    assert response.status_code == status
    assert response.json()["message"]


def test_an_api_client_gets_json_answers(members_download: MediaDownloadRef, member: User) -> None:
    client = Client(headers={"Accept": "application/json"})
    client.force_login(member)
    response = client.patch(
        f"/downloads/{members_download.pk}", {"action": "nope"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json() == {
        "message": "Unsupported download action.",
        "errors": {"action": "Unsupported download action."},
    }


def test_form_encoded_actions_work_too(stack: Stack, member: User) -> None:
    ref = start(inertia_client(member), SLOW_MOVIE)
    stack.wait_status(ref, "active")
    client = Client()
    client.force_login(member)
    response = client.patch(
        f"/downloads/{ref.pk}",
        "action=cancel&delete_partial=1",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 303
    ref.refresh_from_db()
    assert ref.canceled_at is not None
