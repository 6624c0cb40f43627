# Issue 16: finished files are verified before they count as complete.

from django.db import migrations, models
from django.db.models import F
from django.db.models.functions import Coalesce, Now


def trust_earlier_files(apps, schema_editor):
    """Files completed before verification existed keep counting as complete (and announce
    nothing again): they are marked checked when they finished."""
    Transfer = apps.get_model("downloads", "Transfer")
    Transfer.objects.filter(status="complete").update(verified_at=Coalesce(F("finished_at"), Now()))


class Migration(migrations.Migration):
    dependencies = [
        ("downloads", "0005_transfer_events"),
    ]

    operations = [
        migrations.AddField(
            model_name="transfer",
            name="expected_duration_secs",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="transfer",
            name="probe",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="transfer",
            name="verified_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="transfer",
            name="verify_claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="transfer",
            name="status",
            field=models.CharField(
                choices=[
                    ("active", "active"),
                    ("waiting", "waiting"),
                    ("paused", "paused"),
                    ("error", "error"),
                    ("complete", "complete"),
                    ("removed", "removed"),
                    ("verifying", "verifying"),
                ],
                default="waiting",
                max_length=16,
            ),
        ),
        migrations.RunPython(trust_earlier_files, migrations.RunPython.noop),
    ]
