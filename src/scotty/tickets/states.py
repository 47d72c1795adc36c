"""The ticket status state machine: statuses, their types, wordings and transitions.

Only `services.transition` (and the services built on it) write `Ticket.status`.
Each status has a *type* that later drives the SLA clock (running, paused, stopped)
and two wordings: the agents' and the requester's.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy


class Status(models.TextChoices):
    # filed, nobody from the desk has touched it yet
    NEW = "new", pgettext_lazy("ticket status", "New")
    OPEN = "open", pgettext_lazy("ticket status", "Open")  # being worked by the desk
    # we asked them something
    WAITING_ON_REQUESTER = (
        "waiting_requester",
        pgettext_lazy("ticket status", "Waiting on requester"),
    )
    # vendor, other org
    WAITING_ON_THIRD_PARTY = (
        "waiting_third_party",
        pgettext_lazy("ticket status", "Waiting on third party"),
    )
    # the desk believes it is fixed; requester may reopen
    RESOLVED = "resolved", pgettext_lazy("ticket status", "Resolved")
    CLOSED = "closed", pgettext_lazy("ticket status", "Closed")  # final; a reply starts a follow-up


class ClockType(StrEnum):
    """How a status affects the service-level clock (used by the SLA issue)."""

    RUNNING = "running"  # the desk owes work: the clock counts
    PAUSED = "paused"  # someone else owes work: the clock may stop, per SLA policy
    STOPPED = "stopped"  # the ticket is done


@dataclass(frozen=True)
class StatusInfo:
    clock: ClockType
    is_open: bool
    requester_wording: Promise  # lazy: read in the reader's language


STATUS_INFO: dict[str, StatusInfo] = {
    Status.NEW: StatusInfo(
        ClockType.RUNNING,
        True,
        pgettext_lazy("requester status", "Received: we will look at it soon"),
    ),
    Status.OPEN: StatusInfo(
        ClockType.RUNNING, True, pgettext_lazy("requester status", "We are working on it")
    ),
    Status.WAITING_ON_REQUESTER: StatusInfo(
        ClockType.PAUSED, True, pgettext_lazy("requester status", "We need something from you")
    ),
    Status.WAITING_ON_THIRD_PARTY: StatusInfo(
        ClockType.PAUSED,
        True,
        pgettext_lazy("requester status", "We are waiting on a supplier or another team"),
    ),
    Status.RESOLVED: StatusInfo(
        ClockType.STOPPED,
        False,
        pgettext_lazy("requester status", "Resolved: please confirm it works"),
    ),
    Status.CLOSED: StatusInfo(
        ClockType.STOPPED, False, pgettext_lazy("requester status", "Closed")
    ),
}

OPEN_STATUSES = frozenset(s for s, info in STATUS_INFO.items() if info.is_open)
WAITING_STATUSES = frozenset({Status.WAITING_ON_REQUESTER, Status.WAITING_ON_THIRD_PARTY})
DONE_STATUSES = frozenset({Status.RESOLVED, Status.CLOSED})

_WORKING = {Status.OPEN, Status.WAITING_ON_REQUESTER, Status.WAITING_ON_THIRD_PARTY}

# Allowed moves. Closed is final: nothing leaves it.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset(_WORKING | {Status.RESOLVED}),
    Status.OPEN: frozenset((_WORKING - {Status.OPEN}) | {Status.RESOLVED}),
    Status.WAITING_ON_REQUESTER: frozenset(
        (_WORKING - {Status.WAITING_ON_REQUESTER}) | {Status.RESOLVED}
    ),
    Status.WAITING_ON_THIRD_PARTY: frozenset(
        (_WORKING - {Status.WAITING_ON_THIRD_PARTY}) | {Status.RESOLVED}
    ),
    Status.RESOLVED: frozenset({Status.OPEN, Status.CLOSED}),
    Status.CLOSED: frozenset(),
}


def label(status: str) -> str:
    """The agents' wording for a status."""
    return str(Status(status).label)


def requester_wording(status: str) -> str:
    """The requester's wording for a status ("We need something from you")."""
    return str(STATUS_INFO[status].requester_wording)


def is_open(status: str) -> bool:
    return STATUS_INFO[status].is_open


def allowed_targets(status: str) -> list[str]:
    """Statuses a ticket in `status` may move to, in display order."""
    return [s for s in Status.values if s in TRANSITIONS[status]]


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


# Every change refused on a closed ticket says this. Only agents meet it: a requester's
# words after the close become a follow-up instead (services.conversation).
CLOSED_IS_FINAL = gettext_lazy(
    "This ticket is closed, so it can no longer be changed. If more needs doing, open a "
    "new ticket for the requester; an internal note can still be added here."
)

# A status inside a sentence ("already resolved"); the German sentences quote the name.
_IN_SENTENCE: dict[str, Promise] = {
    Status.NEW: pgettext_lazy("ticket status, inside a sentence", "new"),
    Status.OPEN: pgettext_lazy("ticket status, inside a sentence", "open"),
    Status.WAITING_ON_REQUESTER: pgettext_lazy(
        "ticket status, inside a sentence", "waiting on requester"
    ),
    Status.WAITING_ON_THIRD_PARTY: pgettext_lazy(
        "ticket status, inside a sentence", "waiting on third party"
    ),
    Status.RESOLVED: pgettext_lazy("ticket status, inside a sentence", "resolved"),
    Status.CLOSED: pgettext_lazy("ticket status, inside a sentence", "closed"),
}


def refusal(current: str, target: str) -> str:
    """The message shown when a move is not allowed."""
    if current == Status.CLOSED:
        return str(CLOSED_IS_FINAL)
    if current == target:
        return gettext("The ticket is already %(status)s.") % {"status": in_sentence(current)}
    return gettext("A ticket that is %(current)s cannot be moved to %(target)s.") % {
        "current": in_sentence(current),
        "target": in_sentence(target),
    }


def in_sentence(status: str) -> str:
    """The agents' wording for a status inside a sentence ("is now waiting on requester")."""
    return str(_IN_SENTENCE[status])
