"""Which ticket a message belongs to, and whether its sender may write there.

1. Its In-Reply-To and References name a Message-ID of Scotty's own mail (the outbox),
   or of a message that opened or joined a ticket: the message continues that
   conversation. Only people the conversation reached know those ids, so a sender who
   is not yet on the ticket (a reply-all from Cc) joins it as a watcher.
2. Else the reference in the subject (`[IT-1042]`), but only for a sender who may write
   on that ticket (its requester, a watcher, one of its agents): a stranger who quotes
   a reference gets a ticket of their own, never into someone else's.
3. Else it is new.
"""

import re
from dataclasses import dataclass

from django.db.models import Subquery
from django.db.models.functions import Coalesce

from scotty.accounts.models import Person
from scotty.mail.inbound.parsed import ParsedMail
from scotty.mail.models import InboundMessage
from scotty.notifications.models import OutgoingMail
from scotty.tickets.models import Message, Ticket
from scotty.tickets.selectors import can_work, is_participant

_REFERENCE = re.compile(r"\[([A-Z]{2,6}-\d{1,9})\]")


@dataclass(frozen=True)
class Thread:
    ticket: Ticket | None
    by_headers: bool = False  # found through Message-IDs (the sender was in the conversation)


def _by_message_ids(ids: list[str]) -> Ticket | None:
    """The ticket of the newest of Scotty's own mails with one of `ids`, else of the
    newest conversation entry, else of the newest message received: one query."""
    if not ids:
        return None
    newest = [
        Subquery(rows.order_by("-id").values("ticket_id")[:1])
        for rows in (
            OutgoingMail.objects.filter(message_id__in=ids, ticket__isnull=False),
            Message.objects.filter(message_id__in=ids),
            InboundMessage.objects.filter(message_id__in=ids, ticket__isnull=False),
        )
    ]
    tickets = Ticket.objects.select_related("owning_unit", "working_unit")
    return tickets.filter(pk=Coalesce(*newest)).first()


def may_write(person: Person, ticket: Ticket) -> bool:
    return is_participant(person, ticket) or can_work(person, ticket)


def thread_of(mail: ParsedMail, sender: Person | None) -> Thread:
    """The ticket this message continues, if any (see the module's rules)."""
    ids = [*mail.in_reply_to, *reversed(mail.references)][:60]
    ticket = _by_message_ids(ids)
    if ticket is not None:
        return Thread(ticket, by_headers=True)
    for reference in _REFERENCE.findall(mail.subject)[:3]:
        found = (Ticket.objects.select_related("owning_unit", "working_unit")
                 .filter(reference=reference).first())  # fmt: skip
        if found is not None and sender is not None and may_write(sender, found):
            return Thread(found)
    return Thread(None)
