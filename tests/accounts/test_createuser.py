"""`vodarr createuser`: verified users from the command line, clear failures."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from vodarr.accounts.models import Role, User

pytestmark = pytest.mark.django_db


def test_it_creates_a_verified_admin() -> None:
    call_command(
        "createuser",
        email="Boss@Example.test",
        name="Boss",
        password="a long passphrase",
        admin=True,
    )
    user = User.objects.get(email="boss@example.test")
    assert user.role == Role.ADMIN
    assert user.is_verified
    assert user.check_password("a long passphrase")


def test_it_creates_a_verified_member_by_default() -> None:
    call_command("createuser", email="m@example.test", name="M", password="a long passphrase")
    assert User.objects.get(email="m@example.test").role == Role.MEMBER


def test_it_refuses_a_duplicate_email_clearly(member: User) -> None:
    with pytest.raises(CommandError, match=r"An account with this email already exists\."):
        call_command("createuser", email=member.email, name="Again", password="a long passphrase")


def test_it_refuses_a_weak_password_clearly() -> None:
    with pytest.raises(CommandError, match="too short"):
        call_command("createuser", email="w@example.test", name="Weak", password="1234")
    assert not User.objects.exists()
