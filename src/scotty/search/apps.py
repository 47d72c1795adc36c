from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "scotty.search"
    label = "search"
