"""A trigram index of titles' ``search_name`` on SQLite, so a rare word is found at once.

Searching is "the name holds every word": a ``LIKE '%word%'`` that no B-tree index serves.
Common words are cheap anyway (walking the name index stops after a page of matches), but a
rare or absent word read every name: ~50 ms at 240,000 titles. An FTS5 table with the
trigram tokenizer answers "which names contain this" from an index instead; triggers keep it
in step with every write. ``browse._search`` uses it only to narrow the candidates, so the
results are the same as a scan's. It needs SQLite 3.34+ with FTS5 (Debian 11 and later);
PostgreSQL has none and scans as before. Row by row, the triggers would triple the time of
a first sync (~75 µs a title), so a sync pauses them (a row in ``…_search_paused``, inside its
transaction) and rebuilds the index once at the end (~8 µs a title): ``catalog/search_index.py``.

The single-column ``search_name`` and ``category`` indexes go: ``(search_name, pk)`` and
``(category, date, pk)`` serve every query they served, and each index costs every write of
a sync. On SQLite, a later migration that rebuilds these tables drops the triggers with
them, so such a migration ends with ``RunPython(search_index.restore_triggers)`` (0003
does): tests/catalog/test_search_index.py checks they are there after every migration.
"""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models
from django.db.utils import NotSupportedError, OperationalError

from vodarr.catalog import search_index

TABLES = search_index.TABLES
PAUSED = search_index.PAUSED


def _statements(table: str, key: str) -> list[str]:
    # Identifiers are constants; nothing here comes from input.
    index = f"{table}_search"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5("
        f"search_name, content='{table}', content_rowid='{key}', tokenize='trigram')",
        *search_index.trigger_statements(table, key),
        f"INSERT INTO {index}({index}) VALUES('rebuild')",
    ]


def create_search_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        try:
            cursor.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x, tokenize='trigram')")
        except OperationalError as error:
            raise NotSupportedError(
                "Vodarr needs SQLite 3.34 or newer with FTS5 (Debian 11 and later have it); "
                f"this Python uses SQLite {schema_editor.connection.Database.sqlite_version}."
            ) from error
        cursor.execute("DROP TABLE temp.probe")
    schema_editor.execute(f"CREATE TABLE {PAUSED} (id INTEGER PRIMARY KEY)")
    for table, key in TABLES:
        for sql in _statements(table, key):
            schema_editor.execute(sql)


def drop_search_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    for table, _ in TABLES:
        index = f"{table}_search"
        for trigger in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {index}_{trigger}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {index}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {PAUSED}")


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0001_initial"),
    ]

    operations = [
        # The (category, date, id) indexes start with category: a second index only slows
        # every write of a sync.
        migrations.AlterField(
            model_name="series",
            name="category",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="series",
                to="catalog.category",
            ),
        ),
        migrations.AlterField(
            model_name="series",
            name="search_name",
            field=models.CharField(max_length=300),
        ),
        migrations.AlterField(
            model_name="vodstream",
            name="category",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="movies",
                to="catalog.category",
            ),
        ),
        migrations.AlterField(
            model_name="vodstream",
            name="search_name",
            field=models.CharField(max_length=300),
        ),
        # One category sorted by rating or name reads an index instead of sorting the
        # category's titles on every page.
        migrations.AddIndex(
            model_name="series",
            index=models.Index(
                fields=["category", "-rating", "-series_id"], name="series_category_rating_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(
                fields=["category", "search_name", "series_id"], name="series_category_name_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(
                fields=["category", "-rating", "-stream_id"], name="vod_category_rating_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(
                fields=["category", "search_name", "stream_id"], name="vod_category_name_idx"
            ),
        ),
        # Last: on SQLite each AlterField above rebuilds the table, which drops its triggers.
        migrations.RunPython(create_search_index, drop_search_index),
    ]
