"""Mail loops, played out: Scotty's mail goes to a real SMTP server on loopback, and what
the other side would answer comes back through the one way in (store, then process).
Whatever the other side does, the conversation stops, within the rate limits.

The other sides: an automatic responder that ignores every rule (no Auto-Submitted, a
fresh subject each time, no threading headers), two such responders answering each
other through a ticket (a requester's and an agent's), and a second Scotty (which marks
its own mail as automatic, as Scotty does)."""

from collections.abc import Callable
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

import pytest

from scotty.core.testing import Org, file_ticket
from scotty.mail.inbound.ingest import process
from scotty.mail.inbound.store import store
from scotty.mail.models import InboundMessage, MailAddress
from scotty.mail.outbound.deliver import deliver_due
from scotty.tickets.models import Message, Ticket
from scotty.tickets.services import assign
from tests.mail.smtp_server import Received, SmtpServer

IT_HELP = "it-help@example.org"
Responder = Callable[[Received], bytes | None]


@pytest.fixture
def it_help(org: Org) -> MailAddress:
    return MailAddress.objects.create(address=IT_HELP, unit=org.it)


def converse(smtp: SmtpServer, responders: dict[str, Responder], rounds: int = 80) -> int:
    """Send what Scotty has to send; let each addressee's responder answer; take the
    answers in. Returns the rounds it took to fall quiet (fails if it never does)."""
    seen = 0
    for round_number in range(rounds):
        deliver_due()
        received = smtp.received
        new, seen = received[seen:], len(received)
        if not new:
            return round_number
        for got in new:
            for address in got.rcpt_tos:
                respond = responders.get(address)
                answer = respond(got) if respond else None
                if answer is not None:
                    process(store(answer, source="pipe", envelope_to=[IT_HELP]).id)
    raise AssertionError(f"still talking after {rounds} rounds")


def answer(got: Received, sender: str, *, subject: str | None = None, thread: bool = True,
           headers: dict[str, str] | None = None) -> bytes:  # fmt: skip
    """A mail from `sender` answering `got`: threaded ("Re:", In-Reply-To) or not."""
    original = got.message
    mail = EmailMessage()
    mail["From"], mail["To"] = sender, str(original["Reply-To"] or original["From"])
    mail["Subject"] = subject if subject is not None else f"Re: {original['Subject']}"
    mail["Message-ID"] = make_msgid(domain="elsewhere.example.org")
    if thread:
        mail["In-Reply-To"] = mail["References"] = str(original["Message-ID"])
    for name, value in (headers or {}).items():
        mail[name] = value
    mail.set_content("Thank you for your message. I will read it as soon as I can.")
    return mail.as_bytes()


@pytest.mark.django_db
def test_a_responder_that_ignores_every_rule_stops_at_the_new_ticket_limit(
    org: Org, it_help: MailAddress, smtp: SmtpServer, settings: Any
) -> None:
    settings.SCOTTY_MAIL_TICKETS_PER_SENDER_HOUR = 10
    counter = iter(range(1_000))

    def careless(got: Received) -> bytes:  # a new subject, no threading: a new ticket
        return answer(got, org.requester.email, subject=f"Auto {next(counter)}", thread=False)

    file_ticket(org.requester, org.it, title="Monitor flickers")  # its acknowledgement starts it
    rounds = converse(smtp, {org.requester.email: careless})
    assert rounds <= 12
    tickets = Ticket.objects.filter(requester=org.requester).count()
    assert tickets == 1 + 10  # the first, then ten from the responder; the rest held
    assert len(smtp.to(org.requester.email)) == tickets  # one acknowledgement each
    held = InboundMessage.objects.filter(outcome="rate_limited")
    assert held.count() == 1 and "too many tickets" in held.get().reason  # kept, not lost


@pytest.mark.django_db
def test_two_responders_answering_each_other_through_a_ticket_stop_at_the_reply_limit(
    org: Org, it_help: MailAddress, smtp: SmtpServer, settings: Any
) -> None:
    """A requester's and an agent's mailboxes, both answering every mail, threaded: the
    requester's answer is mailed to the agent, the agent's answer is a public reply
    mailed to the requester, and so on, until the reply limit holds one of them."""
    settings.SCOTTY_MAIL_REPLIES_PER_SENDER_HOUR = 5
    ticket = file_ticket(org.requester, org.it, title="Printer offline")
    assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    rounds = converse(smtp, {
        org.requester.email: lambda got: answer(got, org.requester.email),
        org.agent.email: lambda got: answer(got, org.agent.email),
    })  # fmt: skip
    assert rounds <= 15
    by_mail = Message.objects.filter(ticket=ticket, channel="email")
    assert by_mail.filter(author=org.requester).count() == 5
    assert by_mail.filter(author=org.agent).count() <= 5
    assert Ticket.objects.count() == 1  # every answer joined the ticket
    held = InboundMessage.objects.filter(outcome="rate_limited")
    assert 1 <= held.count() <= 2  # what came once a limit was reached: kept, not lost
    assert all("too many replies" in row.reason for row in held)


@pytest.mark.django_db
def test_a_second_scotty_marks_its_mail_automatic_so_the_exchange_ends_at_once(
    org: Org, it_help: MailAddress, smtp: SmtpServer
) -> None:
    """The other desk (its address a requester here) acknowledges what it receives, as
    Scotty does, with Auto-Submitted: auto-generated; Scotty files that as a ticket and
    never answers it (RFC 3834), so nothing goes back."""
    other_desk = "service-desk@elsewhere.example.org"
    org.requester.email = other_desk
    org.requester.save()

    def desk(got: Received) -> bytes:
        return answer(got, other_desk, subject=f"[SD-{got.message['Message-ID'][1:7]}] Received",
                      headers={"Auto-Submitted": "auto-generated"})  # fmt: skip

    file_ticket(org.requester, org.it, title="Please update the shared contact")
    rounds = converse(smtp, {other_desk: desk})
    assert rounds == 1  # our acknowledgement, its acknowledgement, and silence
    assert len(smtp.to(other_desk)) == 1
