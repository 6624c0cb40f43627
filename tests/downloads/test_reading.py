"""Requests read by id in written SQL (``downloads/reading.py``) come out as the ORM's."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.models import Model
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.fixtures.downloads import make_download
from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.downloads.reading import refs_by_id

pytestmark = pytest.mark.django_db


def fields(model: Model) -> dict[str, Any]:
    return {f.attname: getattr(model, f.attname) for f in type(model)._meta.concrete_fields}


def variety(user: User) -> list[MediaDownloadRef]:
    """Rows that fill every kind of column: nulls and not, JSON lists and objects, flags."""
    return [
        make_download(user, 1, title="Plain"),
        make_download(
            user,
            2,
            episode=(3, 7, "e37"),
            title="Show",
            batch="b1",
            status=Status.COMPLETE,
            files=[{"path": "/x/Show.mkv", "length": "5"}],
            probe={"duration": 42.5, "streams": ["video"]},
            total_length=5,
            completed_length=5,
            finished_at=timezone.now(),
            verified_at=timezone.now(),
            expected_duration_secs=2520,
            desired_paused=True,
            poster="https://img.example.test/p.jpg",
            year=2021,
            episode_title="Seven",
        ),
        make_download(
            user,
            3,
            title="Gone",
            canceled=True,
            status=Status.ERROR,
            last_error_code="3",
            last_error_message="not found",
            retry_attempt=2,
        ),
    ]


@pytest.mark.parametrize("with_owner", [False, True])
def test_every_field_reads_as_the_orm_reads_it(member: User, with_owner: bool) -> None:
    made = variety(member)
    ids = [ref.pk for ref in made]
    with CaptureQueriesContext(connection) as queries:
        written = {ref.pk: ref for ref in refs_by_id([*ids, 999_999], with_owner=with_owner)}
        for ref in written.values():  # read with it: touching them asks nothing more
            assert ref.transfer.pk == ref.transfer_id
            if with_owner:
                assert ref.user.name == "Mia Member"
    assert len(queries) == 1
    related = ("user", "transfer") if with_owner else ("transfer",)
    orm = MediaDownloadRef.objects.select_related(*related).in_bulk(ids)
    assert sorted(written) == sorted(ids)  # the missing id is left out
    for pk, ref in orm.items():
        assert fields(written[pk]) == fields(ref)
        assert fields(written[pk].transfer) == fields(ref.transfer)
        if with_owner:
            assert fields(written[pk].user) == fields(ref.user)
    # The models are as saved ones: saving one updates its row, not a new one.
    shown = written[ids[0]]
    assert not shown._state.adding
    shown.title = "Renamed"
    shown.save(update_fields=["title"])
    assert MediaDownloadRef.objects.get(pk=ids[0]).title == "Renamed"


def test_no_ids_ask_nothing() -> None:
    with CaptureQueriesContext(connection) as queries:
        assert refs_by_id([], with_owner=True) == []
    assert len(queries) == 0
