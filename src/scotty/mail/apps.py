from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "scotty.mail"
    label = "mail"

    def ready(self) -> None:
        # The domain writes the outbox and never imports a channel: it is told here
        # whom to wake once rows are committed (the worker's delivery task).
        from scotty.mail.outbound.deliver import deliver_soon
        from scotty.notifications.mail import on_outbox_written

        on_outbox_written(deliver_soon)
