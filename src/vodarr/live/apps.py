from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "vodarr.live"
    label = "live"

    def ready(self) -> None:
        from vodarr.live.watcher import LiveHub

        # The process's watchers (one per event loop: uvicorn has one); see watcher.py.
        self.hub = LiveHub()
