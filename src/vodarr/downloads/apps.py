from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "vodarr.downloads"
    label = "downloads"
