from django.apps import AppConfig


class LinksConfig(AppConfig):
    name = "vodarr.links"
    label = "links"
