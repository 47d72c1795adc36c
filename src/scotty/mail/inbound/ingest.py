"""Processing a stored message: what it is (mail a person wrote, an automatic reply, a
bounce, list mail, a loop), which ticket it continues, who wrote it, and then the one
thing it does, through the same ticket services the portal and the desk call:

- opens a ticket for the unit its address belongs to (`open_ticket`), or
- joins one (`add_reply`: a closed ticket starts a linked follow-up, the core's rule;
  an agent's reply is a public reply, or an internal note when its first line is
  `#note`), or
- is noted quietly (an out-of-office reply: an internal note, no status change), or
  recorded on the mail a bounce concerns, or
- goes to the quarantine with the reason, in words, for an administrator to retry or
  discard.

Each message is processed once (the row is locked, and only a stored one is taken);
whatever goes wrong with one message, it is quarantined with the reason and the next
one is processed as usual: nothing is dropped, and one bad message never stops the rest.
"""

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from scotty.accounts.email_address import normalise_email
from scotty.accounts.models import Person
from scotty.catalog.models import Service
from scotty.catalog.selectors import offered_to
from scotty.core.errors import DomainError
from scotty.mail.inbound import noise as noise_rules
from scotty.mail.inbound.parse import Unparseable, parse
from scotty.mail.inbound.parsed import ParsedMail
from scotty.mail.inbound.senders import over_the_limit, sender_of
from scotty.mail.inbound.threading import may_write, thread_of
from scotty.mail.models import InboundMessage, InboundState, MailAddress
from scotty.notifications.models import MailState, OutgoingMail
from scotty.tickets.models import Channel, Message, Ticket
from scotty.tickets.selectors import can_work
from scotty.tickets.services import add_reply, open_ticket
from scotty.tickets.services.attachments import check_files
from scotty.tickets.services.conversation import add_message
from scotty.tickets.services.fields import join_as_watcher
from scotty.tickets.services.validation import MAX_BODY, MAX_TITLE

log = logging.getLogger(__name__)
NOTE_MARK = "#note"


@dataclass(frozen=True)
class Outcome:
    state: str
    outcome: str
    reason: str = ""
    ticket: Ticket | None = None
    reply: Message | None = None


# What processing writes back on the row (never `raw`: rewriting the bytes as they came,
# up to megabytes, cost more than most messages' processing).
_WRITTEN = ["attempts", "sender", "subject", "state", "outcome", "reason", "ticket", "reply",
            "processed_at"]  # fmt: skip


def process(inbound_id: int) -> str:
    """Process one stored message; returns what became of it ("created", "replied",
    "quarantined" ...). A message processed before is left as it is."""
    with transaction.atomic():
        row = (InboundMessage.objects.select_for_update()
               .filter(pk=inbound_id, state=InboundState.STORED).first())  # fmt: skip
        if row is None:
            return "done before"
        return _process_locked(row)


def process_left(batch: int = 200) -> int:
    """Process messages that were stored but never processed (the worker was down, or
    a task was lost), oldest first, up to `batch`; returns how many were taken. Workers
    running it at once share the messages: each takes the oldest one no other worker
    is processing (SKIP LOCKED on PostgreSQL; SQLite has one writer at a time)."""
    taken = 0
    while taken < batch:
        with transaction.atomic():
            rows = InboundMessage.objects.filter(state=InboundState.STORED).order_by("id")
            skip = connection.features.has_select_for_update_skip_locked
            row = rows.select_for_update(skip_locked=skip).first()
            if row is None:
                break
            _process_locked(row)
        taken += 1
    return taken


def _process_locked(row: InboundMessage) -> str:
    """Process `row`, locked by the caller's transaction, and record what became of it."""
    row.attempts += 1
    try:
        with transaction.atomic():  # a savepoint: a failure leaves the row to record it
            outcome = _act(row)
    except DomainError as error:
        outcome = Outcome(InboundState.QUARANTINED, "refused", error.message)
    except Exception as error:  # one bad message never stops the rest
        log.exception("Processing inbound message %s failed", row.pk)
        why = gettext("Processing failed: %(error)s") % {"error": error}
        outcome = Outcome(InboundState.QUARANTINED, "failed", why)
    row.state, row.outcome, row.reason = outcome.state, outcome.outcome, outcome.reason
    row.ticket, row.reply = outcome.ticket, outcome.reply
    row.processed_at = timezone.now()
    row.save(update_fields=_WRITTEN)
    return outcome.outcome


