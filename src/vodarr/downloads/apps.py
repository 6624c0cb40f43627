from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "vodarr.downloads"
    label = "downloads"

    def ready(self) -> None:
        from vodarr.downloads.gateway import Aria2Gateway

        # The process's one door to aria2 (see gateway.py); tests swap in a fresh one.
        self.gateway = Aria2Gateway()
