"""Sessions read with one written query (``accounts/sessions.py``) behave as Django's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.accounts.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_the_app_uses_it() -> None:
    assert settings.SESSION_ENGINE == "vodarr.accounts.sessions"


def test_a_session_django_saved_reads_the_same() -> None:
    saved = db.SessionStore()
    saved["basket"] = {"films": [1, 2], "note": "ünïcode"}
    saved.save()

    read = SessionStore(saved.session_key)
    assert read["basket"] == {"films": [1, 2], "note": "ünïcode"}
    assert read.session_key == saved.session_key


def test_an_expired_or_unknown_key_reads_as_no_session() -> None:
    saved = SessionStore()
    saved["x"] = 1
    saved.save()
    Session.objects.filter(pk=saved.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    for key in (saved.session_key, "no-such-session-key-at-all-0123456789"):
        read = SessionStore(key)
        assert read.load() == {}
        assert read.session_key is None  # a new one is made if anything is stored


def test_signed_in_until_the_session_expires(member: User) -> None:
    client = inertia_client(member)
    assert client.get("/discover").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/discover")["Location"] == "/login?next=%2Fdiscover"
