"""Applying a set of header-field changes to a ticket under its optimistic lock.

Every service that changes ticket fields funnels through `apply_changes`: it updates
the row only if nobody changed it since `expected_version` (works on SQLite, where
row locks do not exist, and on PostgreSQL), bumps the version and writes one event
per changed field, all in the caller's transaction.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from scotty.accounts.models import Person
from scotty.core.errors import Conflict, NotAllowed
from scotty.search.services import index_ticket
from scotty.tickets import events
from scotty.tickets.counts import ticket_changed
from scotty.tickets.models import Ticket, TicketEvent
from scotty.tickets.selectors import can_work
from scotty.tickets.services.clocks import CLOCK_FIELDS, refresh_clocks
from scotty.tickets.states import CLOSED_IS_FINAL, Status
from scotty.tickets.wording import describe


@dataclass(frozen=True)
class Change:
    field: str  # model field to set
    value: Any  # new value for the column
    old_shown: str  # how the event records the old value
    new_shown: str  # how the event records the new value
    public: bool | None = None  # None: events.PUBLIC_FIELDS decides


def require_agent(actor: Person, ticket: Ticket) -> None:
    if not can_work(actor, ticket):
        raise NotAllowed(gettext("Only agents of the ticket's units may do that."))


def refuse_if_closed(ticket: Ticket) -> None:
    """Closed is final: no field, tag or watcher of a closed ticket changes any more
    (replies and "not fixed" after the close open a follow-up instead; internal notes are
    still appended). Checked in the lock itself, so no service can forget it."""
    if ticket.status == Status.CLOSED:
        raise NotAllowed(str(CLOSED_IS_FINAL))


def conflict_for(ticket: Ticket, expected_version: int) -> Conflict | NotAllowed:
    """A Conflict listing what changed on the ticket since the version the person saw;
    the closed-ticket refusal instead when what changed is that it closed (there is no
    point in reviewing a change and trying again)."""
    if Ticket.objects.filter(pk=ticket.pk, status=Status.CLOSED).exists():
        return NotAllowed(str(CLOSED_IS_FINAL))
    since = (
        TicketEvent.objects.filter(ticket_id=ticket.pk, version__gt=expected_version)
        .select_related("actor")
        .order_by("id")
    )
    changes = [describe(e) for e in since] or [gettext("The ticket was changed by someone else.")]
    return Conflict(
        gettext(
            "Someone else changed this ticket while you were looking at it. "
            "Nothing you entered was saved; review their change and try again."
        ),
        changes,
    )


def apply_changes(
    ticket: Ticket, *, actor: Person | None, expected_version: int, changes: list[Change]
) -> Ticket:
    """Write `changes` if the ticket is still at `expected_version`; raise Conflict if not.

    Updates `ticket` in memory to match the row. Changes whose value equals the
    current one are dropped; with nothing left, nothing is written. Raises NotAllowed on
    a closed ticket, whatever the change.
    """
    refuse_if_closed(ticket)
    real = [c for c in changes if getattr(ticket, c.field) != c.value]
    if not real:
        if ticket.version != expected_version:
            raise conflict_for(ticket, expected_version)
        return ticket
    now = timezone.now()
    values = {c.field: c.value for c in real}
    if any(shown_to_requester(c) for c in real):
        values["public_activity_at"] = now
    was_in = (ticket.working_unit_id, ticket.owning_unit_id)
    with transaction.atomic():
        # updated_by: whose change this was (None: Scotty), for unread markers.
        updated = Ticket.objects.filter(pk=ticket.pk, version=expected_version).update(
            **values, version=F("version") + 1, updated_at=now, updated_by=actor
        )
        if updated != 1:
            raise conflict_for(ticket, expected_version)
        for field, value in values.items():
            setattr(ticket, field, value)
        ticket.version = expected_version + 1
        ticket.updated_at, ticket.updated_by = now, actor
        ticket_changed(*was_in, ticket.working_unit_id, ticket.owning_unit_id)
        for change in real:
            if change.field in SILENT_FIELDS:
                continue
            # Events name the field as people do ("assignee"), not the column.
            events.field_changed(
                ticket,
                actor,
                change.field.removesuffix("_id"),
                change.old_shown,
                change.new_shown,
                public=shown_to_requester(change),
            )
        if any(change.field in SEARCHED_FIELDS for change in real):
            index_ticket(ticket)
        if any(change.field in CLOCK_FIELDS for change in real):
            # The SLA follows the owning unit: a new owner's policy, the time used kept.
            new_owner = any(change.field == "owning_unit_id" for change in real)
            refresh_clocks(ticket, repick_policy=new_owner)
    return ticket


def shown_to_requester(change: Change) -> bool:
    """Does the requester see this change on their timeline?"""
    if change.field in SILENT_FIELDS:
        return False
    return change.field in events.PUBLIC_FIELDS if change.public is None else change.public


# Columns that move with another change and need no event of their own.
SILENT_FIELDS = frozenset(
    {"is_open", "resolved_at", "closed_at", "priority_overridden", "first_response_at",
     "handover_id"}  # the handover note has its own event, the note's
)  # fmt: skip


# Header fields whose words the search index holds (the title's services index it).
SEARCHED_FIELDS = frozenset({"resolution"})


def claim_version(ticket: Ticket, expected_version: int, *, actor: Person | None) -> None:
    """Move the ticket to its next version if nobody changed it since `expected_version`,
    for changes that are not columns of the ticket (tags), made by `actor` (None:
    Scotty); raise Conflict otherwise."""
    refuse_if_closed(ticket)
    now = timezone.now()
    updated = Ticket.objects.filter(pk=ticket.pk, version=expected_version).update(
        version=F("version") + 1, updated_at=now, updated_by=actor
    )
    if updated != 1:
        raise conflict_for(ticket, expected_version)
    ticket.version, ticket.updated_at, ticket.updated_by = expected_version + 1, now, actor
    ticket_changed(ticket.working_unit_id, ticket.owning_unit_id)


def current_version(ticket: Ticket) -> int:
    """Re-read the version from the database, for changes Scotty makes on its own
    (a requester's reply reopening a ticket must not fail because an agent just
    changed the priority)."""
    # FOR UPDATE on PostgreSQL: a concurrent agent change now waits for this transaction
    # instead of making the requester's reply fail with a Conflict. (SQLite takes the
    # write lock at BEGIN already: IMMEDIATE transactions.)
    version: int = (
        Ticket.objects.select_for_update()
        .filter(pk=ticket.pk)
        .values_list("version", flat=True)
        .get()
    )
    if version != ticket.version:
        ticket.refresh_from_db()
    return version
