"""The trigram index of title names on SQLite (created by migration 0002): pause, rebuild.

Triggers keep the index in step with every write, at ~75 µs a title: fine for the few titles
a daily sync changes, three times the whole first sync of a big provider. So a sync pauses
them for its own transaction and rebuilds the index once at the end when anything changed
(~8 µs a title). The pause is a row in a one-row table the triggers check, written inside the
sync's transaction: no other connection ever sees the triggers paused, and a failed sync
rolls the pause back with everything else. PostgreSQL has no such index: these do nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

TABLES = (("catalog_vodstream", "stream_id"), ("catalog_series", "series_id"))
INDEXES = tuple(f"{table}_search" for table, _ in TABLES)
PAUSED = "catalog_title_search_paused"
_EVENTS = ("insert", "delete", "update")


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


def trigger_statements(table: str, key: str) -> list[str]:
    """The triggers that keep ``table``'s index in step with its rows, unless paused."""
    # Identifiers are the constants above; nothing here comes from input.
    index = f"{table}_search"
    remove = (
        f"INSERT INTO {index}({index}, rowid, search_name) "
        f"VALUES('delete', old.{key}, old.search_name);"
    )
    add = f"INSERT INTO {index}(rowid, search_name) VALUES (new.{key}, new.search_name);"  # noqa: S608
    running = f"NOT EXISTS (SELECT 1 FROM {PAUSED})"  # noqa: S608
    return [
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} WHEN {running} BEGIN {add} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} WHEN {running} BEGIN {remove} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF search_name ON {table} "
        f"WHEN {running} AND old.search_name IS NOT new.search_name BEGIN {remove} {add} END",
    ]


def restore_triggers(apps: Any, schema_editor: Any) -> None:
    """Create the triggers again: for a migration after 0002 that rebuilds a title table on
    SQLite (most column changes do), which drops the table's triggers with it. The rows keep
    their keys and names, so the index itself stays right. A ``RunPython`` function."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for table, key in TABLES:
        for event in _EVENTS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")
        for sql in trigger_statements(table, key):
            schema_editor.execute(sql)
