from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="may_download_to_server",
            field=models.BooleanField(default=True),
        ),
    ]
