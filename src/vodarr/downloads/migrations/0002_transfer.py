"""Transfers: one row per output file, shared by the requests of everyone who asked for it."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

STATUSES = [
    ("active", "active"),
    ("waiting", "waiting"),
    ("paused", "paused"),
    ("error", "error"),
    ("complete", "complete"),
    ("removed", "removed"),
]


class Migration(migrations.Migration):
    dependencies = [("downloads", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="Transfer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("gid", models.CharField(max_length=16, unique=True)),
                (
                    "downloadable_type",
                    models.CharField(
                        choices=[("VodStream", "Movie"), ("Series", "Series episode")],
                        max_length=16,
                    ),
                ),
                ("downloadable_id", models.BigIntegerField()),
                ("episode_id", models.CharField(blank=True, max_length=64, null=True)),
                ("container_extension", models.CharField(default="mp4", max_length=16)),
                (
                    "output_path",
                    models.CharField(help_text="relative to DOWNLOAD_ROOT", max_length=1024),
                ),
                (
                    "media_key",
                    models.CharField(blank=True, max_length=128, null=True, unique=True),
                ),
                ("path_key", models.CharField(blank=True, max_length=64, null=True, unique=True)),
                ("stopped_at", models.DateTimeField(blank=True, null=True)),
                (
                    "status",
                    models.CharField(choices=STATUSES, default="waiting", max_length=16),
                ),
                ("total_length", models.BigIntegerField(default=0)),
                ("completed_length", models.BigIntegerField(default=0)),
                ("download_speed", models.BigIntegerField(default=0)),
                ("files", models.JSONField(blank=True, default=list)),
                ("last_error_code", models.IntegerField(blank=True, null=True)),
                ("last_error_message", models.TextField(blank=True)),
                ("retry_next_at", models.DateTimeField(blank=True, null=True)),
                ("retry_attempt", models.PositiveIntegerField(default=0)),
                ("state_updated_at", models.DateTimeField(blank=True, null=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["status"], name="transfer_status"),
                    models.Index(fields=["retry_next_at"], name="transfer_retry_due"),
                ],
            },
        ),
        migrations.AddField(
            model_name="mediadownloadref",
            name="transfer",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="requests",
                to="downloads.transfer",
            ),
        ),
        migrations.AlterField(
            model_name="mediadownloadref",
            name="dedupe_key",
            field=models.CharField(blank=True, max_length=160, null=True, unique=True),
        ),
    ]
