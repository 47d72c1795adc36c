"""Calls and walk-ins an agent logs while the person is on the line or at the desk.

One step for what usually takes three: the ticket opens (for someone new to Scotty, if
need be), the agent takes it, and when they solved it there and then it is resolved and
counted as a first-contact resolution. Built from the ordinary services (open_ticket,
assign, transition, apply_changes), so every rule and event is theirs.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext

from scotty.accounts.models import Department, Person, SupportUnit
from scotty.accounts.services import register_requester
from scotty.core.errors import InvalidInput
from scotty.tickets.models import Ticket
from scotty.tickets.services.changes import Change, apply_changes
from scotty.tickets.services.fields import assign
from scotty.tickets.services.opening import AGENT_CHANNELS, open_ticket
from scotty.tickets.services.workflow import transition
from scotty.tickets.states import Status


@dataclass(frozen=True)
class NewRequester:
    """Someone who called but has no account yet: added as the call is logged."""

    full_name: str
    email: str
    department: Department | None = None


@transaction.atomic
def log_call(
    *,
    actor: Person,
    requester: Person | NewRequester,
    unit: SupportUnit,
    title: str,
    description: str,
    channel: str,
    impact: str | None = None,
    urgency: str | None = None,
    files: Sequence[File] = (),  # type: ignore[type-arg]
    assign_to_me: bool = True,
    resolution: str | None = None,
) -> Ticket:
    """Open the ticket for a phone call or walk-in the agent `actor` took.

    A `NewRequester` is added to Scotty first (`accounts.services.register_requester`).
    `assign_to_me`: the agent takes the ticket. A `resolution` means it was solved
    during the call: the ticket is taken by the agent, resolved with these words and
    marked `first_contact_resolution`. All or nothing: a refusal (InvalidInput,
    NotAllowed, from any step) leaves no person, ticket or event behind.
    """
    if channel not in AGENT_CHANNELS:
        raise InvalidInput(
            gettext("A call is logged as a phone call or a walk-in."), field="channel"
        )
    if isinstance(requester, NewRequester):
        requester = register_requester(
            actor=actor,
            full_name=requester.full_name,
            email=requester.email,
            department=requester.department,
        )
    ticket = open_ticket(
        actor=actor,
        requester=requester,
        unit=unit,
        title=title,
        description=description,
        channel=channel,
        impact=impact,
        urgency=urgency,
        files=files,
    )
    solved = resolution is not None
    if assign_to_me or solved:  # who solved it owns it, for the desk and the reports
        assign(ticket, actor=actor, assignee=actor, expected_version=ticket.version)
    if solved:
        transition(
            ticket,
            actor=actor,
            to=Status.RESOLVED,
            resolution=resolution or "",
            expected_version=ticket.version,
        )
        # Its own event: reports count first-contact resolutions from the events.
        apply_changes(
            ticket,
            actor=actor,
            expected_version=ticket.version,
            changes=[Change("first_contact_resolution", True, "no", "yes")],
        )
    return ticket
