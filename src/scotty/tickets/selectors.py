"""The one visibility rule for tickets, and the reads built on it.

Every channel (desk, portal, API, mail, exports) reads tickets, messages, events and
attachments through these functions, so "who may see what" is decided here only:
- a requester sees tickets they filed or watch, their public replies and public events;
- an agent sees every ticket owned or worked by one of their units, notes included;
- an administrator sees everything.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.accounts.selectors import unit_ids_of
from scotty.core.errors import NotFound
from scotty.core.queries import first_or_none
from scotty.tickets.models import (
    Attachment,
    EventKind,
    Message,
    MessageKind,
    Ticket,
    TicketEvent,
    TicketView,
)
from scotty.tickets.states import Status

_WATCHED = Ticket.watchers.through


def _participant_q(person: Person) -> Q:
    # Filed UNION watched: two index lookups, then the few tickets by id. Written as
    # "requester = me OR id IN (watched)" the OR kept PostgreSQL from using either index
    # and it read every ticket (the portal's search and list: 60-200 ms at 1M tickets).
    filed = Ticket.objects.filter(requester_id=person.pk).values("id")
    watched = _WATCHED.objects.filter(person_id=person.pk).values("ticket_id")
    return Q(id__in=filed.union(watched))


def _unit_q(person: Person) -> Q:
    units = unit_ids_of(person)
    return Q(working_unit_id__in=units) | Q(owning_unit_id__in=units)


def requester_tickets(person: Person) -> QuerySet[Ticket]:
    """Tickets a person filed or watches: what the portal lists."""
    return Ticket.objects.filter(_participant_q(person))


def desk_units(person: Person) -> list[int] | None:
    """The units whose tickets a person works as an agent; None means every unit
    (administrators). Queue selectors narrow to these without repeating `desk_tickets`."""
    return None if person.is_superuser else unit_ids_of(person)


def desk_tickets(person: Person) -> QuerySet[Ticket]:
    """Tickets a person may work as an agent: their units' (all, for administrators)."""
    if desk_units(person) is None:
        return Ticket.objects.all()
    return Ticket.objects.filter(_unit_q(person))


def visible_tickets(person: Person) -> QuerySet[Ticket]:
    """Every ticket a person may see in any role."""
    if not person.is_authenticated or not person.is_active:
        return Ticket.objects.none()
    if person.is_superuser:
        return Ticket.objects.all()
    return Ticket.objects.filter(_participant_q(person) | _unit_q(person))


def can_work(person: Person, ticket: Ticket) -> bool:
    """May this person act as an agent on this ticket (notes, status, assignment ...)?"""
    if not person.is_authenticated or not person.is_active:
        return False
    if person.is_superuser:
        return True
    units = unit_ids_of(person)
    return ticket.working_unit_id in units or ticket.owning_unit_id in units


def is_participant(person: Person, ticket: Ticket) -> bool:
    """Is this person the requester or a watcher (may read the public side and reply)?"""
    if not person.is_authenticated or not person.is_active:
        return False
    return ticket.requester_id == person.pk or ticket.watchers.filter(pk=person.pk).exists()


def _by_reference(tickets: QuerySet[Ticket], reference: str, *, joined: bool) -> Ticket | None:
    # Joins kept few on purpose: each one more costs PostgreSQL planning time (measured:
    # adding the requester's department and location took planning from 2 to 5.6 ms,
    # far more than the one small lookup the requester card makes instead). A write
    # needs none of them (building the five tables' columns was a quarter of a note's
    # time); what it does read of them is loaded when read. The original of a follow-up
    # is loaded when read too: a whole ticket row joined for a reference, on every page
    # of the few tickets that are follow-ups, cost a fifth of this query.
    if joined:
        tickets = tickets.select_related("requester", "assignee", "owning_unit", "working_unit")
    return first_or_none(tickets.filter(reference=reference.strip().upper()))


def can_be_assigned(person: Person, ticket: Ticket) -> bool:
    """May this person be given the ticket? Active agents of its working unit only."""
    return person.is_active and ticket.working_unit_id in unit_ids_of(person)


@dataclass(frozen=True)
class TicketAccess:
    ticket: Ticket
    as_agent: bool  # False: the person sees the requester's side only


