"""Requests keep who asked and their wish; the transfer now holds the file and aria2's state."""

import django.db.models.deletion
from django.db import migrations, models

MOVED = (
    "gid",
    "container_extension",
    "output_path",
    "status",
    "total_length",
    "completed_length",
    "download_speed",
    "files",
    "last_error_code",
    "last_error_message",
    "retry_next_at",
    "retry_attempt",
    "state_updated_at",
    "finished_at",
)


def refuse_downgrade_with_downloads(apps, schema_editor):
    if apps.get_model("downloads", "MediaDownloadRef").objects.exists():
        raise RuntimeError(
            "Downloads shared between people cannot be turned back into one row per person: "
            "restore the database backup taken before the upgrade instead."
        )


class Migration(migrations.Migration):
    dependencies = [("downloads", "0003_requests_to_transfers")]

    operations = [
        migrations.RemoveIndex(model_name="mediadownloadref", name="download_status"),
        migrations.RemoveIndex(model_name="mediadownloadref", name="download_retry_due"),
        *(migrations.RemoveField(model_name="mediadownloadref", name=name) for name in MOVED),
        migrations.AlterField(
            model_name="mediadownloadref",
            name="transfer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="requests",
                to="downloads.transfer",
            ),
        ),
        # Last, so that going back runs it first, before any column is touched.
        migrations.RunPython(migrations.RunPython.noop, refuse_downgrade_with_downloads),
    ]
