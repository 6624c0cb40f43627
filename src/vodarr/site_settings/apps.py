from django.apps import AppConfig


class SiteSettingsConfig(AppConfig):
    name = "vodarr.site_settings"
    label = "site_settings"
