from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "vodarr.ops"
    label = "ops"

    def ready(self) -> None:
        from vodarr.ops import checks  # noqa: F401 - registers the system checks
