"""``GET /api/v1/downloads``'s filters, as a script pages through them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.api.conftest import key_client
from tests.fixtures.downloads import make_download
from vodarr.accounts.models import User
from vodarr.downloads.models import Status

pytestmark = pytest.mark.django_db


def test_the_next_page_link_of_several_states_is_followed_to_the_rest(member: User) -> None:
    """The answer's page links carry the states as repeated parameters, as the API takes
    them (they were ``status=failed,paused``: a 422)."""
    wanted = [make_download(member, 600 + n, status=Status.ERROR) for n in range(7)]
    wanted += [make_download(member, 700 + n, status=Status.PAUSED) for n in range(6)]
    make_download(member, 800, status=Status.COMPLETE)
    api = key_client(member)

    first = api.get("/api/v1/downloads?status=failed&status=paused")
    assert first.status_code == 200, first.content
    link = first.json()["next_page_url"]
    assert link is not None
    assert sorted(parse_qs(urlsplit(link).query)["status"]) == ["failed", "paused"]
    second = api.get(link)

    assert second.status_code == 200, second.content
    seen = [item["id"] for page in (first, second) for item in page.json()["data"]]
    assert sorted(seen) == sorted(ref.pk for ref in wanted)


def test_an_unknown_state_is_a_422(member: User) -> None:
    answer = key_client(member).get("/api/v1/downloads?status=failed&status=done")

    assert answer.status_code == 422
    assert "paused" in answer.json()["detail"]  # it names the states it takes
