"""The README's three API examples against real aria2c and the fake provider, and what #11
and #13 added: filters, counts, bulk actions, the right to download, links."""

from __future__ import annotations

from tests.api.conftest import key_client
from tests.downloads.conftest import FAST_MOVIE, MISSING_MOVIE, SLOW_MOVIE, Stack
from tests.fixtures.downloads import make_download
from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.integrations.aria2 import Aria2Status


def test_list_failed_start_a_movie_and_retry_everything_failed(
    stack: Stack, member: User, outsider: User
) -> None:
    api = key_client(member)
    failed = [
        make_download(member, MISSING_MOVIE, status=Status.ERROR, title="Gone Movie"),
        make_download(member, FAST_MOVIE, status=Status.ERROR, title="Fast Movie"),
    ]
    make_download(member, 906, status=Status.COMPLETE, title="Done")
    make_download(outsider, 907, status=Status.ERROR, title="Not Mine")

    listed = api.get("/api/v1/downloads?status=failed").json()
    assert sorted(item["id"] for item in listed["data"]) == sorted(r.pk for r in failed)
    assert {item["state"] for item in listed["data"]} == {"failed"}
    assert listed["counts"]["failed"] == 2 and listed["counts"]["completed"] == 1

    started = api.post(f"/api/v1/downloads/movies/{SLOW_MOVIE}")
    assert started.status_code == 201, started.content
    body = started.json()
    assert body["detail"] == "Download started."
    ref = MediaDownloadRef.objects.get(pk=body["started"][0]["id"])
    assert ref.user_id == member.pk
    stack.wait_status(ref, Aria2Status.ACTIVE)
    again = api.post(f"/api/v1/downloads/movies/{SLOW_MOVIE}")
    assert again.status_code == 409
    assert again.json()["detail"] == "Download already in progress."

    retried = api.post("/api/v1/downloads/bulk", {"action": "retry", "status": "failed"})
    assert retried.status_code == 200, retried.content
    answer = retried.json()
    assert sorted(answer["done"]) == sorted(r.pk for r in failed)
    assert answer["detail"] == "2 downloads retried." and answer["refused"] == []
    for download in failed:
        stack.wait_status(download, Aria2Status.ACTIVE, Aria2Status.ERROR, Aria2Status.COMPLETE)


def test_a_bulk_by_ids_refuses_other_peoples_like_missing_ones(
    stack: Stack, member: User, outsider: User
) -> None:
    mine = make_download(member, 908, status=Status.COMPLETE, title="Mine")
    theirs = make_download(outsider, 909, status=Status.COMPLETE, title="Theirs")
    answer = key_client(member).post(
        "/api/v1/downloads/bulk", {"action": "remove", "ids": [theirs.pk, mine.pk]}
    )
    body = answer.json()
    assert body["done"] == [mine.pk]
    assert body["refused"] == [{"id": theirs.pk, "message": "Download not found."}]
    assert MediaDownloadRef.objects.filter(pk=theirs.pk).exists()
    nothing = key_client(member).post("/api/v1/downloads/bulk", {"action": "remove"})
    assert nothing.status_code == 422 and "ids" in nothing.json()["errors"]


def test_without_the_right_to_download_a_start_is_403_but_a_link_is_fine(
    stack: Stack, member: User
) -> None:
    member.may_download_to_server = False
    member.save(update_fields=["may_download_to_server"])
    api = key_client(member)
    refused = api.post(f"/api/v1/downloads/movies/{FAST_MOVIE}")
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"
    assert not MediaDownloadRef.objects.exists()

    made = api.post(f"/api/v1/links/movies/{FAST_MOVIE}")
    assert made.status_code == 201, made.content
    link = made.json()
    assert link["kind"] == "file" and "/dl/" in link["url"]
    listed = api.get("/api/v1/links").json()["data"]
    assert [(row["id"], row["state"]) for row in listed] == [(link["id"], "active")]
    assert api.delete(f"/api/v1/links/{link['id']}").status_code == 200
    assert api.get("/api/v1/links").json()["data"][0]["state"] == "revoked"


def test_another_members_link_answers_like_a_missing_one(
    stack: Stack, member: User, outsider: User
) -> None:
    link = key_client(outsider).post(f"/api/v1/links/movies/{FAST_MOVIE}").json()
    api = key_client(member)
    assert api.delete(f"/api/v1/links/{link['id']}").status_code == 404
    assert api.get("/api/v1/links").json()["total"] == 0
