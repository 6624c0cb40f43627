from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "vodarr.web"
    label = "web"
