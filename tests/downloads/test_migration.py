"""Upgrading to requests and transfers: every old download row survives, live GIDs intact."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("downloads", "0001_initial"), ("accounts", "0001_initial")]
AFTER = [("downloads", "0004_request_fields")]
STATUSES = ["active", "waiting", "paused", "error", "complete", "removed"]


def migrate(targets: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest() -> Iterator[None]:
    """The next tests in this process need the whole schema, not the one this test left."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest")
def test_every_old_row_becomes_a_request_with_its_own_transfer() -> None:
    old = migrate(BEFORE)
    User = old.get_model("accounts", "User")
    Ref = old.get_model("downloads", "MediaDownloadRef")
    alice = User.objects.create(email="alice@example.test", name="Alice", password="x")
    bob = User.objects.create(email="bob@example.test", name="Bob", password="x")
    now = timezone.now()
    rows = {}
    for n, status in enumerate(STATUSES):
        rows[status] = Ref.objects.create(
            gid=f"{n:016x}",
            user=alice,
            downloadable_type="VodStream",
            downloadable_id=100 + n,
            dedupe_key=f"{alice.pk}:VodStream:{100 + n}:" if status != "error" else None,
            title=f"Film {n}",
            output_path=f"Movies/Film {n}/Film {n}.mp4",
            status=status,
            total_length=1000,
            completed_length=500,
            retry_attempt=2,
            last_error_code=3 if status == "error" else None,
            created_at=now - timedelta(minutes=n),
        )
    canceled = Ref.objects.create(
        gid="00000000000000ca",
        user=alice,
        downloadable_type="Series",
        downloadable_id=7,
        episode_id="7101",
        season=1,
        episode=1,
        title="Show",
        output_path="Shows/Show/Season 01/Show - S01E01.mp4",
        status="removed",
        canceled_at=now,
    )
    # The bug the split removes: Bob's copy of Alice's film, same output path.
    bobs = Ref.objects.create(
        gid="00000000000000bb",
        user=bob,
        downloadable_type="VodStream",
        downloadable_id=100,
        dedupe_key=f"{bob.pk}:VodStream:100:",
        title="Film 0",
        output_path="Movies/Film 0/Film 0.mp4",
        status="error",
        created_at=now - timedelta(hours=1),
    )

    new = migrate(AFTER)
    Request = new.get_model("downloads", "MediaDownloadRef")
    Transfer = new.get_model("downloads", "Transfer")

    assert Request.objects.count() == len(STATUSES) + 2
    assert Transfer.objects.count() == len(STATUSES) + 2
    for status, row in rows.items():
        request = Request.objects.get(pk=row.pk)
        transfer = Transfer.objects.get(pk=request.transfer_id)
        assert (transfer.gid, transfer.status, transfer.output_path) == (
            row.gid,
            status,
            row.output_path,
        )
        assert (transfer.total_length, transfer.completed_length) == (1000, 500)
        assert transfer.retry_attempt == 2
        assert request.user_id == alice.pk and request.title == row.title
        assert request.created_at == row.created_at
    film = Transfer.objects.get(gid=rows["active"].gid)
    assert film.media_key == "VodStream:100:" and film.path_key  # the live one holds the file
    assert Transfer.objects.get(gid=bobs.gid).media_key is None  # its old copy does not
    stopped = Transfer.objects.get(gid=canceled.gid)
    assert stopped.stopped_at is not None and stopped.media_key is None
    assert Request.objects.get(pk=canceled.pk).dedupe_key is None
    assert Request.objects.get(pk=bobs.pk).dedupe_key == f"{bob.pk}:VodStream:100:"
