"""Garbage in, 4xx out: every route, every method, hostile path values, query strings and
bodies, as a guest, a member and an admin (signed in, and with an API key) — never a 500.

aria2 and the provider point at closed ports here, so the "it is down" paths run too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.fixtures.server import free_port
from vodarr.accounts.models import User
from vodarr.api.keys import create_key
from vodarr.catalog.provider import forget_client

pytestmark = pytest.mark.django_db

PATH_VALUES = ["1", "abc", "-1", "0", "99999999999999999999999", "%00", "1.5", "..%2F..%2Fetc"]
QUERIES = [
    "",
    "?page=-1&owners=a,,-3,9999999999999999999999&sort=%00&category=x&as_of=nan&q=" + "x" * 300,
    "?ids=1,a,%20,-2&page[]=1&batch=%00../" + "b" * 40,
    "?status=active,%00,failed&status[]=x&q=%00%00&since=99999999999999999&owners=%00",
    "?since=-5&q=" + "%F0%9F%8E%AC" * 80,
]
FIELDS = (
    *("email", "password", "name", "base_url", "username", "role", "action", "current_password"),
    *("timezone", "time", "url", "type", "batch"),
)
BODIES: list[tuple[str | bytes, str]] = [
    ("{not json", "application/json"),
    ("[1, 2]", "application/json"),
    (
        '{"action": {"nested": true}, "episodes": "all", "role": 5, "email": [], "password": null}',
        "application/json",
    ),
    (
        json.dumps({f: "nul\x00" for f in FIELDS}),
        "application/json",
    ),
    (
        json.dumps(
            {
                "seasons": {"1": 2},
                "from": [],
                "schedule": None,
                "time": 12,
                "days": [1.5, -1],
                "timezone": "../../etc/passwd",
                "enabled": "maybe",
                "paused": [],
                "read": {},
                "type": ["movie"],
                "id": {"a": 1},
                "url": 5,
            }
        ),
        "application/json",
    ),
    ('{"seasons": [1], "time": "23:59", "timezone": "UTC", "url": "json://x"}', "application/json"),
    ('{"languages": {"EN": 1}, "qualities": [1, null, ["4K"], "4K", "4K"]}', "application/json"),
    # Categories, server settings, users' rights and batches of links (issue #13).
    (
        json.dumps(
            {
                "order": [{"x": 1}, 2**70],
                "hidden": [-1, "a"],
                "pinned": "all",
                "speed_limit": 1e308,
                "concurrent_downloads": [],
                "sync_interval_hours": "0x10",
                "link_lifetime_hours": -3,
                "new_members_may_download": {},
                "may_download": 2,
                "episodes": [{"season": 10**30, "episode": -1}],
            }
        ),
        "application/json",
    ),
    ("action=explode&delete_partial=maybe&episodes=1", "application/x-www-form-urlencoded"),
    ("languages=EN,,ZZ&qualities=%00", "application/x-www-form-urlencoded"),
    ("email=nul%00%40example.test&password=%00&name=%00", "application/x-www-form-urlencoded"),
    ("\xff\xfe\x00", "text/plain"),
    # Nesting deep enough to overflow a recursive parser, and just past the sane limit.
    ("[" * 100_000, "application/json"),
    ('{"email": ' * 65 + '"x"' + "}" * 65, "application/json"),
    # Lone surrogates: valid JSON, but text that cannot be encoded to UTF-8.
    (json.dumps({f: "\ud800@x.com" for f in FIELDS}), "application/json"),
    (json.dumps({"\udfff": 1, "email": "a@b.test"}), "application/json"),
    # Bytes that are not UTF-8 at all, in JSON and in form fields.
    (b'{"email": "\xed\xa0\x80@x.com", "name": "\xff"}', "application/json"),
    (b"email=%ED%A0%80%40x.com&name=%FF&password=x", "application/x-www-form-urlencoded"),
]
METHODS = ["get", "post", "put", "patch", "delete"]


def route_templates() -> Iterator[str]:
    def walk(patterns: list, prefix: str = "") -> Iterator[str]:  # type: ignore[type-arg]
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    yield from walk(get_resolver().url_patterns)


def paths(client: Client | None = None) -> list[str]:
    found = []
    for template in route_templates():
        api = template.startswith("api/")
        if (getattr(client, "api_only", False) and not api) or (
            getattr(client, "pages_only", False) and api
        ):
            continue
        if "<" not in template:
            found.append("/" + template)
            continue
        for value in PATH_VALUES:
            found.append("/" + re.sub(r"<[^>]+>", value, template))
    return found


@pytest.fixture
def everything_down(settings) -> Iterator[None]:
    settings.ARIA2_RPC_URL = f"http://127.0.0.1:{free_port()}/jsonrpc"
    settings.ARIA2_RPC_SECRET = "x"
    settings.XTREAM_BASE_URL = f"http://127.0.0.1:{free_port()}"
    settings.XTREAM_USERNAME = "u"
    settings.XTREAM_PASSWORD = "p"
    forget_client()
    yield
    forget_client()


def is_failure(response) -> bool:  # type: ignore[no-untyped-def]
    """A 5xx is a failure, except the readable 503 a title page gives while the provider is down."""
    if response.status_code == 503:
        return b"not reachable" not in response.content
    return response.status_code >= 500


@pytest.fixture(params=["guest", "member", "admin", "member's API key", "admin's API key"])
def client(
    request: pytest.FixtureRequest, everything_down: None, admin: User, member: User
) -> Client:
    """A client that never raises: a guest, a member or an admin signed in, or calling with
    their API key (which the /api/v1 routes want)."""
    user = admin if "admin" in request.param else member
    if "API key" in request.param:
        key = create_key(user, "fuzz").plain
        keyed = Client(raise_request_exception=False, headers={"X-Api-Key": key})
        keyed.api_only = True  # type: ignore[attr-defined]  # pages ignore keys: as a guest
        return keyed
    client = Client(raise_request_exception=False)
    if request.param != "guest":
        client.force_login(user)
        # The API ignores sessions (a signed-in client is a guest there): the guest covers it.
        client.pages_only = True  # type: ignore[attr-defined]
    return client


def test_no_route_answers_500_to_garbage(client: Client) -> None:
    failures = []
    for path in paths(client):
        if path == "/logout":
            continue  # would end the session the rest of the loop needs
        for query in QUERIES:
            response = client.get(path + query)
            if is_failure(response):
                failures.append(f"GET {path}{query[:40]} → {response.status_code}")
        for method in METHODS[1:]:
            for body, content_type in BODIES:
                response = getattr(client, method)(path, body, content_type=content_type)
                if is_failure(response):
                    failures.append(
                        f"{method.upper()} {path} {body[:30]!r} → {response.status_code}"
                    )
    assert failures == []


UNUSABLE_BODIES = {
    "[" * 100_000: "nested too deeply",
    '{"email": ' * 65 + '"x"' + "}" * 65: "nested too deeply",
    json.dumps({f: "\ud800@x.com" for f in FIELDS}): "lone surrogate",
    json.dumps({"\udfff": 1}): "lone surrogate",
}


def test_every_route_that_reads_a_body_refuses_deep_nesting_and_lone_surrogates(
    client: Client,
) -> None:
    checked, failures = 0, []
    for path in paths(client):
        for method in METHODS[1:]:
            if path == "/logout":
                continue
            send = getattr(client, method)
            # A route that reads bodies answers broken JSON with the reader's 400 sentence.
            probe = send(path, "{not json", content_type="application/json")
            if b"not valid JSON" not in probe.content:
                continue
            checked += 1
            for body, why in UNUSABLE_BODIES.items():
                response = send(path, body, content_type="application/json")
                answer = response.json()
                sentence = answer.get("message") or answer.get("detail") or ""  # API: RFC 9457
                if response.status_code != 400 or why not in sentence:
                    failures.append(f"{method.upper()} {path} {why} → {response.status_code}")
    assert checked > 0
    assert failures == []
