from django.apps import AppConfig


class VariantsConfig(AppConfig):
    name = "vodarr.variants"
    label = "variants"
