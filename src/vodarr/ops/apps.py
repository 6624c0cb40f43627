from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "vodarr.ops"
    label = "ops"
