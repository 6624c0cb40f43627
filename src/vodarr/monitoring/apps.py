from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "vodarr.monitoring"
    label = "monitoring"
