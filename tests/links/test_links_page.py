"""Getting a link from a page (the dialog's prop), the Links page, and revoking: the owner
and admins only; a link revoked while a file is being fetched stops that transfer too."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from django.utils import timezone

from tests.fixtures.users import inertia_client
from tests.links.conftest import JSON, METROPOLIS, NOSFERATU, LinkSite
from tests.monitoring.conftest import api_client
from vodarr.accounts.models import User
from vodarr.downloads.models import ProviderStream
from vodarr.links import serving
from vodarr.links.jobs import forget_ended_links
from vodarr.links.models import DownloadLink

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_inertia_visit_gets_the_link_once_on_the_page_it_came_from(site: LinkSite) -> None:
    client = inertia_client(site.member)

    response = client.post(
        f"/movies/{METROPOLIS}/link", headers={"Referer": f"http://testserver/movies/{METROPOLIS}"}
    )

    assert response.status_code == 303
    assert response["Location"] == f"/movies/{METROPOLIS}"
    shown = client.get(f"/movies/{METROPOLIS}").json()["props"]["newLink"]
    assert shown["title"] == "Metropolis (1927)"
    assert shown["kind"] == "file"
    assert site.get(shown["url"], Range="bytes=0-3").status_code == 206
    assert client.get(f"/movies/{METROPOLIS}").json()["props"]["newLink"] is None


def test_the_links_page_lists_ones_own_links_and_admins_see_everyones(
    site: LinkSite, admin: User, outsider: User
) -> None:
    mine = site.make_link(f"/movies/{METROPOLIS}/link")
    theirs = inertia_client(outsider)
    theirs.post(f"/movies/{NOSFERATU}/link")

    page = inertia_client(site.member).get("/links").json()["props"]
    everyone = inertia_client(admin).get("/links").json()["props"]

    assert [row["id"] for row in page["links"]["data"]] == [mine["id"]]
    row = page["links"]["data"][0]
    assert (row["title"], row["state"], row["fileCount"], row["useCount"]) == (
        "Metropolis (1927)",
        "active",
        1,
        0,
    )
    assert "owner" not in row
    assert page["lifetimeHours"] == 4
    assert [r["owner"]["name"] for r in everyone["links"]["data"]] == [
        "Otto Outsider",
        "Mia Member",
    ]


def test_only_the_owner_or_an_admin_revokes_a_link(
    site: LinkSite, admin: User, outsider: User
) -> None:
    link = site.make_link(f"/movies/{METROPOLIS}/link")

    stranger = inertia_client(outsider).delete(f"/links/{link['id']}")
    assert stranger.status_code == 404
    assert stranger.json()["props"]["message"] == "Link not found."
    assert site.get(link["url"], Range="bytes=0-0").status_code == 206

    assert inertia_client(admin).delete(f"/links/{link['id']}").status_code == 303
    assert DownloadLink.objects.get(pk=link["id"]).revoked_at is not None
    assert site.get(link["url"]).status_code == 404


@pytest.mark.parametrize("on_disk", [True, False], ids=["disk", "provider"])
def test_revoking_stops_a_transfer_under_way(
    site: LinkSite, monkeypatch: pytest.MonkeyPatch, on_disk: bool
) -> None:
    monkeypatch.setattr(serving, "RECHECK_SECONDS", 0.0)  # ask at every chunk, not every 30 s
    # Larger than what loopback's socket buffers hold (several MiB): from disk, a smaller
    # file could be all sent before the revocation is committed.
    size = 32 * 1024 * 1024
    site.provider.add_movie(50, "Long Film", size=size)
    if on_disk:
        site.finished_on_disk(50, site.provider.expected_bytes("movie", 50))
    else:
        site.provider.set_throttle("movie", 50, 256 * 1024)
    link = site.make_link("/movies/50/link")

    received = 0
    with (
        pytest.raises(httpx.RemoteProtocolError),  # cut short: the client can tell
        httpx.stream("GET", site.url(link["url"]), timeout=20) as fetching,
    ):
        body = fetching.iter_raw(64 * 1024)
        received = len(next(body))
        DownloadLink.objects.filter(pk=link["id"]).update(revoked_at="2020-01-01T00:00:00Z")
        for chunk in body:
            received += len(chunk)

    assert received < size


def test_the_worker_forgets_links_that_ended_a_month_ago(site: LinkSite) -> None:
    now = timezone.now()
    recent, old, revoked = (site.make_link(f"/movies/{METROPOLIS}/link") for _ in range(3))
    DownloadLink.objects.filter(pk=recent["id"]).update(expires_at=now - timedelta(days=29))
    DownloadLink.objects.filter(pk=old["id"]).update(expires_at=now - timedelta(days=31))
    DownloadLink.objects.filter(pk=revoked["id"]).update(revoked_at=now - timedelta(days=31))
    ProviderStream.objects.create(label="a dead process's", expires_at=now - timedelta(hours=2))

    assert forget_ended_links.run_once() >= 2

    assert list(DownloadLink.objects.values_list("pk", flat=True)) == [recent["id"]]
    assert not ProviderStream.objects.exists()


def test_a_downloads_row_gives_a_link_to_its_file_for_its_owner_or_an_admin(
    site: LinkSite, admin: User, outsider: User
) -> None:
    content = site.provider.expected_bytes("movie", NOSFERATU)
    ref = site.finished_on_disk(NOSFERATU, content, title="Nosferatu", year=1922)
    mine = site.client.post(f"/downloads/{ref.pk}/link", headers=JSON)
    theirs = api_client(outsider).post(f"/downloads/{ref.pk}/link")
    admins = api_client(admin).post(f"/downloads/{ref.pk}/link")

    assert mine.status_code == 201
    assert mine.json()["title"] == "Nosferatu (1922)"
    assert site.get(mine.json()["url"]).content == content
    assert (theirs.status_code, theirs.json()["message"]) == (404, "Download not found.")
    assert admins.status_code == 201
    assert DownloadLink.objects.get(pk=admins.json()["id"]).user == admin
