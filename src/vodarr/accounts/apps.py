from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "vodarr.accounts"
    label = "accounts"
