"""The conversation: public replies and internal notes, and what a reply sets in motion."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from scotty.accounts.models import Person
from scotty.core.errors import InvalidInput, NotAllowed
from scotty.notifications.mail import mail_for_message
from scotty.search.services import index_ticket
from scotty.tickets import events
from scotty.tickets.counts import ticket_changed
from scotty.tickets.models import Channel, Message, MessageKind, Ticket
from scotty.tickets.selectors import (
    can_work,
    is_participant,
    live_follow_up,
    may_reopen,
    reopen_window_passed,
)
from scotty.tickets.services.attachments import check_files, store_files
from scotty.tickets.services.changes import Change, apply_changes, current_version
from scotty.tickets.services.opening import open_follow_up
from scotty.tickets.services.validation import MAX_BODY, clean_text
from scotty.tickets.services.workflow import status_changes
from scotty.tickets.states import Status


@dataclass(frozen=True)
class ReplyOutcome:
    ticket: Ticket  # where the words landed: the ticket, or a new follow-up
    message: Message | None  # None when the words became a follow-up's description
    reopened: bool = False


def add_message(
    ticket: Ticket,
    *,
    author: Person,
    body: str,
    internal: bool,
    channel: str,
    files: Sequence[File] = (),  # type: ignore[type-arg]
    message_id: str | None = None,
    quoted: str = "",
) -> Message:
    """Append a reply or note and its files, with its event; no status side effects.
    `quoted`: what a mail quoted below its words (kept, folded away on the pages)."""
    body = clean_text(body, field="body", label=gettext("The message"), max_length=MAX_BODY)
    if channel not in Channel.values:
        raise InvalidInput(gettext("Unknown channel."), field="channel")
    check_files(files)
    message = Message.objects.create(
        ticket=ticket,
        author=author,
        kind=MessageKind.NOTE if internal else MessageKind.REPLY,
        body=body,
        channel=channel,
        message_id=message_id,
        quoted=quoted[:MAX_BODY],
        created_at=timezone.now(),
    )
    store_files(ticket, files, uploaded_by=author, message=message)
    events.message_added(ticket, message)
    # A message is no header change (no version bump), but it is activity, and its
    # author's (unread markers leave out an agent's own words).
    stamps: dict[str, object] = {"updated_at": message.created_at, "updated_by": author}
    if not internal:
        stamps["public_activity_at"] = message.created_at
    Ticket.objects.filter(pk=ticket.pk).update(**stamps)
    ticket_changed(ticket.working_unit_id, ticket.owning_unit_id)  # "who spoke last" counts
    for name, value in stamps.items():
        setattr(ticket, name, value)
    index_ticket(ticket)
    mail_for_message(message)  # a public reply to whom it concerns; a note to nobody
    return message


CLOSED_TO_REPLIES = gettext_lazy(
    "This ticket is closed. Open a new ticket to contact the requester."
)


def _reply_opens(ticket: Ticket, author: Person, *, desk_voice: bool) -> bool:
    if desk_voice:
        return ticket.status == Status.NEW
    # Their answer is what we waited for; from the requester, a sign the fix did not hold
    # (a watcher's "thanks!" on a resolved ticket is added, and reopens nothing).
    if ticket.status == Status.WAITING_ON_REQUESTER:
        return True
    return ticket.status == Status.RESOLVED and may_reopen(author, ticket)


def reply_effects(
    ticket: Ticket, author: Person, *, desk_voice: bool, status_set: bool = False
) -> list[Change]:
    """What a public reply sets in motion on the ticket as it is now: the desk's first
    reply stamps the first response and opens a new ticket; the requester's side's words
    open a ticket waiting on them, and the requester's reopen a resolved one.
    `status_set`: the same update chooses the status itself, so the reply moves none."""
    changes: list[Change] = []
    if desk_voice and ticket.first_response_at is None:
        changes.append(Change("first_response_at", timezone.now(), "", ""))
    if not status_set and _reply_opens(ticket, author, desk_voice=desk_voice):
        changes += status_changes(ticket, Status.OPEN)
    return changes


def _after_the_close(
    ticket: Ticket,
    *,
    author: Person,
    body: str,
    channel: str,
    files: Sequence[File],  # type: ignore[type-arg]
    message_id: str | None,
) -> ReplyOutcome:
    """Words from the requester's side on a closed ticket, or on a resolved one past its
    reopen window: the first such words close the original (what the worker would do,
    now, in this transaction) and open one follow-up; later words join that follow-up."""
    if ticket.status != Status.CLOSED:
        changes = status_changes(ticket, Status.CLOSED)
        apply_changes(ticket, actor=None, expected_version=ticket.version, changes=changes)
    follow_up = live_follow_up(ticket, author)
    if follow_up is not None:
        return add_reply(
            follow_up, author=author, body=body, channel=channel, files=files,
            message_id=message_id, as_requester=True,
        )  # fmt: skip
    opened = open_follow_up(ticket, actor=author, body=body, channel=channel, files=files)
    return ReplyOutcome(opened, None)


@transaction.atomic
def add_reply(
    ticket: Ticket,
    *,
    author: Person,
    body: str,
    internal: bool = False,
    channel: str = "portal",
    files: Sequence[File] = (),  # type: ignore[type-arg]
    message_id: str | None = None,
    as_requester: bool = False,
    locked_version: int | None = None,
    quoted: str = "",
) -> ReplyOutcome:
    """Add a public reply or (agents only) an internal note, and apply its effects.

    - an agent's first public reply sets the first response time and opens a new ticket;
    - a reply to a ticket waiting on the requester opens it again; the requester's reply
      to a resolved ticket within the unit's reopen window reopens it (`may_reopen`:
      a watcher's words are added and reopen nothing);
    - words from the requester's side after the ticket closed, or after the window,
      close it and open one linked follow-up; later words join that follow-up
      (`ReplyOutcome.ticket` says where they landed).
    `as_requester` makes an agent who filed or watches the ticket write as a requester
    (the portal passes it: an agent's own request behaves like anyone else's). An agent's
    public reply on a ticket they filed themselves is the requester's voice too: it is
    no first response. Raises NotAllowed (note by a non-agent, stranger, agent replying
    on a closed ticket) and InvalidInput (empty/oversized body, bad file).

    `locked_version`: the version a service calling this one has just read under the
    row lock in the same transaction (`current_version`); the row is not read again.
    """
    may_note = can_work(author, ticket) and not as_requester
    desk_voice = may_note and author.pk != ticket.requester_id
    if internal and not may_note:
        raise NotAllowed(gettext("Only agents may add internal notes."))
    if not may_note and not is_participant(author, ticket):
        raise NotAllowed(gettext("You may not write on this ticket."))
    body = clean_text(body, field="body", label=gettext("The message"), max_length=MAX_BODY)
    # Lock the row and see the ticket as it is now, not as the page that sent the words
    # saw it: it may have closed since, or a second click may have closed it a moment ago.
    version = current_version(ticket) if locked_version is None else locked_version
    closed = ticket.status == Status.CLOSED
    if closed and desk_voice and not internal:
        raise NotAllowed(str(CLOSED_TO_REPLIES))
    late = closed or reopen_window_passed(ticket, timezone.now())
    if late and not internal and not desk_voice:
        return _after_the_close(
            ticket, author=author, body=body, channel=channel, files=files, message_id=message_id
        )
    message = add_message(
        ticket,
        author=author,
        body=body,
        internal=internal,
        channel=channel,
        files=files,
        message_id=message_id,
        quoted=quoted,
    )
    if internal:
        return ReplyOutcome(ticket, message)
    changes = reply_effects(ticket, author, desk_voice=desk_voice)
    reopened = ticket.status == Status.RESOLVED and bool(changes)
    apply_changes(ticket, actor=author, expected_version=version, changes=changes)
    return ReplyOutcome(ticket, message, reopened=reopened)
