# Issue 16: variants of one title share a group key (its TMDB id, or its normalised name and
# year), so they show as one card. The browse indexes gain the lead flags as a last column,
# so a listing skips the other versions without reading their rows.
#
# On SQLite each AddField below rebuilds the title table (a NOT NULL column), which drops the
# search index's triggers (migration 0002): they are created again last, and first on the
# way back, as removing the columns rebuilds the tables too.

from django.db import migrations, models

from vodarr.catalog.groups import refresh_groups
from vodarr.catalog.search_index import restore_triggers
from vodarr.integrations.xtream.names import group_key

BATCH = 1000


def key_existing_titles(apps, schema_editor):
    """Titles synced before keep their cards apart until the next sync otherwise."""
    for model_name, with_tmdb in (("VodStream", True), ("Series", False)):
        model = apps.get_model("catalog", model_name)
        fields = ["name", "year", *(["tmdb_id"] if with_tmdb else [])]
        rows = list(model.objects.only(*fields).order_by("pk"))
        for row in rows:
            row.group_key = group_key(row.name, row.year, getattr(row, "tmdb_id", None))
        model.objects.bulk_update(rows, ["group_key"], batch_size=BATCH)
        refresh_groups(model)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0002_search_index"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_triggers),
        migrations.AddField(
            model_name="series",
            name="category_lead",
            field=models.BooleanField(db_default=True, default=True),
        ),
        migrations.AddField(
            model_name="series",
            name="group_key",
            field=models.CharField(blank=True, max_length=160),
        ),
        migrations.AddField(
            model_name="series",
            name="group_lead",
            field=models.BooleanField(db_default=True, default=True),
        ),
        migrations.AddField(
            model_name="series",
            name="group_size",
            field=models.PositiveIntegerField(db_default=1, default=1),
        ),
        migrations.AddField(
            model_name="vodstream",
            name="category_lead",
            field=models.BooleanField(db_default=True, default=True),
        ),
        migrations.AddField(
            model_name="vodstream",
            name="group_key",
            field=models.CharField(blank=True, max_length=160),
        ),
        migrations.AddField(
            model_name="vodstream",
            name="group_lead",
            field=models.BooleanField(db_default=True, default=True),
        ),
        migrations.AddField(
            model_name="vodstream",
            name="group_size",
            field=models.PositiveIntegerField(db_default=1, default=1),
        ),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(fields=["group_key", "series_id"], name="series_group_idx"),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(fields=["group_key", "stream_id"], name="vod_group_idx"),
        ),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(
                condition=models.Q(("group_lead", False)),
                fields=["group_lead"],
                name="series_not_lead_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(
                condition=models.Q(("group_lead", False)),
                fields=["group_lead"],
                name="vod_not_lead_idx",
            ),
        ),
        # The sort indexes end with the row's lead flag: a listing skips the other versions,
        # and counts a category's cards, from the index alone.
        migrations.RemoveIndex(model_name="series", name="series_modified_idx"),
        migrations.RemoveIndex(model_name="series", name="series_rating_idx"),
        migrations.RemoveIndex(model_name="series", name="series_name_idx"),
        migrations.RemoveIndex(model_name="series", name="series_category_mod_idx"),
        migrations.RemoveIndex(model_name="series", name="series_category_rating_idx"),
        migrations.RemoveIndex(model_name="series", name="series_category_name_idx"),
        migrations.RemoveIndex(model_name="vodstream", name="vod_added_idx"),
        migrations.RemoveIndex(model_name="vodstream", name="vod_rating_idx"),
        migrations.RemoveIndex(model_name="vodstream", name="vod_name_idx"),
        migrations.RemoveIndex(model_name="vodstream", name="vod_category_added_idx"),
        migrations.RemoveIndex(model_name="vodstream", name="vod_category_rating_idx"),
        migrations.RemoveIndex(model_name="vodstream", name="vod_category_name_idx"),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(
                fields=["-last_modified", "-series_id", "group_lead"], name="series_modified_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(
                fields=["-rating", "-series_id", "group_lead"], name="series_rating_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(
                fields=["search_name", "series_id", "group_lead"], name="series_name_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(
                fields=["category", "-last_modified", "-series_id", "category_lead"],
                name="series_category_mod_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(
                fields=["category", "-rating", "-series_id", "category_lead"],
                name="series_category_rating_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(
                fields=["category", "search_name", "series_id", "category_lead"],
                name="series_category_name_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(fields=["-added", "-stream_id", "group_lead"], name="vod_added_idx"),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(
                fields=["-rating", "-stream_id", "group_lead"], name="vod_rating_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(
                fields=["search_name", "stream_id", "group_lead"], name="vod_name_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(
                fields=["category", "-added", "-stream_id", "category_lead"],
                name="vod_category_added_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(
                fields=["category", "-rating", "-stream_id", "category_lead"],
                name="vod_category_rating_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(
                fields=["category", "search_name", "stream_id", "category_lead"],
                name="vod_category_name_idx",
            ),
        ),
        migrations.RunPython(key_existing_titles, migrations.RunPython.noop),
        migrations.RunPython(restore_triggers, migrations.RunPython.noop),
    ]
