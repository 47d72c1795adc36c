"""Constructors for TicketEvent rows: one per kind of change, each called by a service.

Values are stored as the machine value for choice fields (status codes, priority
numbers, so the SLA clock can replay history) and as names for people and units
(so history shows who it was at the time, even after renames).
"""

from datetime import datetime

from django.utils import timezone

from scotty.accounts.models import Person
from scotty.tickets.models import EventKind, Message, MessageKind, Ticket, TicketEvent

# Changes to these fields appear on the requester's timeline; the rest are desk-only.
PUBLIC_FIELDS = frozenset({"status", "title"})


def _record(
    ticket: Ticket,
    actor: Person | None,
    kind: str,
    *,
    field: str = "",
    old: str = "",
    new: str = "",
    message: Message | None = None,
    is_public: bool = False,
) -> TicketEvent:
    return TicketEvent.objects.create(
        ticket=ticket,
        actor=actor,
        at=timezone.now(),
        kind=kind,
        field=field,
        old_value=old[:500],
        new_value=new[:500],
        message=message,
        is_public=is_public,
        version=ticket.version,
    )


def ticket_created(ticket: Ticket, actor: Person) -> TicketEvent:
    return _record(ticket, actor, EventKind.CREATED, new=ticket.status, is_public=True)


def field_changed(
    ticket: Ticket,
    actor: Person | None,
    field: str,
    old: str,
    new: str,
    *,
    public: bool | None = None,
) -> TicketEvent:
    shown = field in PUBLIC_FIELDS if public is None else public
    return _record(
        ticket, actor, EventKind.FIELD_CHANGED, field=field, old=old, new=new, is_public=shown
    )


def message_added(ticket: Ticket, message: Message) -> TicketEvent:
    if message.kind == MessageKind.NOTE:
        return _record(ticket, message.author, EventKind.NOTE_ADDED, message=message)
    return _record(ticket, message.author, EventKind.REPLY_ADDED, message=message, is_public=True)


def watcher_changed(ticket: Ticket, actor: Person, watcher: Person, *, added: bool) -> TicketEvent:
    kind = EventKind.WATCHER_ADDED if added else EventKind.WATCHER_REMOVED
    return _record(ticket, actor, kind, field="watchers", new=str(watcher))


def follow_up_opened(original: Ticket, follow_up: Ticket, actor: Person) -> TicketEvent:
    return _record(
        original, actor, EventKind.FOLLOW_UP_OPENED, new=follow_up.reference, is_public=True
    )


def sla_alert(ticket: Ticket, clock: str, *, breached: bool, due: datetime) -> TicketEvent:
    """Scotty's note that a clock is about to be (or was) breached: agents only."""
    kind = EventKind.SLA_BREACHED if breached else EventKind.SLA_WARNING
    return _record(ticket, None, kind, field=clock, new=due.isoformat())


def mail_failed(ticket: Ticket, address: str, reason: str) -> TicketEvent:
    """Scotty's note that mail to `address` about the ticket could not be delivered, with
    what the mail server said: agents only (the address may be a watcher's)."""
    return _record(ticket, None, EventKind.MAIL_FAILED, field="mail", old=address, new=reason)
