from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "vodarr.catalog"
    label = "catalog"
