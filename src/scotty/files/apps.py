from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "scotty.files"
    label = "files"