def access_ticket(person: Person, reference: str, *, joined: bool = True) -> TicketAccess:
    """The ticket with this reference if the person may see it; NotFound otherwise.

    Never says "forbidden": a guessed reference must not reveal that a ticket exists.
    The rule is `visible_tickets`'s, checked on the one row the reference names (an
    agent of its units, or its requester, or a watcher: one query more for those only),
    rather than compiled into the lookup: with the rule's UNION and five joins, compiling
    the query cost more than running it, on every ticket page and every write.
    `joined`: with its requester, assignee and units (what a page shows).
    """
    ticket = _by_reference(Ticket.objects.all(), reference, joined=joined)
    if ticket is None or not (can_work(person, ticket) or is_participant(person, ticket)):
        raise NotFound(gettext("No such ticket, or you may not see it."))
    return TicketAccess(ticket, can_work(person, ticket))


def access_as_requester(person: Person, reference: str) -> TicketAccess:
    """A ticket the person filed or watches, seen from the requester's side only.

    The portal uses this even for agents: an agent looking at their own request in the
    portal sees what any requester sees, never notes or desk-only fields.
    """
    # The rule on its row, as above.
    ticket = _by_reference(Ticket.objects.all(), reference, joined=True)
    if ticket is None or not is_participant(person, ticket):
        raise NotFound(gettext("No such request, or you may not see it."))
    return TicketAccess(ticket, as_agent=False)


def visible_messages(access: TicketAccess) -> QuerySet[Message]:
    """The conversation: notes only for agents of the ticket."""
    messages = access.ticket.messages.select_related("author")
    if not access.as_agent:
        messages = messages.filter(kind=MessageKind.REPLY)
    return messages.order_by("created_at", "id")


def timeline(access: TicketAccess) -> list[TicketEvent]:
    """Events interleaved with the conversation, oldest first, filtered by role; each
    message carries its files as `files` (see `timeline_with_files`)."""
    return timeline_with_files(access)[0]


def timeline_with_files(access: TicketAccess) -> tuple[list[TicketEvent], list[Attachment]]:
    """The timeline (as `timeline`) and the files given with the description.

    Two queries however long the ticket is: the events with their messages and authors,
    and every file of the ticket, shared out here. Each message gets the list `files`
    (by id); a file of a message the reader does not see (a requester and a note)
    goes nowhere, so it cannot be drawn.
    """
    events = (
        TicketEvent.objects.filter(ticket=access.ticket)
        .select_related("actor", "message", "message__author")
        .order_by("at", "id")
    )
    if not access.as_agent:
        events = events.filter(is_public=True)
    rows = list(events)
    shown: dict[int, Message] = {}
    for event in rows:
        event.ticket = access.ticket  # wording reads it; saves a query per event
        if event.message is not None:
            event.message.files = []  # type: ignore[attr-defined]
            shown[event.message.pk] = event.message
    with_description: list[Attachment] = []
    for attachment in access.ticket.attachments.order_by("id"):
        if attachment.message_id is None:
            if access.as_agent or not attachment.internal:
                with_description.append(attachment)
        elif attachment.message_id in shown:
            attachment.message = shown[attachment.message_id]
            attachment.message.files.append(attachment)  # type: ignore[attr-defined]
    return rows, with_description


def shared_next_step(ticket: Ticket) -> tuple[str, str] | None:
    """(what happens next, who does it) as the requester may see it; None when there is
    none or the desk kept it to itself. Every requester-facing channel asks here."""
    if not ticket.next_step or not ticket.next_step_shared:
        return None
    return ticket.next_step, ticket.next_step_owner


def access_attachment(person: Person, attachment_id: int) -> Attachment:
    """An attachment the person may download; NotFound for anything else.

    Files on internal notes are agents-only, like the notes themselves.
    """
    attachment = first_or_none(
        Attachment.objects.select_related("ticket", "message").filter(
            pk=attachment_id, ticket__in=visible_tickets(person)
        )
    )
    if attachment is None:
        raise NotFound(gettext("No such file, or you may not see it."))
    if attachment.is_internal and not can_work(person, attachment.ticket):
        raise NotFound(gettext("No such file, or you may not see it."))
    return attachment


def reopen_deadline(ticket: Ticket) -> datetime | None:
    """Until when a requester's reply reopens this resolved ticket (the working unit's
    reopen window after the resolution); None if it is not resolved."""
    if ticket.resolved_at is None:
        return None
    return ticket.resolved_at + timedelta(days=ticket.working_unit.reopen_window_days)


def reopen_window_passed(ticket: Ticket, now: datetime) -> bool:
    """Is this resolved ticket past its reopen window (a reply now starts a follow-up,
    and the worker closes it)? The one boundary every rule about the window uses."""
    deadline = reopen_deadline(ticket)
    return ticket.status == Status.RESOLVED and deadline is not None and deadline <= now


def is_done_for_requester(ticket: Ticket, now: datetime) -> bool:
    """Closed, or resolved past its reopen window (closed in all but name: the next word
    from the requester's side closes it and starts a follow-up). The portal shows such a
    request as closed and offers no choice that has expired."""
    return ticket.status == Status.CLOSED or reopen_window_passed(ticket, now)


