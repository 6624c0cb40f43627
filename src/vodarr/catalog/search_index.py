"""The trigram index of title names on SQLite (created by migration 0002): pause, rebuild.

Triggers keep the index in step with every write, at ~75 µs a title: fine for the few titles
a daily sync changes, three times the whole first sync of a big provider. So a sync pauses
them for its own transaction and rebuilds the index once at the end when anything changed
(~8 µs a title). The pause is a row in a one-row table the triggers check, written inside the
sync's transaction: no other connection ever sees the triggers paused, and a failed sync
rolls the pause back with everything else. PostgreSQL has no such index: these do nothing.
"""

from __future__ import annotations

from django.db import connection

INDEXES = ("catalog_vodstream_search", "catalog_series_search")
PAUSED = "catalog_title_search_paused"


def pause() -> None:
    """Stop the triggers until ``resume``; call inside a transaction."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT OR IGNORE INTO {PAUSED} (id) VALUES (1)")  # noqa: S608


def resume(*, rebuild: bool) -> None:
    """Restart the triggers, first rebuilding the index from the titles if ``rebuild``."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if rebuild:
            for index in INDEXES:
                cursor.execute(f"INSERT INTO {index}({index}) VALUES('rebuild')")
        cursor.execute(f"DELETE FROM {PAUSED}")  # noqa: S608
