"""Mail in, processed: a message opens a ticket for the unit of its address, joins the
ticket it continues (by Scotty's Message-IDs, or the reference in the subject for
someone who may write there), or is noted quietly, or goes to the quarantine with the
reason; delivered twice, it does nothing twice."""

from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from django.test import override_settings

from scotty.core.testing import Org, file_ticket
from scotty.mail.inbound.ingest import process
from scotty.mail.inbound.store import store
from scotty.mail.models import InboundMessage, InboundState, MailAddress, Source
from scotty.mail.quarantine import retry
from scotty.notifications.models import MailState, OutgoingMail
from scotty.tickets.models import Message, MessageKind, Ticket
from scotty.tickets.states import Status

IT_HELP = "it-help@example.org"
# A delivery status notification (RFC 3464) as Postfix writes them.
DSN = b"""From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
To: it-help@example.org
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-1@mx.example.org>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

I'm sorry to have to inform you that your message could not be delivered.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; gone@example.org
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown

--B
Content-Type: text/rfc822-headers

Message-ID: <ORIGINAL-ID>
Subject: [IT-1001] Printer

--B--
"""


@pytest.fixture
def addresses(org: Org) -> None:
    MailAddress.objects.create(address=IT_HELP, unit=org.it)
    MailAddress.objects.create(address="hr@example.org", unit=org.hr)


def mail(
    sender: str,
    subject: str = "Printer jams",
    body: str = "It jams on page two.",
    to: str = IT_HELP,
    **headers: str,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = headers.pop("message_id", make_msgid(domain="mail.example.org"))
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


def deliver(raw: bytes, to: str = IT_HELP) -> InboundMessage:
    stored = store(raw, source=Source.PIPE, envelope_to=[to])
    process(stored.id)
    return InboundMessage.objects.get(pk=stored.id)


def outgoing(ticket: Ticket, to: str) -> OutgoingMail:
    """A mail Scotty sent about the ticket (as the outbox keeps it)."""
    return OutgoingMail.objects.create(
        kind="reply",
        ticket=ticket,
        to_address=to,
        from_address=IT_HELP,
        subject="[x]",
        text="...",
        message_id=make_msgid(domain="scotty.example.org")[1:-1],
    )


@pytest.mark.django_db
def test_a_mail_to_a_unit_address_opens_a_ticket_there(org: Org, addresses: None) -> None:
    row = deliver(mail(org.requester.email, "VPN drops every hour", "Since Monday."))
    assert (row.state, row.outcome) == (InboundState.PROCESSED, "created")
    ticket = row.ticket
    assert ticket is not None
    assert (ticket.title, ticket.requester, ticket.owning_unit) == (
        "VPN drops every hour",
        org.requester,
        org.it,
    )
    assert ticket.channel == "email" and "Since Monday." in ticket.description


@pytest.mark.django_db
def test_the_same_message_twice_does_nothing_twice(org: Org, addresses: None) -> None:
    raw = mail(org.requester.email)
    first = deliver(raw)
    again = store(raw, source=Source.IMAP)
    assert again.duplicate and again.id == first.pk
    # The same Message-ID with other bytes (a second mailbox, a relay adding headers).
    relayed = b"Received: from relay.example.org\r\n" + raw
    assert store(relayed, source=Source.LMTP).duplicate
    assert Ticket.objects.count() == 1 and InboundMessage.objects.count() == 1


@pytest.mark.django_db
def test_without_a_message_id_the_bytes_say_it_is_the_same(org: Org, addresses: None) -> None:
    raw = b"From: rita@example.org\r\nTo: it-help@example.org\r\nSubject: x\r\n\r\nHello\r\n"
    assert not store(raw, source=Source.PIPE).duplicate
    assert store(raw, source=Source.PIPE).duplicate


@pytest.mark.django_db
def test_a_reply_to_scottys_mail_joins_its_ticket(org: Org, addresses: None) -> None:
    ticket = file_ticket(org.requester, org.it)
    sent = outgoing(ticket, org.requester.email)
    row = deliver(
        mail(
            org.requester.email,
            "Re: your request",
            "Still broken.",
            In_Reply_To=f"<{sent.message_id}>",
        )
    )
    assert (row.outcome, row.ticket) == ("replied", ticket)
    reply = Message.objects.get(ticket=ticket)
    assert reply.kind == MessageKind.REPLY and reply.body == "Still broken."
    assert reply.author == org.requester and reply.channel == "email"


@pytest.mark.django_db
def test_the_reference_in_the_subject_lets_in_only_who_may_write(org: Org, addresses: None) -> None:
    ticket = file_ticket(org.requester, org.it)
    mine = deliver(mail(org.requester.email, f"Re: [{ticket.reference}] Printer", "More."))
    assert mine.ticket == ticket
    # Otto quotes Rita's reference: he gets a ticket of his own, never into hers.
    stranger = deliver(mail(org.other_requester.email, f"Fwd: [{ticket.reference}]", "Me too"))
    assert stranger.outcome == "created" and stranger.ticket != ticket
    assert not ticket.watchers.filter(pk=org.other_requester.pk).exists()


@pytest.mark.django_db
def test_a_reply_all_from_cc_joins_and_watches(org: Org, addresses: None) -> None:
    ticket = file_ticket(org.requester, org.it)
    sent = outgoing(ticket, org.requester.email)
    row = deliver(
        mail(
            org.colleague.email,
            "Re: Printer",
            "Same on floor 4.",
            References=f"<{sent.message_id}>",
        )
    )
    assert row.ticket == ticket and row.outcome == "replied"
    assert ticket.watchers.filter(pk=org.colleague.pk).exists()


@pytest.mark.django_db
def test_a_reply_to_a_closed_ticket_opens_a_follow_up(org: Org, addresses: None) -> None:
    ticket = file_ticket(org.requester, org.it)
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.CLOSED, is_open=False)
    sent = outgoing(ticket, org.requester.email)
    row = deliver(
        mail(org.requester.email, "Re: Printer", "It is back.", In_Reply_To=f"<{sent.message_id}>")
    )
    assert row.outcome == "follow_up"
    assert row.ticket is not None and row.ticket.follow_up_of == ticket


