from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "scotty.notifications"
    label = "notifications"
