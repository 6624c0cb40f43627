# Issue 16: variants of one title share a group key (its TMDB id, or its normalised name and
# year), so they show as one card.

from django.db import migrations, models

from vodarr.integrations.xtream.names import group_key

BATCH = 1000


def key_existing_titles(apps, schema_editor):
    """Titles synced before keep their cards apart until the next sync otherwise."""
    for model_name, with_tmdb in (("VodStream", True), ("Series", False)):
        model = apps.get_model("catalog", model_name)
        fields = ["pk", "name", "year", *(["tmdb_id"] if with_tmdb else [])]
        rows = list(model.objects.only(*fields[1:]).order_by("pk"))
        for row in rows:
            row.group_key = group_key(row.name, row.year, getattr(row, "tmdb_id", None))
        model.objects.bulk_update(rows, ["group_key"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="series",
            name="group_key",
            field=models.CharField(blank=True, max_length=160),
        ),
        migrations.AddField(
            model_name="vodstream",
            name="group_key",
            field=models.CharField(blank=True, max_length=160),
        ),
        migrations.AddIndex(
            model_name="series",
            index=models.Index(fields=["group_key", "series_id"], name="series_group_idx"),
        ),
        migrations.AddIndex(
            model_name="vodstream",
            index=models.Index(fields=["group_key", "stream_id"], name="vod_group_idx"),
        ),
        migrations.RunPython(key_existing_titles, migrations.RunPython.noop),
    ]