@pytest.mark.django_db
def test_an_agent_answers_by_mail_publicly_or_with_a_note(org: Org, addresses: None) -> None:
    ticket = file_ticket(org.requester, org.it)
    sent = outgoing(ticket, org.agent.email)
    deliver(
        mail(org.agent.email, "Re: x", "Try the other tray.", In_Reply_To=f"<{sent.message_id}>")
    )
    deliver(
        mail(
            org.agent.email,
            "Re: x",
            "#note\nTray 2 is broken too.",
            In_Reply_To=f"<{sent.message_id}>",
        )
    )
    kinds = list(Message.objects.filter(ticket=ticket).order_by("id").values_list("kind", "body"))
    assert kinds == [
        (MessageKind.REPLY, "Try the other tray."),
        (MessageKind.NOTE, "Tray 2 is broken too."),
    ]


@pytest.mark.django_db
def test_an_out_of_office_reply_is_noted_quietly(org: Org, addresses: None) -> None:
    ticket = file_ticket(org.requester, org.it)
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.WAITING_ON_REQUESTER)
    sent = outgoing(ticket, org.requester.email)
    row = deliver(
        mail(
            org.requester.email,
            "Out of Office: Printer",
            "Back on Monday.",
            In_Reply_To=f"<{sent.message_id}>",
            Auto_Submitted="auto-replied",
        )
    )
    assert row.outcome == "auto_reply"
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING_ON_REQUESTER  # not reopened
    assert Message.objects.get(ticket=ticket).kind == MessageKind.NOTE


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("headers", "outcome"),
    [
        ({"Precedence": "bulk"}, "noise"),
        ({"List_Id": "<announce.lists.example.org>"}, "noise"),
    ],
)
def test_list_and_bulk_mail_opens_nothing(
    org: Org, addresses: None, headers: dict[str, str], outcome: str
) -> None:
    row = deliver(mail(org.requester.email, "Newsletter", "News.", **headers))
    assert (row.state, row.outcome) == (InboundState.QUARANTINED, outcome)
    assert row.reason and not Ticket.objects.exists()


