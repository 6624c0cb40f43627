"""Expired, revoked and unknown links answer 404 with a sentence; guessing is rate-limited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.links.conftest import METROPOLIS, LinkSite
from vodarr.links.models import DownloadLink, token_hash

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_expired_link_is_a_404_with_a_sentence(site: LinkSite) -> None:
    link = site.make_link(f"/movies/{METROPOLIS}/link")
    DownloadLink.objects.filter(pk=link["id"]).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    response = site.get(link["url"])

    assert response.status_code == 404
    assert "expired" in response.text
    assert site.provider.hits("movie", METROPOLIS) == 0


def test_a_revoked_link_is_a_404_at_once(site: LinkSite) -> None:
    link = site.make_link(f"/movies/{METROPOLIS}/link")
    assert site.get(link["url"], Range="bytes=0-9").status_code == 206

    revoked = site.client.delete(f"/links/{link['id']}", headers={"Accept": "application/json"})

    assert revoked.status_code == 200
    assert revoked.json()["message"] == "Link revoked: it no longer works."
    response = site.get(link["url"])
    assert (response.status_code, "revoked" in response.text) == (404, True)


def test_only_the_hash_of_a_token_is_kept(site: LinkSite) -> None:
    link = site.make_link(f"/movies/{METROPOLIS}/link")
    token = link["url"].rsplit("/dl/", 1)[1]

    stored = DownloadLink.objects.get(pk=link["id"])

    assert stored.token_hash == token_hash(token)
    assert token not in str(DownloadLink.objects.filter(pk=link["id"]).values().first())
    assert len(token) >= 43  # 256 random bits


def test_an_address_trying_unknown_links_is_slowed_down(site: LinkSite) -> None:
    statuses = [site.get(f"/dl/guess{n}").status_code for n in range(32)]

    assert statuses[:30] == [404] * 30
    assert statuses[30:] == [429, 429]
    refused = site.get("/dl/one-more")
    assert "Too many links that do not work" in refused.text
    assert int(refused.headers["Retry-After"]) > 0


def test_opening_a_link_needs_no_sign_in_but_making_one_does(site: LinkSite) -> None:
    link = site.make_link(f"/movies/{METROPOLIS}/link")

    assert site.get(link["url"], Range="bytes=0-0").status_code == 206  # httpx: no cookies
    response = Client().post(f"/movies/{METROPOLIS}/link")
    assert response.status_code == 302
    assert response["Location"].startswith("/login")
