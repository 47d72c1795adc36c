from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "scotty.demo"
    label = "demo"