@pytest.mark.django_db
def test_mail_from_scottys_own_address_is_a_loop(org: Org, addresses: None) -> None:
    row = deliver(mail("hr@example.org", "[HR-1001] Your request", "We received it."))
    assert (row.state, row.outcome) == (InboundState.QUARANTINED, "loop")
    assert not Ticket.objects.exists()


@pytest.mark.django_db
def test_mailer_daemon_mail_opens_nothing(org: Org, addresses: None) -> None:
    row = deliver(mail("MAILER-DAEMON@mx.example.org", "Warning: delayed", "Still trying."))
    assert row.state == InboundState.QUARANTINED and not Ticket.objects.exists()


@pytest.mark.django_db
def test_auto_generated_mail_is_filed_but_never_answered(org: Org, addresses: None) -> None:
    row = deliver(
        mail(
            org.requester.email, "Disk 90% full on fs01", "Alert.", Auto_Submitted="auto-generated"
        )
    )
    assert row.outcome == "created"
    assert not OutgoingMail.objects.filter(to_address=org.requester.email).exists()


@pytest.mark.django_db
def test_unknown_senders_are_quarantined_unless_their_domain_is_allowed(
    org: Org, addresses: None
) -> None:
    refused = deliver(mail("newcomer@partner.example.com", "Hello", "Help."))
    assert refused.outcome == "unknown_sender" and "newcomer@partner.example.com" in refused.reason
    with override_settings(SCOTTY_MAIL_ALLOWED_DOMAINS=["example.com", "partner.example.com"]):
        row = deliver(mail("Nora New <nora@partner.example.com>", "Hello", "Help."))
    assert row.outcome == "created"
    assert row.ticket is not None and row.ticket.requester.full_name == "Nora New"


@pytest.mark.django_db
def test_a_runaway_sender_stops_at_the_hourly_limit(org: Org, addresses: None) -> None:
    with override_settings(SCOTTY_MAIL_TICKETS_PER_SENDER_HOUR=3):
        outcomes = [deliver(mail(org.requester.email, f"Alert {n}")).outcome for n in range(5)]
    assert outcomes == ["created"] * 3 + ["rate_limited"] * 2
    assert Ticket.objects.count() == 3


@pytest.mark.django_db
def test_mail_to_no_scotty_address_is_quarantined(org: Org, addresses: None) -> None:
    row = deliver(mail(org.requester.email, to="someone@else.example"), to="someone@else.example")
    assert row.outcome == "no_address" and not Ticket.objects.exists()


@pytest.mark.django_db
def test_a_message_that_is_no_email_is_quarantined_and_the_next_goes_on(
    org: Org, addresses: None
) -> None:
    bad = deliver(b"\x00\x01\x02 binary noise \xff\xfe")
    assert bad.state == InboundState.QUARANTINED and bad.reason
    good = deliver(mail(org.requester.email))
    assert good.outcome == "created"
    assert bytes(InboundMessage.objects.get(pk=bad.pk).raw) == b"\x00\x01\x02 binary noise \xff\xfe"


@pytest.mark.django_db
def test_a_quarantined_message_can_be_retried(org: Org, addresses: None) -> None:
    row = deliver(mail("newcomer@partner.example.com", "Hello", "Help."))
    assert row.state == InboundState.QUARANTINED
    with override_settings(SCOTTY_MAIL_ALLOWED_DOMAINS=["partner.example.com"]):
        assert retry(org.admin, row) == "created"
    assert process(row.pk) == "done before"  # processed once
    assert Ticket.objects.count() == 1


@pytest.mark.django_db
def test_a_bounce_marks_the_mail_it_concerns_failed(org: Org, addresses: None) -> None:
    ticket = file_ticket(org.requester, org.it)
    sent = outgoing(ticket, "gone@example.org")
    raw = DSN.replace(b"ORIGINAL-ID", sent.message_id.encode())
    row = deliver(raw)
    assert (row.outcome, row.ticket) == ("bounce", ticket)
    sent.refresh_from_db()
    assert sent.state == MailState.FAILED and "User unknown" in sent.last_error
