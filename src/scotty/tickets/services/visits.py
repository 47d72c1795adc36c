"""When an agent last opened a ticket: what unread markers compare a ticket's last change
with (`selectors.unread_for`)."""

from django.utils import timezone

from scotty.accounts.models import Person
from scotty.tickets.models import Ticket, TicketView
from scotty.tickets.selectors import can_work


def mark_seen(ticket: Ticket, *, person: Person) -> None:
    """Record that `person` has just seen `ticket` as it is now (the desk's ticket page
    calls it on every view, the timeline's refresh included, since that shows what
    arrived). One upsert of the person's single row for the ticket: the row is
    overwritten, never added to, so the table holds at most one row per agent and ticket.

    Written only when the row is older than the ticket's last change: the markers ask
    whether the agent saw it since then, nothing more. Opening a ticket again that did
    not change is a read, not a write (on SQLite each write waits for the one writer).

    Only agents of the ticket count: a requester reads the portal, which has no markers.
    Not an event: looking at a ticket changes nothing on it.
    """
    if not can_work(person, ticket):
        return
    views = TicketView.objects.filter(person=person, ticket=ticket)
    if views.filter(seen_at__gte=ticket.updated_at).exists():
        return
    TicketView.objects.bulk_create(
        [TicketView(person=person, ticket=ticket, seen_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["person", "ticket"],
        update_fields=["seen_at"],
    )
