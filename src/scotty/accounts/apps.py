from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "scotty.accounts"
    label = "accounts"
