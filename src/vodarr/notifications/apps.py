from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "vodarr.notifications"
    label = "notifications"
