"""Reminding a requester the desk waits on them.

When a ticket goes "waiting on requester" they are mailed at once (`mail_for_status`).
If they have not answered after SCOTTY_WAITING_REMINDER_DAYS, the worker's hourly run
reminds them, and again after as long, at most SCOTTY_WAITING_REMINDERS times for one
wait: then it is the assignee's call (the ticket's follow-up date brings it back to
them). Their answer ends the wait (a reply moves the ticket back to open), and so does
any other status; a new wait counts its reminders afresh.

What was sent is read from the outbox itself (the reminders of this ticket since it
last went waiting), so nothing is stored twice and a run that stops half way is
simply continued by the next one.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, DateTimeField, Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from scotty.notifications.mail import write_mail
from scotty.notifications.models import MailKind, MailPreference, OutgoingMail
from scotty.tickets.models import EventKind, Ticket, TicketEvent
from scotty.tickets.states import Status

# One run writes at most this many reminders (the next run, an hour later, goes on).
BATCH = 500


def _went_waiting() -> Subquery:
    """When each ticket last moved to "waiting on requester" (its latest such event)."""
    moves = TicketEvent.objects.filter(
        ticket=OuterRef("pk"), kind=EventKind.FIELD_CHANGED, field="status",
        new_value=Status.WAITING_ON_REQUESTER,
    ).order_by("-at", "-id").values("at")[:1]  # fmt: skip
    return Subquery(moves, output_field=DateTimeField())


def waiting_since(ticket: Ticket) -> datetime | None:
    """When the ticket last went waiting on its requester; None if it never did."""
    return (Ticket.objects.filter(pk=ticket.pk).annotate(since=_went_waiting())
            .values_list("since", flat=True).first())  # fmt: skip


def due_for_reminder(now: datetime) -> QuerySet[Ticket]:
    """Tickets waiting on their requester whose wait (or last reminder) is older than
    the delay, with fewer reminders than the most for one wait; oldest wait first."""
    delay = timedelta(days=settings.SCOTTY_WAITING_REMINDER_DAYS)
    reminders = OutgoingMail.objects.filter(
        ticket=OuterRef("pk"), kind=MailKind.WAITING_REMINDER, created_at__gte=OuterRef("since")
    ).values("ticket")  # fmt: skip
    count = reminders.annotate(n=Count("id")).values("n")[:1]
    latest = reminders.annotate(last=Max("created_at")).values("last")[:1]
    # Only requesters who would be mailed (`write_mail`'s rule), or a requester who
    # turned reminders off would be picked again every hour, ahead of the others.
    refused = MailPreference.objects.filter(
        person=OuterRef("requester"), kind=MailKind.WAITING_REMINDER, wanted=False
    )
    waiting = Ticket.objects.filter(status=Status.WAITING_ON_REQUESTER, requester__is_active=True)
    waiting = waiting.exclude(requester__email="").exclude(Exists(refused))
    waiting = waiting.annotate(since=_went_waiting()).filter(since__lte=now - delay)
    waiting = waiting.annotate(sent=Subquery(count), last=Subquery(latest))
    most = settings.SCOTTY_WAITING_REMINDERS
    return (waiting.filter(Q(sent__isnull=True) | Q(sent__lt=most))
            .filter(Q(last__isnull=True) | Q(last__lte=now - delay))
            .select_related("requester").order_by("since", "pk"))  # fmt: skip


def remind_waiting() -> int:
    """Write the reminders that are due now (see the module); returns how many were
    written. Off when SCOTTY_WAITING_REMINDER_DAYS or SCOTTY_WAITING_REMINDERS is 0."""
    if settings.SCOTTY_WAITING_REMINDER_DAYS <= 0 or settings.SCOTTY_WAITING_REMINDERS <= 0:
        return 0
    written = 0
    for ticket in due_for_reminder(timezone.now())[:BATCH]:
        with transaction.atomic():
            # Checked again under the lock: the requester may have answered meanwhile.
            fresh = Ticket.objects.select_for_update().filter(pk=ticket.pk).first()
            if fresh is None or fresh.status != Status.WAITING_ON_REQUESTER:
                continue
            rows = write_mail(MailKind.WAITING_REMINDER, fresh, [fresh.requester], author=None)
            written += len(rows)
    return written
