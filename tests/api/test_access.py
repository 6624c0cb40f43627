"""A key acts as its owner, never more: other people's downloads are 404, admin things 403."""

from __future__ import annotations

import pytest

from tests.api.conftest import key_client
from tests.fixtures.downloads import make_download
from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.monitoring.services import paused_all

pytestmark = pytest.mark.django_db


def test_a_members_key_cannot_see_or_touch_another_members_download(
    member: User, outsider: User
) -> None:
    theirs = make_download(outsider, 501, status=Status.ERROR)
    api = key_client(member)
    listed = api.get("/api/v1/downloads").json()
    assert listed["total"] == 0
    for answer in [
        api.get(f"/api/v1/downloads/{theirs.pk}"),
        api.post(f"/api/v1/downloads/{theirs.pk}/actions", {"action": "remove"}),
        api.delete(f"/api/v1/downloads/{theirs.pk}"),
    ]:
        assert answer.status_code == 404
        assert answer.json()["detail"] == "Download not found."
    # Exactly like an id that does not exist: nothing to probe.
    assert (
        api.get("/api/v1/downloads/999999").json()
        == api.get(f"/api/v1/downloads/{theirs.pk}").json()
    )
    assert MediaDownloadRef.objects.filter(pk=theirs.pk).exists()


def test_a_members_owners_filter_shows_only_their_own(member: User, outsider: User) -> None:
    mine = make_download(member, 502, status=Status.COMPLETE, title="Mine")
    make_download(outsider, 503, status=Status.COMPLETE, title="Theirs")
    page = key_client(member).get(f"/api/v1/downloads?owners={mine.user_id + 1}").json()
    assert [item["id"] for item in page["data"]] == [mine.pk]
    assert "owner" not in page["data"][0] or page["data"][0]["owner"] is None


def test_an_admins_key_sees_everyones_and_filters_by_owner(
    admin: User, member: User, outsider: User
) -> None:
    a = make_download(member, 504, status=Status.COMPLETE)
    b = make_download(outsider, 505, status=Status.COMPLETE)
    api = key_client(admin)
    assert {d["id"] for d in api.get("/api/v1/downloads").json()["data"]} == {a.pk, b.pk}
    only = api.get(f"/api/v1/downloads?owners={outsider.pk}").json()["data"]
    assert [(d["id"], d["owner"]["email"]) for d in only] == [(b.pk, outsider.email)]
    assert api.get(f"/api/v1/downloads/{a.pk}").status_code == 200


def test_a_members_key_gets_403_for_admin_operations(member: User, admin: User) -> None:
    refused = key_client(member).put("/api/v1/monitors/paused", {"paused": True})
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"
    assert "administrators" in refused.json()["detail"]
    assert paused_all() is False
    allowed = key_client(admin).put("/api/v1/monitors/paused", {"paused": True})
    assert allowed.status_code == 200 and paused_all() is True


def test_the_owner_acts_through_the_same_rules_as_the_page(member: User) -> None:
    mine = make_download(member, 506, status=Status.ACTIVE, canceled=True)
    api = key_client(member)
    refused = api.post(f"/api/v1/downloads/{mine.pk}/actions", {"action": "pause"})
    assert refused.status_code == 409
    assert refused.json()["detail"] == "This download is already canceled and cannot be modified."
    removed = api.post(f"/api/v1/downloads/{mine.pk}/actions", {"action": "remove"})
    assert removed.status_code == 200
    assert removed.json() == {"detail": "Download status updated successfully.", "download": None}
    assert not MediaDownloadRef.objects.filter(pk=mine.pk).exists()


def test_bad_input_is_a_problem_with_a_sentence_per_field(member: User) -> None:
    api = key_client(member)
    answer = api.post("/api/v1/downloads/1/actions", {"action": "explode", "extra": 1})
    assert answer.status_code == 422
    body = answer.json()
    assert body["status"] == 422 and set(body["errors"]) == {"action", "extra"}
    assert api.get("/api/v1/downloads?page=0").status_code == 422
    assert api.get(f"/api/v1/downloads/{2**64}").status_code == 422
    monitor = api.post("/api/v1/monitors/series/7", {"time": "25:00"})
    assert monitor.status_code == 422
    assert monitor.json()["errors"]["time"].startswith("Give the time as HH:MM")
