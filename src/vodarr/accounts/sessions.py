"""Sessions in the database, as Django keeps them, read with one written query.

Every request reads its session; Django's ``db`` store builds and compiles the same ORM
query for it each time: 0.31 ms of CPU against 0.05 written out (the Downloads page's CPU
was ~3.7 ms; ``benchmarks/README.md``). Only the read changes: the table, the cookie, the
encoding, expiry and every write stay Django's (``SESSION_ENGINE`` names this module; a
session saved before it reads the same, its sign-in backend named as it is now:
``accounts.backends``).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone

from vodarr.accounts import backends

# The ``db`` store's read: the key's data unless it has expired.
_READ = (
    'SELECT "session_data" FROM "django_session" WHERE "session_key" = %s AND "expire_date" > %s'
)


class SessionStore(db.SessionStore):
    def load(self) -> dict[str, Any]:
        key = self.session_key
        row = None
        if key is not None:
            connection = connections[router.db_for_read(self.model)]
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            with connection.cursor() as cursor:
                cursor.execute(_READ, [key, now])
                row = cursor.fetchone()
        if row is None:  # as the ``db`` store: an unknown or expired key is dropped
            self._session_key = None
            return {}
        data = self.decode(row[0])
        if data.get(BACKEND_SESSION_KEY) == backends.BEFORE:  # signed in before: the same user
            data[BACKEND_SESSION_KEY] = backends.PATH
        return data
