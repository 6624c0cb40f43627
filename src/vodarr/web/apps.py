from django.apps import AppConfig
from django.conf import settings


class WebConfig(AppConfig):
    name = "vodarr.web"
    label = "web"

    def ready(self) -> None:
        # Set here, not in settings.py: the encoder imports Django models, which settings
        # must not do while Django is still being configured.
        from vodarr.web.props import JsonEncoder

        settings.INERTIA_JSON_ENCODER = JsonEncoder
