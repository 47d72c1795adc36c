"""One change to many tickets: a loop over the single-ticket services (STYLE.md P6).

Each ticket is changed by the same service an agent would use on its page, in its own
transaction, so every rule, event and refusal is the one a single change has; a ticket
that refuses (closed, not allowed, a move its status does not allow, no resolution) is
reported and the others go ahead.

A bulk change is a deliberate choice about the tickets as the agent sees them now, not
an edit of a form drawn earlier: it takes each ticket's current version (read and
locked in its transaction), never a version from the queue page. The queue page showed
the rows, not their fields, so there is no stale value to protect; what is checked is
whether the change still makes sense for the ticket as it is (a closed ticket refuses).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from scotty.accounts.models import Person, SupportUnit
from scotty.core.errors import DomainError, InvalidInput
from scotty.tickets.models import Ticket
from scotty.tickets.priority import Priority
from scotty.tickets.selectors import desk_tickets
from scotty.tickets.services.changes import current_version
from scotty.tickets.services.fields import assign, set_priority, set_tags, transfer
from scotty.tickets.services.workflow import transition

# A page holds 25 rows; a selection larger than four pages is a mistake, not a plan.
MAX_BULK = 100
NOT_FOUND = gettext_lazy("No such ticket, or you may not work on it.")


@dataclass(frozen=True)
class Take:
    """Assign each ticket to the agent doing the bulk change."""

    def apply(self, ticket: Ticket, actor: Person) -> None:
        assign(ticket, actor=actor, assignee=actor, expected_version=ticket.version)


@dataclass(frozen=True)
class AssignTo:
    assignee: Person | None  # None: nobody

    def apply(self, ticket: Ticket, actor: Person) -> None:
        assign(ticket, actor=actor, assignee=self.assignee, expected_version=ticket.version)


@dataclass(frozen=True)
class MoveTo:
    status: str
    resolution: str = ""  # for resolving: one text for all, or each ticket's own

    def apply(self, ticket: Ticket, actor: Person) -> None:
        if ticket.status == self.status:
            return  # already there: nothing to do, and no error either
        transition(
            ticket,
            actor=actor,
            to=self.status,
            resolution=self.resolution,
            expected_version=ticket.version,
        )


@dataclass(frozen=True)
class SetPriority:
    """Give each ticket this priority, keeping its impact and urgency (an override
    unless the matrix already says so)."""

    priority: int

    def apply(self, ticket: Ticket, actor: Person) -> None:
        set_priority(
            ticket,
            actor=actor,
            impact=ticket.impact,
            urgency=ticket.urgency,
            override=self.priority,
            expected_version=ticket.version,
        )


@dataclass(frozen=True)
class AddTags:
    names: tuple[str, ...]

    def apply(self, ticket: Ticket, actor: Person) -> None:
        have = set(ticket.tags.values_list("name", flat=True))
        wanted = sorted(have | {n.strip().lower() for n in self.names})
        set_tags(ticket, actor=actor, names=wanted, expected_version=ticket.version)


@dataclass(frozen=True)
class RemoveTags:
    names: tuple[str, ...]

    def apply(self, ticket: Ticket, actor: Person) -> None:
        have = set(ticket.tags.values_list("name", flat=True))
        wanted = sorted(have - {n.strip().lower() for n in self.names})
        set_tags(ticket, actor=actor, names=wanted, expected_version=ticket.version)


@dataclass(frozen=True)
class TransferTo:
    unit: SupportUnit

    def apply(self, ticket: Ticket, actor: Person) -> None:
        transfer(ticket, actor=actor, working_unit=self.unit, expected_version=ticket.version)


BulkOp = Take | AssignTo | MoveTo | SetPriority | AddTags | RemoveTags | TransferTo


@dataclass
class BulkOutcome:
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # already so: nothing to do
    # Why each refused ticket was left as it was: reason -> references, in order.
    refused: dict[str, list[str]] = field(default_factory=dict)

    def refuse(self, reference: str, reason: str) -> None:
        self.refused.setdefault(reason, []).append(reference)


def _references(given: Iterable[str]) -> list[str]:
    """The references as the desk writes them, each once, in the order given."""
    cleaned = dict.fromkeys(r.strip().upper()[:20] for r in given if r.strip())
    if len(cleaned) > MAX_BULK:
        raise InvalidInput(
            gettext("Choose at most %(count)d tickets at a time.") % {"count": MAX_BULK},
            field="tickets",
        )
    return list(cleaned)


def _apply_one(ticket: Ticket, op: BulkOp, actor: Person) -> bool:
    """Change one ticket in its own transaction, as it is now; True if it changed."""
    with transaction.atomic():
        current_version(ticket)  # lock the row and read it afresh (P7)
        before = ticket.version
        op.apply(ticket, actor)
        return ticket.version != before


def bulk_apply(references: Iterable[str], op: BulkOp, *, actor: Person) -> BulkOutcome:
    """Apply `op` to each ticket named in `references`, one ticket at a time, through the
    ticket's own service and in its own transaction.

    A reference the actor may not work on (another unit's, a requester's own, or none at
    all) is refused with one message that does not say which it was. Every DomainError a
    service raises for a ticket is collected under its message and that ticket is left
    as it was; the others still change. Raises InvalidInput (before changing anything)
    for more than MAX_BULK references, or an `op` no service could apply.
    """
    wanted = _references(references)
    if isinstance(op, SetPriority) and op.priority not in Priority.values:
        raise InvalidInput(gettext("Choose a priority from the list."), field="priority")
    found = {
        t.reference: t
        for t in desk_tickets(actor)
        .filter(reference__in=wanted)
        .select_related("assignee", "working_unit", "owning_unit")
    }
    outcome = BulkOutcome()
    for reference in wanted:
        ticket = found.get(reference)
        if ticket is None:
            outcome.refuse(reference, str(NOT_FOUND))
            continue
        try:
            changed = _apply_one(ticket, op, actor)
        except DomainError as refusal:
            outcome.refuse(reference, refusal.message)
            continue
        (outcome.changed if changed else outcome.unchanged).append(reference)
    return outcome