def _quarantine(reason: str, outcome: str = "quarantined") -> Outcome:
    return Outcome(InboundState.QUARANTINED, outcome, reason)


def _act(row: InboundMessage) -> Outcome:
    try:
        mail = parse(bytes(row.raw))
    except Unparseable as error:
        return _quarantine(gettext("The message cannot be read as e-mail: %(why)s")
                           % {"why": error}, "unparseable")  # fmt: skip
    row.sender, row.subject = mail.sender.address[:254], mail.subject[:300]
    # Scotty's addresses, read once for the loop rule, the unit and the Cc rule.
    own = {a.address: a for a in MailAddress.objects.select_related("unit", "service")}
    kind = noise_rules.noise_of(mail, own)
    if kind == noise_rules.Noise.BOUNCE:
        return _bounce(mail)
    if kind == noise_rules.Noise.OWN:
        return _quarantine(gettext("It comes from one of Scotty's own addresses: answering "
                                   "it would start a mail loop."), "loop")  # fmt: skip
    if kind in (noise_rules.Noise.BULK, noise_rules.Noise.DAEMON):
        return _quarantine(gettext("List, bulk or mail-server mail: it opens no ticket "
                                   "and is never answered."), "noise")  # fmt: skip
    sender = sender_of(mail.sender)
    if sender.person is None:
        return _quarantine(sender.refusal, "unknown_sender")
    person = sender.person
    thread = thread_of(mail, person)
    if kind == noise_rules.Noise.AUTO_REPLY:
        return _auto_reply(mail, person, thread.ticket)
    if thread.ticket is not None:
        return _join(mail, person, thread.ticket, by_headers=thread.by_headers)
    return _open(row, mail, person, answer=noise_rules.answerable(kind), own=own)


def _bounce(mail: ParsedMail) -> Outcome:
    """A delivery failure: recorded on the mail it concerns (the desk shows it beside the
    reply it carried), never answered."""
    assert mail.bounce is not None
    concerned = OutgoingMail.objects.filter(message_id=mail.bounce.original_message_id).first()
    if concerned is None or not mail.bounce.original_message_id:
        return _quarantine(gettext("A delivery failure for mail Scotty does not know."),
                           "bounce_unknown")  # fmt: skip
    said = mail.bounce.diagnostic or mail.bounce.status or gettext("delivery failed")
    OutgoingMail.objects.filter(pk=concerned.pk).update(
        state=MailState.FAILED,
        last_error=gettext("Bounced: %(said)s") % {"said": said[:1000]},
    )
    return Outcome(InboundState.PROCESSED, "bounce", ticket=concerned.ticket)


def _auto_reply(mail: ParsedMail, person: Person, ticket: Ticket | None) -> Outcome:
    """An out-of-office reply: on its ticket as an internal note, changing nothing else."""
    if ticket is None or not may_write(person, ticket):
        return _quarantine(gettext("An automatic reply (out of office) to no ticket it "
                                   "may write on."), "auto_reply_unknown")  # fmt: skip
    body = gettext("Automatic reply from %(sender)s:\n\n%(text)s") % {
        "sender": person, "text": (mail.text or mail.subject)[: MAX_BODY - 200]}  # fmt: skip
    note = add_message(ticket, author=person, body=body, internal=True, channel=Channel.EMAIL,
                       message_id=_unique_id(mail))  # fmt: skip
    return Outcome(InboundState.PROCESSED, "auto_reply", ticket=ticket, reply=note)


def _unique_id(mail: ParsedMail) -> str | None:
    """The Message-ID to keep on the conversation entry, unless another entry has it
    already (a client that reuses one): threading needs it once, not twice."""
    if not mail.message_id or Message.objects.filter(message_id=mail.message_id).exists():
        return None
    return mail.message_id[:250]


def _words(mail: ParsedMail) -> str:
    text = mail.text.strip() or mail.quoted.strip()
    return text or gettext("(This e-mail had no text.)")


def _join(mail: ParsedMail, person: Person, ticket: Ticket, *, by_headers: bool) -> Outcome:
    if over_the_limit(person.email, replies=True):
        return _quarantine(gettext("%(sender)s wrote too many replies by e-mail in the last "
                                   "hour (an automatic responder in a mail loop?).")
                           % {"sender": person.email}, "rate_limited")  # fmt: skip
    files, left_out = _files(mail)
    if by_headers and not may_write(person, ticket):
        join_as_watcher(ticket, person)  # copied on the conversation: reply-all from Cc
    body = _words(mail)
    internal = False
    if can_work(person, ticket) and body.lstrip().lower().startswith(NOTE_MARK):
        internal = True
        body = body.lstrip()[len(NOTE_MARK) :].strip() or gettext("(empty note)")
    outcome = add_reply(ticket, author=person, body=body[:MAX_BODY], internal=internal,
                        channel=Channel.EMAIL, files=files, message_id=_unique_id(mail),
                        quoted=mail.quoted)  # fmt: skip
    _note_left_out(outcome.ticket, person, left_out)
    follow_up = outcome.ticket.pk != ticket.pk
    return Outcome(InboundState.PROCESSED, "follow_up" if follow_up else "replied",
                   ticket=outcome.ticket, reply=outcome.message)  # fmt: skip


