from django.apps import AppConfig


class MediaServersConfig(AppConfig):
    name = "vodarr.mediaservers"
    label = "mediaservers"
    default_auto_field = "django.db.models.BigAutoField"