def may_reopen(person: Person, ticket: Ticket) -> bool:
    """Who settles a resolved ticket from the requester's side, on every channel: confirms
    the fix, says it is not fixed, or reopens it by replying. The requester only: a
    watcher follows the request but does not own it (their words are added, nothing
    more). Agents reopen through `transition`, as agents."""
    return person.is_authenticated and person.is_active and ticket.requester_id == person.pk


def live_follow_up(original: Ticket, person: Person) -> Ticket | None:
    """The follow-up of `original` that `person` filed and that is not closed yet: words
    they send to the closed original join it rather than opening another one."""
    return (
        Ticket.objects.filter(follow_up_of_id=original.pk, requester_id=person.pk)
        .exclude(status=Status.CLOSED)
        .select_related("owning_unit", "working_unit", "requester")
        .order_by("-id")
        .first()
    )


def openable_references(person: Person, references: set[str], *, as_agent: bool) -> set[str]:
    """Which of these ticket references the person may open, from the side they are on
    (the desk for an agent, the portal otherwise): a link is shown only to those who can
    follow it. One query."""
    if not references:
        return set()
    tickets = desk_tickets(person) if as_agent else requester_tickets(person)
    return set(tickets.filter(reference__in=references).values_list("reference", flat=True))


def other_open_tickets(viewer: Person, ticket: Ticket, *, limit: int = 5) -> list[Ticket]:
    """The requester's other open tickets that this agent may see, for the requester card.

    Limited to the viewer's units: an IT agent must not learn of someone's HR case.
    """
    return list(
        desk_tickets(viewer)
        .filter(requester_id=ticket.requester_id, is_open=True)
        .exclude(pk=ticket.pk)
        # What the card shows: building the other columns took half this query's time.
        .only("reference", "title", "status")
        .order_by("-id")[:limit]
    )


def open_tickets_of(viewer: Person, requester: Person, *, limit: int = 5) -> list[Ticket]:
    """The requester's open tickets that this agent may see, newest first: logging a call,
    the agent adds to one of them rather than opening a duplicate. Limited to the
    viewer's units, like the requester card."""
    mine = desk_tickets(viewer).filter(requester_id=requester.pk, is_open=True)
    return list(mine.order_by("-id")[:limit])


def public_messages_since(ticket: Ticket, seen: int, *, besides: Person) -> list[Message]:
    """Public messages on the ticket newer than message `seen` and not written by
    `besides`: what a page drawn before them has not shown its reader. The desk holds
    an action from such a page until the agent has read them (at most a few)."""
    return list(
        ticket.messages.filter(kind=MessageKind.REPLY, id__gt=seen)
        .exclude(author_id=besides.pk)
        .select_related("author")
        .order_by("id")[:5]
    )


def with_unread(tickets: QuerySet[Ticket], person: Person, *, limit: int) -> list[Ticket]:
    """The first `limit` tickets with `unread` set on each: did someone other than
    `person` change it since `person` last opened it?

    A change is anything that moves `updated_at` (a reply, a note, a header change), made
    by someone else (`updated_by`; None is Scotty, which counts as someone else). A ticket
    the person never opened is unread unless the last change was their own: a new ticket
    is news to every agent but the one who filed it. One correlated EXISTS on
    TicketView's (person, ticket) key inside the page's own query (no query per row, no
    query of its own); the "their own change" half is read from the row, because as
    SQL it doubled what the annotation costs Django to compile, on every queue page.
    """
    seen_since = TicketView.objects.filter(
        person_id=person.pk, ticket_id=OuterRef("pk"), seen_at__gte=OuterRef("updated_at")
    )
    rows: list[Ticket] = list(tickets.annotate(seen_since=Exists(seen_since))[:limit])
    for ticket in rows:
        ticket.unread = not ticket.seen_since and ticket.updated_by_id != person.pk  # type: ignore[attr-defined]
    return rows


# Changes that move a due time: the priority (another target), a transfer (the OLA, and
# a new owner's policy), the status (pauses).
CLOCK_MOVERS = ("priority", "working_unit", "owning_unit", "status")


def clock_moves(ticket: Ticket) -> list[TicketEvent]:
    """The ticket's changes its SLA clocks count with, oldest first (the clock page's
    list; agents only, as the page is)."""
    return list(
        TicketEvent.objects.filter(
            ticket=ticket, kind=EventKind.FIELD_CHANGED, field__in=CLOCK_MOVERS
        )
        .select_related("actor")
        .order_by("at", "id")
    )