def _unit_for(row: InboundMessage, mail: ParsedMail,
              own: Mapping[str, MailAddress]) -> MailAddress | None:  # fmt: skip
    """The Scotty address the message came to: its mailbox's, else the first of the
    envelope's recipients, then To and Cc, that is one of Scotty's (`own`, by address)."""
    if row.mailbox_id is not None:
        addresses = MailAddress.objects.filter(is_active=True).select_related("unit", "service")
        return addresses.filter(mailboxes=row.mailbox_id).first()
    named = [a.strip().lower() for a in row.envelope_to.splitlines() if a.strip()]
    named += [a.address for a in (*mail.to, *mail.cc) if a.address]
    found = (own.get(normalise_email(a)) for a in named)
    return next((a for a in found if a is not None and a.is_active), None)


def _open(row: InboundMessage, mail: ParsedMail, person: Person, *, answer: bool,
          own: Mapping[str, MailAddress]) -> Outcome:  # fmt: skip
    address = _unit_for(row, mail, own)
    if address is None:
        return _quarantine(gettext("It is not addressed to any of Scotty's addresses."),
                           "no_address")  # fmt: skip
    if over_the_limit(person.email):
        return _quarantine(gettext("%(sender)s opened too many tickets by e-mail in the last "
                                   "hour (a runaway script or a mail loop?).")
                           % {"sender": person.email}, "rate_limited")  # fmt: skip
    files, left_out = _files(mail)
    title = mail.subject.strip()[:MAX_TITLE] or gettext("(no subject)")
    service = address.service if address.service_id else None
    ticket = open_ticket(actor=person, requester=person, unit=address.unit, title=title,
                         description=_words(mail)[:MAX_BODY], channel=Channel.EMAIL,
                         files=files, service=_offered(service, person))  # fmt: skip
    for addressee in (*mail.cc, *mail.to):
        _copy_to_watcher(ticket, addressee.address, person, own)
    if not answer:
        # Auto-generated mail (a monitoring tool) is filed, never answered (RFC 3834).
        OutgoingMail.objects.filter(ticket=ticket, to_address=person.email, automatic=True,
                                    state=MailState.PENDING).delete()  # fmt: skip
    _note_left_out(ticket, person, left_out)
    return Outcome(InboundState.PROCESSED, "created", ticket=ticket)


def _offered(service: Service | None, person: Person) -> Service | None:
    """The address's service, if this sender may ask for it (else the unit's mail)."""
    if service is None or not offered_to(person).filter(pk=service.pk).exists():
        return None
    return service


def _copy_to_watcher(ticket: Ticket, address: str, sender: Person,
                     own: Collection[str]) -> None:  # fmt: skip
    """People the sender copied who have an account follow the ticket (never Scotty's
    own addresses, never strangers: no account is made for a Cc)."""
    if not address or address == sender.email or normalise_email(address) in own:
        return
    person = Person.objects.filter(email=address, is_active=True).first()
    if person is not None:
        join_as_watcher(ticket, person)


def _files(mail: ParsedMail) -> tuple[list["ContentFile[bytes]"], list[str]]:
    """The parts the ticket's file rules accept, and what was left out, in words."""
    kept: list[ContentFile[bytes]] = []
    left_out = list(mail.left_out)
    for part in mail.parts:
        upload = ContentFile(part.data, name=part.filename or "attachment")
        try:
            check_files([*kept, upload])
        except DomainError as error:
            left_out.append(error.message)
            continue
        kept.append(upload)
    return kept, left_out


def _note_left_out(ticket: Ticket, author: Person, left_out: Sequence[str]) -> None:
    if not left_out:
        return
    body = gettext("Left out of this e-mail:") + "\n" + "\n".join(f"- {w}" for w in left_out)
    add_message(ticket, author=author, body=body[:MAX_BODY], internal=True,
                channel=Channel.EMAIL)  # fmt: skip
