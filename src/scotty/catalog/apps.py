from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "scotty.catalog"
    label = "catalog"
