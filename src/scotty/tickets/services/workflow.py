"""Status changes: the state machine enforced, with the guards each move needs."""

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from scotty.accounts.models import Person, SupportUnit
from scotty.core.errors import Conflict, InvalidInput, InvalidTransition, NotAllowed
from scotty.notifications.mail import mail_for_status
from scotty.tickets import states
from scotty.tickets.models import Ticket
from scotty.tickets.selectors import may_reopen
from scotty.tickets.services.changes import (
    Change,
    apply_changes,
    current_version,
    refuse_if_closed,
    require_agent,
)
from scotty.tickets.services.validation import MAX_BODY, clean_text
from scotty.tickets.states import WAITING_STATUSES, Status

if TYPE_CHECKING:
    from scotty.tickets.services.conversation import ReplyOutcome

# "Waiting on the requester until ..." is for days and weeks; a date further away than
# this is a typo (2205 for 2025), not a plan.
MAX_WAIT = timedelta(days=366)


def moment_value(moment: datetime | None) -> str:
    """How events record a moment: ISO 8601 in UTC (a machine value, like status codes;
    `wording` shows it in the reader's time zone)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else ""


def waiting_until_change(ticket: Ticket, moment: datetime | None) -> Change:
    """Set or clear the moment a waiting ticket comes back to its assignee."""
    old, new = moment_value(ticket.waiting_until), moment_value(moment)
    return Change("waiting_until", moment, old, new)


def waiting_until_changes(
    ticket: Ticket, *, status_after: str, moment: datetime | None
) -> list[Change]:
    """The changes for "waiting until `moment`" (None: no date, it waits until someone
    answers) on a ticket whose status will be `status_after`. A date goes with a waiting
    status only, and lies ahead (at most MAX_WAIT); raises InvalidInput otherwise."""
    if moment is None:
        return [waiting_until_change(ticket, None)] if status_after in WAITING_STATUSES else []
    if status_after not in WAITING_STATUSES:
        raise InvalidInput(
            gettext(
                "A “waiting until” date goes with a waiting status only: choose “Waiting on "
                "requester” or “Waiting on third party”, or leave the date empty."
            ),
            field="waiting_until",
        )
    now = timezone.now()
    if moment <= now:
        raise InvalidInput(
            gettext("That “waiting until” date has passed: choose a later one."),
            field="waiting_until",
        )
    if moment > now + MAX_WAIT:
        raise InvalidInput(
            gettext("A “waiting until” date is at most a year ahead: check the year."),
            field="waiting_until",
        )
    return [waiting_until_change(ticket, moment)]


def status_changes(ticket: Ticket, target: str, *, resolution: str = "") -> list[Change]:
    """The column changes that moving to `target` implies; raises InvalidTransition.

    Leaving the waiting statuses clears `waiting_until`: the wait it timed is over."""
    if not states.can_move(ticket.status, target):
        raise InvalidTransition(states.refusal(ticket.status, target))
    now = timezone.now()
    changes = [
        Change("status", target, ticket.status, target),
        Change("is_open", states.is_open(target), "", ""),
    ]
    if target == Status.RESOLVED:
        changes.append(Change("resolved_at", now, "", ""))
        if resolution and resolution != ticket.resolution:
            changes.append(Change("resolution", resolution, ticket.resolution, resolution, True))
    elif target == Status.CLOSED:
        changes.append(Change("closed_at", now, "", ""))
    elif ticket.status == Status.RESOLVED:
        changes.append(Change("resolved_at", None, "", ""))  # reopened
    if ticket.waiting_until is not None and target not in WAITING_STATUSES:
        changes.append(waiting_until_change(ticket, None))
    return changes


def status_move(ticket: Ticket, to: str, *, resolution: str = "") -> list[Change]:
    """An agent's move to `to`, checked: a known status the state machine allows, and a
    resolution (what was done, shown to the requester) when resolving; the ticket's
    earlier resolution serves if none is given. Raises InvalidTransition, InvalidInput."""
    if to not in Status.values:
        raise InvalidTransition(gettext("“%(value)s” is not a status.") % {"value": to[:30]})
    if to == Status.RESOLVED:
        resolution = clean_text(
            resolution or ticket.resolution,
            field="resolution",
            label=gettext("The resolution (what was done)"),
            max_length=MAX_BODY,
        )
    return status_changes(ticket, to, resolution=resolution)


@transaction.atomic
def transition(
    ticket: Ticket, *, actor: Person, to: str, expected_version: int, resolution: str = ""
) -> Ticket:
    """Move a ticket to another status, as an agent.

    Resolving needs a resolution (what was done, shown to the requester). Records a
    status event. Raises InvalidTransition, InvalidInput, NotAllowed or Conflict.
    """
    require_agent(actor, ticket)
    refuse_if_closed(ticket)
    changes = status_move(ticket, to, resolution=resolution)
    apply_changes(ticket, actor=actor, expected_version=expected_version, changes=changes)
    mail_for_status(ticket, changes, actor=actor)  # resolved, waiting: to the requester
    return ticket


def _require_the_requester(ticket: Ticket, person: Person) -> None:
    if not may_reopen(person, ticket):
        raise NotAllowed(gettext("Only the requester can confirm or reopen this request."))


_ONLY_RESOLVED = gettext_lazy("Only a resolved request can be confirmed or reopened.")


@transaction.atomic
def confirm_resolution(ticket: Ticket, *, requester: Person) -> Ticket:
    """The requester confirms the fix: the ticket closes. On a ticket that closed
    meanwhile (the worker, a second click) there is nothing left to do, and that is no
    error. Raises NotAllowed (not the requester), InvalidTransition (not resolved)."""
    _require_the_requester(ticket, requester)
    version = current_version(ticket)  # as it is now, not as the page saw it
    if ticket.status == Status.CLOSED:
        return ticket
    if ticket.status != Status.RESOLVED:
        raise InvalidTransition(str(_ONLY_RESOLVED))
    changes = status_changes(ticket, Status.CLOSED)
    return apply_changes(ticket, actor=requester, expected_version=version, changes=changes)


@transaction.atomic
def reject_resolution(
    ticket: Ticket, *, requester: Person, reason: str, channel: str = "portal"
) -> "ReplyOutcome":
    """The requester says it is not fixed. Their words are a reply with the reply's
    rules: inside the reopen window the ticket reopens; after it (or once the ticket has
    closed: a stale page, a second click) the words close it and open one follow-up, or
    join the follow-up already opened. Raises NotAllowed (not the requester),
    InvalidTransition (never resolved), InvalidInput (no reason)."""
    from scotty.tickets.services.conversation import add_reply

    _require_the_requester(ticket, requester)
    reason = clean_text(
        reason, field="reason", label=gettext("What is still wrong"), max_length=MAX_BODY
    )
    current_version(ticket)
    if ticket.status not in (Status.RESOLVED, Status.CLOSED):
        raise InvalidTransition(str(_ONLY_RESOLVED))
    return add_reply(ticket, author=requester, body=reason, channel=channel, as_requester=True)


def _past_their_window(now: datetime, batch: int) -> list[Ticket]:
    # Each unit has its own window, so the cut-off is per unit and in SQL: a long window
    # elsewhere never fills the batch with tickets that are not due yet.
    due: list[Ticket] = []
    for unit in SupportUnit.objects.all():
        cutoff = now - timedelta(days=unit.reopen_window_days)
        due += (
            Ticket.objects.filter(
                status=Status.RESOLVED, working_unit=unit, resolved_at__lte=cutoff
            )
            .select_related("working_unit")
            .order_by("resolved_at")[: batch - len(due)]
        )
        if len(due) >= batch:
            break
    return due


def close_expired_resolutions(*, now: datetime | None = None, batch: int = 500) -> int:
    """Close resolved tickets whose reopen window has passed; returns how many closed.

    Safe to run twice at once: each close goes through the optimistic lock, so a ticket
    another worker (or an agent) just changed is skipped, not closed twice.
    """
    now = now or timezone.now()
    closed = 0
    for ticket in _past_their_window(now, batch):
        try:
            with transaction.atomic():
                apply_changes(
                    ticket,
                    actor=None,
                    expected_version=ticket.version,
                    changes=status_changes(ticket, Status.CLOSED),
                )
            closed += 1
        except (Conflict, NotAllowed):  # changed, or closed, by someone else meanwhile
            continue
    return closed
