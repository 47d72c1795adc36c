from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "scotty.desk"
    label = "desk"
