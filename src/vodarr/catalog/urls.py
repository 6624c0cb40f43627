"""Routes of the catalogue app (included at the site root)."""

from django.urls import path

from vodarr.catalog import settings_views

urlpatterns = [
    path("settings", settings_views.settings_page, name="settings"),
    path("settings/provider", settings_views.update_provider, name="settings.provider"),
    path("settings/provider/test", settings_views.test_provider, name="settings.provider.test"),
    path("settings/sync", settings_views.sync_catalogue_view, name="settings.sync"),
    path("settings/aria2/test", settings_views.test_aria2, name="settings.aria2.test"),
]
