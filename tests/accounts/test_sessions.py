"""Sessions read with one written query (``accounts/sessions.py``) behave as Django's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.fixtures.users import inertia_client
from vodarr.accounts import backends
from vodarr.accounts.backends import UserBackend
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


def test_the_backend_loads_the_user_as_the_orm_does(member: User, make_user) -> None:
    backend = UserBackend()
    loaded = backend.get_user(member.pk)
    assert loaded is not None
    stored = User.objects.get(pk=member.pk)
    for field in User._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(stored, field.attname), field.name
    assert loaded.get_session_auth_hash() == stored.get_session_auth_hash()
    left = make_user("Leaving Person")
    User.objects.filter(pk=left.pk).update(is_active=False)
    for unknown in (left.pk, 999_999, 2**70, "1", None):
        assert backend.get_user(unknown) is None


def test_a_session_signed_in_before_the_backend_stays_signed_in(member: User) -> None:
    """Sessions from before name Django's ModelBackend; they read as this backend's."""
    client = inertia_client()
    client.force_login(member, backend="django.contrib.auth.backends.ModelBackend")
    stored = Session.objects.get().get_decoded()
    assert stored["_auth_user_backend"] == "django.contrib.auth.backends.ModelBackend"
    assert client.get("/discover").status_code == 200
    assert settings.AUTHENTICATION_BACKENDS == [backends.PATH]
