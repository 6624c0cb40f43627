"""Django's ``ModelBackend``, loading the signed-in user with one written query.

Every signed-in request loads its user; the ORM's ``get(pk=…)`` cost 0.24 ms of CPU each
time, written out ~0.07 (``benchmarks/README.md``). Passwords, permissions and who may sign
in are ``ModelBackend``'s. Sessions signed in before it named ``ModelBackend`` itself: the
session store reads that name as this one (``accounts.sessions``), so nobody is signed out.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db import connections, router

from vodarr.accounts.models import User
from vodarr.written import columns, models_of

PATH = "vodarr.accounts.backends.UserBackend"
BEFORE = "django.contrib.auth.backends.ModelBackend"  # what older sessions name


class UserBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        if not isinstance(user_id, int) or not 0 < user_id < 2**63:  # a session's is one
            return None
        connection = connections[router.db_for_read(User)]
        found = columns(User, "u", connection)
        with connection.cursor() as cursor:
            cursor.execute(
                f'SELECT {found.selected} FROM "accounts_user" u WHERE u."id" = %s',  # noqa: S608
                [user_id],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        (user,) = models_of([found], row, connection)
        return user if self.user_can_authenticate(user) else None
