"""An agent's one update: words (a reply or a note) and the ticket's new status, next
step and "waiting until" date, recorded together under one optimistic check.

The parts are the same building blocks the single-purpose services use
(`workflow.status_move`, `fields.next_step_changes`, `conversation.reply_effects`), put
into ONE `apply_changes` call: one version bump, one event per changed field, plus the
message's own event. Any part refused refuses the whole update; nothing is written.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import Enum

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from scotty.accounts.models import Person
from scotty.core.errors import InvalidInput
from scotty.notifications.mail import mail_for_status
from scotty.tickets.models import Channel, Message, Ticket
from scotty.tickets.services.changes import (
    SILENT_FIELDS,
    Change,
    apply_changes,
    conflict_for,
    current_version,
    refuse_if_closed,
    require_agent,
)
from scotty.tickets.services.conversation import add_message, add_reply, reply_effects
from scotty.tickets.services.fields import next_step_changes
from scotty.tickets.services.workflow import status_move, waiting_until_changes

# "Waiting on the requester until Friday" means Friday when the working day starts, in
# the agent's time zone: the ticket is back on the assignee's list as they sit down.
START_OF_BUSINESS = time(8, 0)


class Unchanged(Enum):
    """A part the update leaves as it is (None would mean "clear it")."""

    UNCHANGED = "unchanged"


UNCHANGED = Unchanged.UNCHANGED


@dataclass(frozen=True)
class MessagePart:
    body: str
    internal: bool  # an internal note (agents only) rather than a public reply
    files: Sequence[File] = ()  # type: ignore[type-arg]


@dataclass(frozen=True)
class StatusPart:
    to: str
    resolution: str = ""  # needed when `to` is resolved (the ticket's earlier one serves)


@dataclass(frozen=True)
class NextStepPart:
    text: str  # empty: no next step
    owner: str  # NextStepOwner
    shared: bool  # the requester sees it


@dataclass(frozen=True)
class UpdateOutcome:
    ticket: Ticket  # where the words landed: the ticket, or a follow-up (see add_reply)
    message: Message | None
    changed: frozenset[str]  # the fields the update chose to change ("status", ...)


NOTHING_TO_SAVE = gettext_lazy(
    "The message cannot be empty. Write one, or change the status or the next step."
)


def waiting_until_on(day: date) -> datetime:
    """The moment "waiting until `day`" means: that day at START_OF_BUSINESS in the
    agent's time zone (the active one: settings.TIME_ZONE until people choose their
    own), in UTC."""
    local = datetime.combine(day, START_OF_BUSINESS, tzinfo=timezone.get_current_timezone())
    try:
        return local.astimezone(UTC)
    except OverflowError:  # year 1 or 9999 east or west of UTC
        raise InvalidInput(
            gettext("A “waiting until” date is at most a year ahead: check the year."),
            field="waiting_until",
        ) from None


def _header_changes(
    ticket: Ticket,
    status: StatusPart | None,
    next_step: NextStepPart | None,
    waiting_until: datetime | Unchanged | None,
) -> list[Change]:
    changes: list[Change] = []
    if status is not None:
        refuse_if_closed(ticket)  # the closed-is-final words, not "cannot be moved"
        changes += status_move(ticket, status.to, resolution=status.resolution)
    if next_step is not None:
        changes += next_step_changes(
            ticket, text=next_step.text, owner=next_step.owner, shared=next_step.shared
        )
    if not isinstance(waiting_until, Unchanged):
        status_after = status.to if status is not None else ticket.status
        dated = waiting_until_changes(ticket, status_after=status_after, moment=waiting_until)
        # Leaving the waiting statuses clears the date already (status_changes).
        taken = {change.field for change in changes}
        changes += [change for change in dated if change.field not in taken]
    return changes


def _chosen(ticket: Ticket, changes: list[Change]) -> frozenset[str]:
    return frozenset(
        c.field.removesuffix("_id")
        for c in changes
        if c.field not in SILENT_FIELDS and getattr(ticket, c.field) != c.value
    )


@transaction.atomic
def update_ticket(
    ticket: Ticket,
    *,
    actor: Person,
    expected_version: int,
    message: MessagePart | None = None,
    status: StatusPart | None = None,
    next_step: NextStepPart | None = None,
    waiting_until: datetime | Unchanged | None = UNCHANGED,
    channel: str = Channel.DESK,
) -> UpdateOutcome:
    """Record an agent's update of the ticket in one go.

    - `message`: a public reply or an internal note, with files (None: no words);
    - `status`: the new status (resolving needs a resolution); None keeps it;
    - `next_step`: what happens next, who does it, shared or not; None keeps it;
    - `waiting_until`: when a waiting ticket comes back to its assignee (a datetime, see
      `waiting_until_on`), None for no date; only with a waiting status, in the future.
      Leaving the waiting statuses clears it.

    Words alone are appended and never conflict: they follow `add_reply`'s rules in full
    (first response, reopening, after the close). With any field changed, the whole
    update is checked against `expected_version` and written as one version: the
    reply's own effects join it (the chosen status wins over "a reply opens a new
    ticket"). Raises InvalidInput (nothing to save, bad text, date or file),
    InvalidTransition, NotAllowed (not an agent of the ticket; closed is final, though a
    note is still added) or Conflict; nothing is written then.
    """
    require_agent(actor, ticket)
    version = current_version(ticket)  # lock the row and decide on the ticket as it is now
    header = _header_changes(ticket, status, next_step, waiting_until)
    chosen = _chosen(ticket, header)
    if not chosen:
        if message is None:
            raise InvalidInput(str(NOTHING_TO_SAVE), field="body")
        words = add_reply(
            ticket, author=actor, body=message.body, internal=message.internal,
            channel=channel, files=message.files, locked_version=version,
        )  # fmt: skip
        return UpdateOutcome(words.ticket, words.message, frozenset())
    refuse_if_closed(ticket)
    if ticket.version != expected_version:
        raise conflict_for(ticket, expected_version)  # before anything is written
    written, effects = None, []
    if message is not None:
        written = add_message(
            ticket, author=actor, body=message.body, internal=message.internal,
            channel=channel, files=message.files,
        )  # fmt: skip
        if not message.internal:
            desk_voice = actor.pk != ticket.requester_id  # an agent's own request: theirs
            effects = reply_effects(
                ticket, actor, desk_voice=desk_voice, status_set=status is not None
            )
    changes = [*header, *effects]
    apply_changes(ticket, actor=actor, expected_version=expected_version, changes=changes)
    mail_for_status(ticket, changes, actor=actor, reply=written)  # one mail with the reply
    return UpdateOutcome(ticket, written, chosen)
