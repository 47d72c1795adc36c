from django.apps import AppConfig


class TicketsConfig(AppConfig):
    name = "scotty.tickets"
    label = "tickets"

    def ready(self) -> None:
        # Registers the periodic jobs with huey.
        from scotty.tickets import tasks  # noqa: F401
