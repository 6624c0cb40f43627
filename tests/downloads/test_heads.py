"""The unnarrowed list's heads, written in SQL (``downloads/heads.py``), against the ORM's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.fixtures.downloads import make_download
from vodarr.accounts.models import User
from vodarr.downloads.batches import Whole
from vodarr.downloads.filters import DownloadFilters, visible_downloads, with_state
from vodarr.downloads.heads import built_heads, page_heads
from vodarr.downloads.listing import downloads_page
from vodarr.downloads.models import Status

pytestmark = pytest.mark.django_db


def history(user: User, media: int) -> None:
    """Films and batches started over time, some at the same instant, some canceled; a
    batch's episodes created after its first (its head is its least id, not its newest)."""
    now = timezone.now()
    for n in range(4):
        at = now - timedelta(minutes=10 * n)
        make_download(user, media + n, title=f"Film {n}", created_at=at, canceled=n == 2)
        make_download(user, media + 10 + n, title=f"Tie {n}", created_at=at)  # same instant
        batch = f"b{media}x{n}"
        for e in range(1, 4):
            make_download(
                user,
                media + 100 + 10 * n + e,
                episode=(1, e, f"{batch}e{e}"),
                batch=batch,
                status=Status.COMPLETE if e == 1 else Status.WAITING,
                created_at=at - timedelta(minutes=5) + timedelta(seconds=e),
            )


@pytest.mark.parametrize("who", ["member", "admin"])
def test_the_written_heads_are_the_orms_on_every_page(
    who: str, member: User, outsider: User, admin: User
) -> None:
    history(member, 1000)
    history(outsider, 2000)
    user = member if who == "member" else admin
    selection = visible_downloads(user)
    everyone = built_heads(selection, 0, 100)
    # A member's eight films and four batches; an admin's list has the outsider's too.
    assert len(everyone) == (12 if who == "member" else 24)
    assert sum(1 for _, batch in everyone if batch) == len(everyone) // 3
    for count in (1, 5, 10):
        for start in range(0, len(everyone) + count, count):
            written = page_heads(Whole.list_of(user), selection, start, count)
            built = built_heads(selection, start, count)
            assert written == built == everyone[start : start + count]


def test_a_narrowed_list_is_built_from_its_filters(member: User) -> None:
    history(member, 1000)
    narrowed = DownloadFilters(states=["canceled"])
    selection = with_state(visible_downloads(member), narrowed.states)
    assert [batch for _, batch in page_heads(None, selection, 0, 10)] == [None]
    # The page of that list: its one canceled film, not the whole list's heads.
    page = downloads_page(member, narrowed)
    assert [row["media"]["name"] for row in page.paginator["data"]] == ["Film 2"]
