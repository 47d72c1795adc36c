from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "scotty.portal"
    label = "portal"
