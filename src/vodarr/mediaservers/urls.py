from django.urls import path

from vodarr.mediaservers import views

urlpatterns = [
    path("settings/media-servers", views.add_server, name="settings.media_servers"),
    path(
        "settings/media-servers/<str:pk>", views.server_detail, name="settings.media_servers.edit"
    ),
    path(
        "settings/media-servers/<str:pk>/test",
        views.test_server,
        name="settings.media_servers.test",
    ),
]
