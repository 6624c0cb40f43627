from django.apps import AppConfig


class WatchlistConfig(AppConfig):
    name = "vodarr.watchlist"
    label = "watchlist"
