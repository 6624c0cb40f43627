from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SiteSettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("speed_limit", models.BigIntegerField(blank=True, null=True)),
                ("concurrent_downloads", models.PositiveIntegerField(blank=True, null=True)),
                ("sync_interval_hours", models.PositiveIntegerField(blank=True, null=True)),
                ("link_lifetime_hours", models.PositiveIntegerField(blank=True, null=True)),
                ("new_members_may_download", models.BooleanField(default=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name_plural": "site settings",
            },
        ),
    ]
