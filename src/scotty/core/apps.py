from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "scotty.core"
    label = "core"
