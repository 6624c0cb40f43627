"""The provider's password never leaves the server through a link: not in a redirect, a
header, a body or a log line — whether the file comes, fails to come, or the provider is down.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

import httpx
import pytest

from tests.links.conftest import METROPOLIS, SERIES, LinkSite

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_providers_password_appears_in_no_answer_and_no_log_line(
    site: LinkSite, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    password = site.provider.password
    secrets = (password, quote(password, safe=""), site.provider.username + "/")
    movie = site.make_link(f"/movies/{METROPOLIS}/link")
    batch = site.make_link(
        f"/series/{SERIES}/link",
        {"episodes": [{"season": 1, "episode": 1}, {"season": 1, "episode": 2}]},
    )
    answers: list[httpx.Response] = []
    with httpx.Client(timeout=20, follow_redirects=False) as client:
        for url in (
            movie["url"],
            batch["url"],
            batch["text_url"],
            *(i["url"] for i in batch["items"]),
        ):
            answers.append(client.get(site.url(url)))
            answers.append(client.get(site.url(url), headers={"Range": "bytes=10-20"}))
            answers.append(client.head(site.url(url)))
        site.provider.not_found_forever("movie", METROPOLIS)  # the provider lost the file
        answers.append(client.get(site.url(movie["url"])))
        site.provider.fail_next("episode", 10101, count=5, status=503)  # a failing provider
        answers.append(client.get(site.url(batch["items"][0]["url"])))
        site.provider.stop()  # and one that is gone
        answers.append(client.get(site.url(batch["items"][1]["url"])))

    statuses = [answer.status_code for answer in answers]
    assert not any(300 <= status < 400 for status in statuses), statuses
    assert {404, 502} <= set(statuses)
    for answer in answers:
        seen = " ".join(f"{k}: {v}" for k, v in answer.headers.items()) + answer.text[:4096]
        assert not any(secret in seen for secret in secrets), answer.url
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged  # the failures were logged…
    assert not any(secret in logged for secret in secrets)  # …without the password


def test_a_handed_out_link_names_no_provider_address(site: LinkSite) -> None:
    link = site.make_link(f"/movies/{METROPOLIS}/link")

    assert site.provider.base_url not in str(link)
    assert "/dl/" in link["url"]
