"""Links are opened beside Django's handler (so a stream holds no thread): what Django's
middlewares would do that matters for a file is still done there."""

from __future__ import annotations

import httpx
import pytest

from tests.links.conftest import METROPOLIS, LinkSite

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_link_answer_carries_the_safety_headers(site: LinkSite) -> None:
    link = site.make_link(f"/movies/{METROPOLIS}/link")

    response = site.get(link["url"], Range="bytes=0-0")

    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "private, no-store"


def test_another_host_name_is_refused(site: LinkSite, settings) -> None:  # type: ignore[no-untyped-def]
    link = site.make_link(f"/movies/{METROPOLIS}/link")
    settings.ALLOWED_HOSTS = ["vodarr.example"]

    response = site.get(link["url"], Host="evil.example")

    assert response.status_code == 400
    assert site.provider.hits("movie", METROPOLIS) == 0


def test_only_get_and_head_open_a_link(site: LinkSite) -> None:
    link = site.make_link(f"/movies/{METROPOLIS}/link")

    response = httpx.post(site.url(link["url"]), timeout=10)

    assert response.status_code == 405
    assert site.provider.hits("movie", METROPOLIS) == 0


def test_plain_http_goes_to_https_when_the_site_says_so(site: LinkSite, settings) -> None:  # type: ignore[no-untyped-def]
    link = site.make_link(f"/movies/{METROPOLIS}/link")
    settings.SECURE_SSL_REDIRECT = True

    response = site.get(link["url"])

    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://")


def test_a_path_under_dl_that_is_no_link_is_a_404(site: LinkSite) -> None:
    response = site.get("/dl/")

    assert response.status_code == 404
    assert "does not work" in response.text
