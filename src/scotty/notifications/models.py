"""What the desk tells a person in its notification list (the bell in the header).

A notification keeps values, not sentences (its kind, the ticket, which clock, the due
time), so each reader sees it in their own language and time zone when it is shown.
The e-mail issue adds an outbox beside it, written by the same service.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from scotty.tickets.models import Ticket


class NoticeKind(models.TextChoices):
    SLA_WARNING = "sla_warning", pgettext_lazy("notification", "SLA warning")
    SLA_BREACH = "sla_breach", pgettext_lazy("notification", "SLA breached")


class Notification(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    ticket = models.ForeignKey(Ticket, null=True, on_delete=models.CASCADE, related_name="+")
    clock = models.CharField(max_length=20, blank=True)  # first_response, resolution, ola
    due = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["person", "created_at", "id"], name="notices_of_person"),
            models.Index(
                fields=["person"], name="notices_unread", condition=Q(read_at__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.person_id}"
