import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DownloadLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token_hash", models.CharField(max_length=64, unique=True)),
                ("title", models.CharField(max_length=600)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("expires_at", models.DateTimeField()),
                ("revoked_at", models.DateTimeField(blank=True, null=True)),
                ("last_used_at", models.DateTimeField(blank=True, null=True)),
                ("use_count", models.PositiveIntegerField(default=0)),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="download_links",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="LinkItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveIntegerField()),
                (
                    "downloadable_type",
                    models.CharField(
                        choices=[("VodStream", "Movie"), ("Series", "Series episode")],
                        max_length=16,
                    ),
                ),
                ("downloadable_id", models.BigIntegerField()),
                ("episode_id", models.CharField(blank=True, max_length=64, null=True)),
                ("season", models.PositiveIntegerField(blank=True, null=True)),
                ("episode", models.PositiveIntegerField(blank=True, null=True)),
                ("container_extension", models.CharField(default="mp4", max_length=16)),
                ("output_path", models.CharField(max_length=1024)),
                ("title", models.CharField(max_length=600)),
                ("duration_secs", models.PositiveIntegerField(blank=True, null=True)),
                (
                    "link",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="links.downloadlink",
                    ),
                ),
            ],
            options={
                "ordering": ["position"],
            },
        ),
        migrations.AddIndex(
            model_name="downloadlink",
            index=models.Index(fields=["user", "-created_at"], name="link_owner_recent"),
        ),
        migrations.AddConstraint(
            model_name="linkitem",
            constraint=models.UniqueConstraint(
                fields=("link", "position"), name="one_item_per_position"
            ),
        ),
    ]
