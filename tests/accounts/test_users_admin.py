"""The admin's Users page: the list, changing roles, deleting users, and who may do it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.fixtures.downloads import make_download
from tests.fixtures.users import inertia_client
from vodarr.accounts.admin_views import delete_user
from vodarr.accounts.models import Role, User
from vodarr.downloads.models import MediaDownloadRef, Status, Transfer, new_gid
from vodarr.integrations.aria2 import Aria2Client, EmbeddedAria2

pytestmark = pytest.mark.django_db
JSON = "application/json"
MakeUser = Callable[..., User]


def _download(user: User, media_id: int, status: str = Status.COMPLETE, gid: str = "") -> Any:
    return make_download(user, media_id, status=status, gid=gid or new_gid(), hold=True)


def _shared(client: Client) -> tuple[dict[str, Any], dict[str, Any]]:
    props = client.get("/users").json()["props"]
    return props["flash"], props["errors"]


def _set_role(client: Client, user: User, role: object) -> Any:
    return client.patch(f"/users/{user.pk}", {"role": role}, content_type=JSON)


# --- the list ---------------------------------------------------------------------------------


def test_the_users_page_lists_everyone_by_name_with_their_download_count(
    as_admin: Client, admin: User, member: User, make_user: MakeUser
) -> None:
    waiting = make_user("Bea Waiting", verified=False)
    _download(member, 1)
    _download(member, 2)

    page = as_admin.get("/users").json()

    assert page["component"] == "users/index"
    users = page["props"]["users"]
    assert [u["name"] for u in users] == ["Ada Admin", "Bea Waiting", "Mia Member"]
    assert users[0] == {
        "id": admin.pk,
        "name": "Ada Admin",
        "email": admin.email,
        "role": "admin",
        "verified": True,
        "joinedAt": admin.date_joined.isoformat(),
        "downloadCount": 0,
        "mayDownload": True,
        "isSelf": True,
    }
    assert users[1]["id"] == waiting.pk
    assert users[1]["verified"] is False
    assert (users[2]["downloadCount"], users[2]["isSelf"], users[2]["role"]) == (2, False, "member")


def test_the_users_page_counts_downloads_in_one_query_however_many_users(
    as_admin: Client, make_user: MakeUser
) -> None:
    for n in range(10):
        _download(make_user(f"Someone {n}"), n)

    with CaptureQueriesContext(connection) as queries:
        as_admin.get("/users")

    user_queries = [q for q in queries if 'from "accounts_user"' in q["sql"].lower()]
    assert len(user_queries) <= 2  # the session's user and the list


# --- roles ------------------------------------------------------------------------------------


def test_an_admin_can_make_a_member_an_admin(as_admin: Client, member: User) -> None:
    response = _set_role(as_admin, member, "admin")

    assert response.status_code == 303
    member.refresh_from_db()
    assert member.role == Role.ADMIN
    assert _shared(as_admin)[0]["success"] == "Role updated."


def test_an_admin_can_demote_another_admin(as_admin: Client, make_user: MakeUser) -> None:
    other = make_user("Other Admin", role=Role.ADMIN)

    _set_role(as_admin, other, "member")

    other.refresh_from_db()
    assert other.role == Role.MEMBER


def test_the_last_admin_cannot_be_demoted(as_admin: Client, admin: User) -> None:
    response = _set_role(as_admin, admin, "member")

    assert response.status_code == 303
    admin.refresh_from_db()
    assert admin.role == Role.ADMIN
    flash, errors = _shared(as_admin)
    assert errors == {"user": "You cannot remove the last administrator."}
    assert flash["success"] is None


def test_an_admin_who_steps_down_is_sent_home(
    as_admin: Client, admin: User, make_user: MakeUser
) -> None:
    make_user("Other Admin", role=Role.ADMIN)

    response = _set_role(as_admin, admin, "member")

    assert response.status_code == 303
    assert response["Location"] == "/discover"
    admin.refresh_from_db()
    assert admin.role == Role.MEMBER


@pytest.mark.parametrize("role", ["owner", "", None, 1, ["admin"], {"admin": True}, "Admin"])
def test_a_role_that_is_not_admin_or_member_is_refused(
    as_admin: Client, member: User, role: object
) -> None:
    _set_role(as_admin, member, role)

    member.refresh_from_db()
    assert member.role == Role.MEMBER
    assert _shared(as_admin)[1] == {"role": "Choose a role: admin or member."}


def test_an_api_client_gets_role_errors_as_json(as_admin: Client, member: User) -> None:
    response = as_admin.patch(
        f"/users/{member.pk}",
        {"role": "root"},
        content_type=JSON,
        headers={"X-Inertia": "", "Accept": JSON},
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"role": "Choose a role: admin or member."}


@pytest.mark.parametrize(
    ("body", "content_type"),
    [("{not json", JSON), ("[1, 2]", JSON), ("\xff\xfe", JSON), ("role=admin", "text/plain")],
)
def test_a_malformed_body_is_a_client_error_not_a_crash(
    as_admin: Client, member: User, body: str, content_type: str
) -> None:
    response = as_admin.patch(f"/users/{member.pk}", body, content_type=content_type)

    assert response.status_code in (400, 415)
    assert "message" in response.json()
    member.refresh_from_db()
    assert member.role == Role.MEMBER


def test_a_role_can_be_sent_as_a_form_field(as_admin: Client, member: User) -> None:
    as_admin.patch(
        f"/users/{member.pk}", "role=admin", content_type="application/x-www-form-urlencoded"
    )

    member.refresh_from_db()
    assert member.role == Role.ADMIN


# --- deleting ---------------------------------------------------------------------------------


def test_an_admin_can_delete_a_member_and_their_downloads(
    as_admin: Client, member: User, outsider: User
) -> None:
    _download(member, 1)
    _download(outsider, 2)

    response = as_admin.delete(f"/users/{member.pk}")

    assert response.status_code == 303
    assert not User.objects.filter(pk=member.pk).exists()
    assert list(MediaDownloadRef.objects.values_list("downloadable_id", flat=True)) == [2]
    assert _shared(as_admin)[0]["success"] == "User deleted."


def test_a_deleted_users_unfinished_downloads_are_stopped_in_aria2(
    settings: Any, aria2: EmbeddedAria2, as_admin: Client, member: User
) -> None:
    settings.ARIA2_RPC_URL = aria2.rpc_url
    settings.ARIA2_RPC_SECRET = aria2.secret
    with Aria2Client(aria2.rpc_url, aria2.secret) as rpc:
        gid = rpc.add_uri(["http://127.0.0.1:9/never.mp4"], {"pause": "true"})
        _download(member, 1, status=Status.PAUSED, gid=gid)
        assert gid in [state.gid for state in rpc.tell_waiting(0, 100)]

        as_admin.delete(f"/users/{member.pk}")

        queued = rpc.tell_active() + rpc.tell_waiting(0, 100)
        assert gid not in [state.gid for state in queued]
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Transfer.objects.exists()  # nobody else wanted it: gone with its last request


def test_a_deleted_users_download_goes_on_for_the_others_who_asked(
    settings: Any, aria2: EmbeddedAria2, as_admin: Client, member: User, outsider: User
) -> None:
    settings.ARIA2_RPC_URL = aria2.rpc_url
    settings.ARIA2_RPC_SECRET = aria2.secret
    with Aria2Client(aria2.rpc_url, aria2.secret) as rpc:
        gid = rpc.add_uri(["http://127.0.0.1:9/never.mp4"], {"pause": "true"})
        mine = _download(member, 1, status=Status.PAUSED, gid=gid)
        MediaDownloadRef.objects.create(
            user=outsider,
            transfer=mine.transfer,
            downloadable_type=mine.downloadable_type,
            downloadable_id=1,
            title="Shared",
        )

        as_admin.delete(f"/users/{member.pk}")

        assert gid in [state.gid for state in rpc.tell_waiting(0, 100)]
    assert Transfer.objects.get().requests.get().user == outsider


def test_a_user_is_deleted_even_when_aria2_is_down(
    settings: Any, as_admin: Client, member: User
) -> None:
    settings.ARIA2_RPC_URL = "http://127.0.0.1:9/jsonrpc"
    _download(member, 1, status=Status.ACTIVE)

    response = as_admin.delete(f"/users/{member.pk}")

    assert response.status_code == 303
    assert not User.objects.filter(pk=member.pk).exists()
    assert not MediaDownloadRef.objects.exists()


def test_an_admin_cannot_delete_themselves_here(as_admin: Client, admin: User) -> None:
    as_admin.delete(f"/users/{admin.pk}")

    assert User.objects.filter(pk=admin.pk).exists()
    assert _shared(as_admin)[1] == {"user": "Use your profile page to delete your own account."}


def test_an_admin_can_delete_another_admin(as_admin: Client, make_user: MakeUser) -> None:
    other = make_user("Other Admin", role=Role.ADMIN)

    as_admin.delete(f"/users/{other.pk}")

    assert not User.objects.filter(pk=other.pk).exists()


def test_the_last_admin_is_never_deleted(admin: User, member: User) -> None:
    assert delete_user(admin) is False
    assert User.objects.filter(pk=admin.pk).exists()
    assert delete_user(member) is True


# --- who may -----------------------------------------------------------------------------------


def test_members_are_refused_every_users_route(as_member: Client, admin: User) -> None:
    assert as_member.get("/users").status_code == 403
    assert _set_role(as_member, admin, "member").status_code == 403
    assert as_member.delete(f"/users/{admin.pk}").status_code == 403
    admin.refresh_from_db()
    assert admin.role == Role.ADMIN


def test_signed_out_visitors_are_sent_to_sign_in(db: None) -> None:
    response = inertia_client().get("/users")

    assert response.status_code == 302
    assert response["Location"].startswith("/login")


@pytest.mark.parametrize("ident", ["999999", "abc", "-1", "99999999999999999999999"])
def test_an_unknown_user_is_a_404(as_admin: Client, ident: str) -> None:
    assert as_admin.delete(f"/users/{ident}").status_code == 404
    assert (
        as_admin.patch(f"/users/{ident}", {"role": "admin"}, content_type=JSON).status_code == 404
    )


def test_other_methods_are_not_allowed(as_admin: Client, member: User) -> None:
    assert as_admin.post("/users").status_code == 405
    assert as_admin.get(f"/users/{member.pk}").status_code == 405
