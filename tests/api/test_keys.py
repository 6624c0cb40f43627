"""API keys: made and revoked in Profile (or by command), hashed, refused the moment they go."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.core.management import call_command
from django.test import Client

from tests.api.conftest import key_client
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.api.keys import create_key
from vodarr.api.models import ApiKey
from vodarr.web.logging import RedactingFilter

pytestmark = pytest.mark.django_db


def test_a_key_made_in_profile_is_shown_once_stored_hashed_and_listed(member: User) -> None:
    client = inertia_client(member)
    made = client.post("/profile/api-keys", {"name": "Home Assistant"}, "application/json")
    assert made.status_code == 303
    card = client.get("/profile").json()["props"]["apiKeys"]
    plain = card["newKey"]["key"]
    assert plain.startswith("vdr_") and len(plain) == 47
    stored = ApiKey.objects.get(user=member)
    assert plain not in {stored.digest, stored.prefix} and plain.startswith(stored.prefix)
    again = client.get("/profile").json()["props"]["apiKeys"]
    assert again["newKey"] is None  # shown once
    assert [k["name"] for k in again["keys"]] == ["Home Assistant"]
    assert again["keys"][0]["lastUsedAt"] is None
    assert plain not in json.dumps(again)

    assert Client().get("/api/v1/downloads", headers={"X-Api-Key": plain}).status_code == 200
    used = client.get("/profile").json()["props"]["apiKeys"]["keys"][0]
    assert used["lastUsedAt"] is not None


def test_a_key_needs_a_name(member: User) -> None:
    client = inertia_client(member)
    client.post("/profile/api-keys", {"name": "  "}, "application/json")
    assert ApiKey.objects.count() == 0
    errors = client.get("/profile").json()["props"]["errors"]
    assert "name" in errors


def test_a_revoked_key_is_refused_at_once(member: User) -> None:
    api = key_client(member)
    assert api.get("/api/v1/downloads").status_code == 200
    key = ApiKey.objects.get(user=member)
    revoked = inertia_client(member).delete(f"/profile/api-keys/{key.pk}")
    assert revoked.status_code == 303
    refused = api.get("/api/v1/downloads")
    assert refused.status_code == 401
    assert refused["Content-Type"] == "application/problem+json"
    assert "revoked" in refused.json()["detail"]


def test_nobody_revokes_someone_elses_key(member: User, outsider: User) -> None:
    key = create_key(member, "mine").key
    answer = inertia_client(outsider).delete(f"/profile/api-keys/{key.pk}")
    assert answer.status_code == 404
    assert ApiKey.objects.filter(pk=key.pk).exists()


def test_the_command_prints_only_the_key(member: User) -> None:
    out = io.StringIO()
    call_command("createapikey", email=member.email.upper(), name="cron", stdout=out)
    plain = out.getvalue().strip()
    assert plain.startswith("vdr_") and "\n" not in plain
    answer = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})
    assert answer.status_code == 200
    assert answer.json() == {
        "id": member.pk,
        "name": member.name,
        "email": member.email,
        "role": "member",
        "mayDownload": True,
    }


def test_wrong_missing_and_query_string_keys_are_401_with_a_sentence(member: User) -> None:
    plain = create_key(member, "k").plain
    for headers, path, words in [
        ({}, "/api/v1/downloads", "X-Api-Key"),
        ({"X-Api-Key": "vdr_" + "x" * 43}, "/api/v1/downloads", "not valid"),
        ({"Authorization": "Basic abc"}, "/api/v1/downloads", "Bearer"),
        ({}, f"/api/v1/downloads?api_key={plain}", "never in the address"),
        ({"X-Api-Key": plain}, f"/api/v1/downloads?q={plain}", "never in the address"),
    ]:
        answer = Client().get(path, headers=headers)
        assert answer.status_code == 401, path
        assert answer["Content-Type"] == "application/problem+json"
        assert words in answer.json()["detail"]


def test_a_signed_in_browser_session_is_not_an_api_credential(member: User) -> None:
    # A page on another site could make the browser send its cookies: they must not count.
    client = inertia_client(member)
    assert client.get("/api/v1/downloads").status_code == 401
    posted = client.post("/api/v1/downloads/movies/5", {}, "application/json")
    assert posted.status_code == 401


def test_key_calls_need_no_csrf_token(member: User) -> None:
    client = Client(enforce_csrf_checks=True)
    plain = create_key(member, "k").plain
    answer = client.post(
        "/api/v1/watchlist",
        {"type": "movie", "id": 424242},
        content_type="application/json",
        headers={"X-Api-Key": plain},
    )
    assert answer.status_code == 404  # no such title: the view ran, CSRF did not refuse it
    assert "no such movie" in answer.json()["detail"]


def test_each_key_is_rate_limited(member: User, settings) -> None:  # type: ignore[no-untyped-def]
    settings.API_RATE_LIMIT = 3
    api, other = key_client(member, "a"), key_client(member, "b")
    answers = [api.get("/api/v1/watchlist").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = api.get("/api/v1/watchlist")
    assert int(limited["Retry-After"]) > 0 and "minute" in limited.json()["detail"]
    assert other.get("/api/v1/watchlist").status_code == 200  # per key


def test_keys_never_reach_the_log(member: User, caplog: pytest.LogCaptureFixture) -> None:
    plain = create_key(member, "k").plain
    caplog.handler.addFilter(RedactingFilter())
    with caplog.at_level(logging.INFO):
        Client().get(f"/api/v1/downloads?api_key={plain}")  # Django logs the 401 with the path
        Client().get("/api/v1/nothing-here", headers={"X-Api-Key": plain})
        logging.getLogger("vodarr.test").warning("pasted %s by mistake", plain)
    assert caplog.records, "something was logged"
    assert plain not in caplog.text
    assert plain[8:] not in caplog.text
