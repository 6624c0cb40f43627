"""A page's batches read in written SQL (``downloads/batches.py``) against the ORM's reading."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Model

from tests.fixtures.downloads import make_download
from vodarr.accounts.models import User
from vodarr.downloads.batches import Whole
from vodarr.downloads.filters import DownloadFilters, visible_downloads
from vodarr.downloads.groups import GROUP_SHOWN, page_rows
from vodarr.downloads.heads import built_heads
from vodarr.downloads.listing import downloads_page
from vodarr.downloads.models import MediaDownloadRef, Status

pytestmark = pytest.mark.django_db

# Each episode's state, by its number: every kind, and progress that is partial, none,
# over the whole (aria2 can say more than the total) and of an unknown length.
KINDS: list[dict[str, Any]] = [
    {"status": Status.COMPLETE, "total_length": 10, "completed_length": 10},
    {"status": Status.ACTIVE, "total_length": 100, "completed_length": 37},
    {"status": Status.WAITING},
    {"status": Status.PAUSED, "desired_paused": True, "total_length": 8, "completed_length": 3},
    {"status": Status.ERROR, "total_length": 3, "completed_length": 1},
    {"status": Status.ACTIVE, "canceled": True, "total_length": 5, "completed_length": 2},
    {"status": Status.ACTIVE, "total_length": 4, "completed_length": 9},
    {"status": Status.ACTIVE, "total_length": 0, "completed_length": 5},
]


def batch(
    user: User,
    name: str,
    seasons: list[int | None],
    per_season: int,
    media: int,
    kinds: list[dict[str, Any]] = KINDS,
) -> None:
    """Episodes of ``kinds`` in turn: one kind makes each season alike, many mix them."""
    for s, season in enumerate(seasons):
        for e in range(1, per_season + 1):
            n = media + 100 * s + e
            make_download(
                user,
                n,
                episode=(season, e, f"{name}s{s}e{e}"),  # type: ignore[arg-type]
                batch=name,
                title="Show",
                **kinds[(e + s) % len(kinds)],
            )


def household(member: User, outsider: User) -> None:
    """Singles, a short batch, and long ones over several seasons (season 0 and none too),
    for the member and for someone else."""
    for who, base in ((member, 10_000), (outsider, 50_000)):
        make_download(who, base, title="Film")
        batch(who, f"short{base}", [1], 5, base + 1000)
        batch(who, f"long{base}", [1, 2, 3], 9, base + 2000)
        batch(who, f"odd{base}", [0, None, 4], 6, base + 3000)
        # A queue: seasons alike (all waiting, all done, all paused), one of them mixed.
        batch(who, f"queue{base}", [1, 2, None], 7, base + 4000, [KINDS[2]])
        batch(who, f"queued{base}", [3], 5, base + 5000, [KINDS[0]])
        batch(who, f"queued{base}", [4], 5, base + 5500, [KINDS[3]])
        batch(who, f"queued{base}", [5], 6, base + 6000, KINDS[:3])
        make_download(who, base + 1, title="Later film", status=Status.COMPLETE)


def fields(model: Model) -> dict[str, Any]:
    return {f.attname: getattr(model, f.attname) for f in type(model)._meta.concrete_fields}


def read(rows: list[MediaDownloadRef], with_owner: bool) -> dict[int, tuple[Any, ...]]:
    return {
        ref.pk: (
            fields(ref),
            fields(ref.transfer),
            fields(ref.user) if with_owner else None,
        )
        for ref in rows
    }


def rounded(rest: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {b: {**found, "progress": round(found["progress"], 9)} for b, found in rest.items()}


@pytest.mark.parametrize("who", ["member", "admin"])
@pytest.mark.parametrize("cap", [GROUP_SHOWN, 4, 1, None])
def test_a_page_of_batches_reads_the_same_written_and_built(
    who: str, cap: int | None, member: User, outsider: User, admin: User
) -> None:
    household(member, outsider)
    user = member if who == "member" else admin
    selection = visible_downloads(user)
    window = built_heads(selection, 0, 100)
    assert sum(1 for _, b in window if b) == (5 if who == "member" else 10)
    with_owner = who == "admin"
    written, written_rest = page_rows(
        selection, window, cap=cap, with_owner=with_owner, whole=Whole.list_of(user)
    )
    built, built_rest = page_rows(selection, window, cap=cap, with_owner=with_owner)
    assert read(written, with_owner) == read(built, with_owner)
    assert rounded(written_rest) == rounded(built_rest)
    capped = {b for _, b in window if b and b.startswith(("long", "odd", "queue"))}
    if cap is None:
        assert not built_rest
    else:
        # Every long batch capped, and the cap kept; the short one whole under 12.
        assert set(built_rest) == (capped if cap == GROUP_SHOWN else capped | _shorts(window))
        shown = [ref for ref in built if ref.batch in built_rest]
        assert len(shown) == cap * len(built_rest)
        # A summary tells each state apart, as the page shows them.
        assert {s for rest in built_rest.values() for s in rest["states"]} >= {
            "completed",
            "canceled",
        }


def _shorts(window: list[tuple[int, str | None]]) -> set[str]:
    return {b for _, b in window if b and b.startswith("short")}


def test_a_member_never_reads_another_persons_batch_written(
    member: User, outsider: User, admin: User
) -> None:
    household(member, outsider)
    theirs = ["short50000", "long50000"]
    mine = Whole.list_of(member)
    assert mine.owner == member.pk
    window = [(0, name) for name in theirs]
    rows, rest = page_rows(visible_downloads(member), window, whole=mine)
    assert rows == [] and rest == {}
    # The admin's list is everyone's: the same batches read.
    everyone = Whole.list_of(admin)
    assert everyone.owner is None
    rows, rest = page_rows(visible_downloads(admin), window, whole=everyone)
    assert {ref.batch for ref in rows} == set(theirs) and set(rest) == {"long50000"}
    assert {ref.user_id for ref in rows} == {outsider.pk}


def test_only_the_list_nobody_narrowed_is_read_written(member: User, outsider: User) -> None:
    """A narrowed list's batches keep its filters: only their canceled episodes."""
    household(member, outsider)
    page = downloads_page(member, DownloadFilters(states=["canceled"]))
    shown = page.paginator["data"]
    assert shown and {row["state"] for row in shown} == {"canceled"}
    assert sum(page.counts.values()) > 0
