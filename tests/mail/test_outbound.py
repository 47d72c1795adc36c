"""Mail out, end to end: what a real SMTP server on loopback (aiosmtpd) receives when
the worker sends the outbox (`mail.outbound.deliver`), and what the rows say after.
Who gets which mail is tests/notifications/test_mail.py's."""

from datetime import datetime, timedelta
from email.utils import parseaddr
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from scotty.accounts.models import Person
from scotty.core.testing import Org, file_ticket, run_together
from scotty.mail.models import MailAddress
from scotty.mail.outbound.deliver import MAX_ATTEMPTS, deliver_due
from scotty.notifications import mail as notifications_mail
from scotty.notifications.mail import new_message_id, set_mail_preference
from scotty.notifications.models import MailKind, MailState, OutgoingMail
from scotty.tickets.models import Channel, EventKind, Message, Ticket, TicketEvent
from scotty.tickets.services import (
    MessagePart,
    StatusPart,
    add_reply,
    add_watcher,
    assign,
    transfer,
    transition,
    update_ticket,
)
from scotty.tickets.services.bulk import MoveTo, bulk_apply
from scotty.tickets.services.conversation import add_message
from scotty.tickets.states import Status
from tests.mail.smtp_server import Received, SmtpServer, free_port, send_mail_to
from tests.sla import give_terms

MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def fresh(ticket: Ticket) -> Ticket:
    return Ticket.objects.get(pk=ticket.pk)


def row_of(ticket: Ticket, kind: str, to: str = "rita@example.org") -> OutgoingMail:
    return OutgoingMail.objects.get(ticket=ticket, kind=kind, to_address=to)


def words(received: Received) -> str:
    """Both parts, decoded: what a reader could see of the mail."""
    return received.part("text/plain") + received.part("text/html")


@pytest.fixture
def it_address(org: Org) -> MailAddress:
    return MailAddress.objects.create(address="it-help@example.org", unit=org.it)


@pytest.mark.django_db
def test_the_requester_receives_the_acknowledgement_with_the_promise_from_the_unit(
    org: Org, smtp: SmtpServer, it_address: MailAddress
) -> None:
    give_terms(org)  # P4: first response in 1 hour, resolution in 4 (office hours, Berlin)
    with time_machine.travel(MONDAY, tick=False):
        ticket = file_ticket(org.requester, org.it)
        assert deliver_due() == 1
    [got] = smtp.to("rita@example.org")
    mail, row = got.message, row_of(ticket, MailKind.ACKNOWLEDGEMENT)
    assert mail["Subject"] == f"[{ticket.reference}] Printer on floor 3 jams"
    assert mail["From"] == "IT Service Desk <it-help@example.org>"
    assert mail["Reply-To"] == "it-help@example.org"
    assert got.mail_from == "it-help@example.org"  # bounces come back to the unit
    assert mail["Message-ID"] == f"<{row.message_id}>"
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail["X-Auto-Response-Suppress"] == "All"
    assert mail["In-Reply-To"] is None  # the first mail of the thread
    text, html = got.part("text/plain"), got.part("text/html")
    for part in (text, html):
        assert ticket.reference in part and "Printer on floor 3 jams" in part
        # The promise, with the times in Berlin (09:00 + 1 working hour).
        assert "We will reply by Monday 10:00 and aim to resolve this by Monday." in part
    assert f"http://127.0.0.1:8000/portal/requests/{ticket.reference}/" in text
    assert "Reply to this e-mail" in text and text.endswith("-- \nIT Service Desk\n")
    assert row.state == MailState.SENT and row.sent_at is not None and row.text == text


@pytest.mark.django_db
def test_mail_threads_under_the_earlier_mail_and_the_requesters_own(
    org: Org, smtp: SmtpServer, it_address: MailAddress
) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_reply(ticket, author=org.agent, body="Which model is it?", channel="desk")
    deliver_due()
    ack, answer = (r.message for r in smtp.to("rita@example.org"))
    assert answer["In-Reply-To"] == ack["Message-ID"] == answer["References"]
    assert answer["Subject"] == ack["Subject"]  # one subject: clients thread by it too
    assert answer["Auto-Submitted"] is None  # a person's words, not automatic
    # Rita answers by mail (the mail channel keeps her Message-ID on her reply).
    add_reply(fresh(ticket), author=org.requester, body="An HP M404.", channel=Channel.EMAIL,
              message_id="cafe@mail.example.org")  # fmt: skip
    add_reply(fresh(ticket), author=org.agent, body="Thanks, ordering the fuser.",
              channel="desk")  # fmt: skip
    deliver_due()
    third = smtp.to("rita@example.org")[2].message
    assert third["In-Reply-To"] == "<cafe@mail.example.org>"
    assert third["References"].split() == [ack["Message-ID"], answer["Message-ID"],
                                            "<cafe@mail.example.org>"]  # fmt: skip


@pytest.mark.django_db
def test_an_agent_gets_the_requesters_reply_and_the_requester_not_her_own(
    org: Org, smtp: SmtpServer
) -> None:
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    add_reply(fresh(ticket), author=org.requester, body="It still jams on page 2.")
    assert deliver_due() == 3  # Rita's receipt; Alex: assigned, then her reply
    assert len(smtp.to("rita@example.org")) == 1
    assigned, replied = (r.message for r in smtp.to("alex@example.org"))
    assert assigned["Subject"] == f"[{ticket.reference}] Assigned to you: Printer on floor 3 jams"
    assert replied["Subject"] == f"[{ticket.reference}] New reply: Printer on floor 3 jams"
    assert parseaddr(replied["From"])[1] == "scotty@localhost"  # IT has no address: the default
    body = smtp.to("alex@example.org")[1].part("text/plain")
    assert "Rita Requester replied" in body and "It still jams on page 2." in body
    assert reverse("desk:ticket", args=[ticket.reference]) in body and "#note" in body


@pytest.mark.django_db
def test_an_internal_note_never_reaches_the_smtp_server_by_any_path(
    org: Org, smtp: SmtpServer
) -> None:
    secret = "Manager says: stall this one"
    ticket = file_ticket(org.requester, org.it)
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    add_reply(ticket, author=org.agent, body=f"{secret} (1)", internal=True)
    add_reply(ticket, author=org.agent, body="Which model is it?", channel="desk")
    ticket = fresh(ticket)
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                  message=MessagePart(f"{secret} (2)", internal=True),
                  status=StatusPart(Status.WAITING_ON_REQUESTER))  # fmt: skip
    add_reply(fresh(ticket), author=org.requester, body="An HP M404.")
    add_message(fresh(ticket), author=org.agent, body=f"{secret} (3, #note by mail)",
                internal=True, channel=Channel.EMAIL)  # fmt: skip
    ticket = fresh(ticket)
    transfer(ticket, actor=org.agent, working_unit=org.infra, expected_version=ticket.version,
             handover=f"{secret} (4)")  # fmt: skip
    bulk_apply([ticket.reference], MoveTo(Status.RESOLVED, "Fuser replaced."),
               actor=org.infra_agent)  # fmt: skip
    # A row pointing at a note, as a broken path would write it: refused when composed.
    note = Message.objects.filter(ticket=ticket, kind="note").first()
    assert note is not None
    OutgoingMail.objects.create(kind=MailKind.REPLY, ticket=ticket, reply=note,
                                person=org.requester, to_address="rita@example.org",
                                message_id=new_message_id())  # fmt: skip
    deliver_due()
    received = smtp.received
    assert len(received) >= 6  # acknowledgement, replies, waiting, resolved ...
    for got in received:
        assert secret not in words(got) and secret not in got.raw.decode("utf-8", "replace")
    refused = OutgoingMail.objects.get(reply=note)
    assert refused.state == MailState.FAILED and "internal note" in refused.last_error


@pytest.mark.django_db
def test_a_temporary_refusal_is_tried_again_later(org: Org, smtp: SmtpServer) -> None:
    smtp.answer("rita@example.org", "451 4.3.0 Mailbox busy, try again later")
    ticket = file_ticket(org.requester, org.it)
    assert deliver_due() == 0
    row = row_of(ticket, MailKind.ACKNOWLEDGEMENT)
    assert (row.state, row.attempts) == (MailState.PENDING, 1)
    assert row.last_error.startswith("451 4.3.0 Mailbox busy")
    assert row.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert deliver_due() == 0 and smtp.received == []  # not due yet
    smtp.answer("rita@example.org", None)
    assert deliver_due(now=timezone.now() + timedelta(minutes=2)) == 1
    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == (MailState.SENT, 2, "")
    assert len(smtp.to("rita@example.org")) == 1


@pytest.mark.django_db
def test_a_mail_refused_for_a_while_is_given_up_and_told_on_the_ticket(
    org: Org, smtp: SmtpServer
) -> None:
    smtp.answer("rita@example.org", "452 4.2.2 Mailbox full")
    ticket = file_ticket(org.requester, org.it)
    later = timezone.now()
    for _ in range(MAX_ATTEMPTS):
        deliver_due(now=later)
        later += timedelta(hours=5)  # past the longest wait
    row = row_of(ticket, MailKind.ACKNOWLEDGEMENT)
    assert (row.state, row.attempts) == (MailState.FAILED, MAX_ATTEMPTS)
    assert row.last_error.startswith(f"Given up after {MAX_ATTEMPTS} attempts: 452 4.2.2")
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.MAIL_FAILED).count() == 1


@pytest.mark.django_db
def test_a_permanent_refusal_fails_at_once_and_shows_on_the_ticket(
    org: Org, smtp: SmtpServer, client_for: Any
) -> None:
    smtp.answer("rita@example.org", "550 5.1.1 No such user here")
    ticket = file_ticket(org.requester, org.it)
    add_reply(ticket, author=org.agent, body="Which model is it?", channel="desk")
    assert deliver_due() == 0
    rows = OutgoingMail.objects.filter(ticket=ticket)
    assert {(r.state, r.attempts) for r in rows} == {(MailState.FAILED, 1)}
    assert all(r.last_error == "550 5.1.1 No such user here" for r in rows)
    event = TicketEvent.objects.filter(ticket=ticket, kind=EventKind.MAIL_FAILED).first()
    assert event is not None and not event.is_public and event.old_value == "rita@example.org"
    page = client_for(org.agent).get(reverse("desk:ticket", args=[ticket.reference]))
    body = page.content.decode()
    assert "mail to rita@example.org could not be delivered (550 5.1.1 No such user here)" in body
    assert "Mail to rita@example.org failed" in body  # beside the reply it carried
    assert deliver_due(now=timezone.now() + timedelta(days=1)) == 0  # never tried again


@pytest.mark.django_db
def test_a_mail_server_that_is_not_there_is_a_temporary_failure(org: Org, settings: Any) -> None:
    send_mail_to(settings, free_port())  # nobody listens
    ticket = file_ticket(org.requester, org.it)
    assert deliver_due() == 0
    row = row_of(ticket, MailKind.ACKNOWLEDGEMENT)
    assert row.state == MailState.PENDING and "refused" in row.last_error.lower()


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_mail_once(
    org: Org, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notifications_mail, "_on_written", [])  # no wake-up: the test runs it
    for number in range(40):
        file_ticket(org.requester, org.it, title=f"Request {number}")
    results = run_together(lambda: deliver_due(batch=5), lambda: deliver_due(batch=5))
    assert all(isinstance(r, int) for r in results), results
    assert sum(results) == 40  # type: ignore[arg-type]
    ids = [r.message["Message-ID"] for r in smtp.received]
    assert len(ids) == len(set(ids)) == 40
    assert set(OutgoingMail.objects.values_list("state", "attempts")) == {(MailState.SENT, 1)}


@pytest.mark.django_db
def test_a_kind_turned_off_is_not_sent_and_the_rest_is(org: Org, smtp: SmtpServer) -> None:
    set_mail_preference(org.requester, actor=org.requester, kind=MailKind.REPLY, wanted=False)
    ticket = file_ticket(org.requester, org.it)
    add_reply(ticket, author=org.agent, body="Which model is it?", channel="desk")
    transition(fresh(ticket), actor=org.agent, to=Status.RESOLVED, resolution="New fuser.",
               expected_version=fresh(ticket).version)  # fmt: skip
    deliver_due()
    subjects = [r.part("text/plain") for r in smtp.to("rita@example.org")]
    assert len(subjects) == 2 and "Which model" not in "".join(subjects)
    resolved = subjects[1]
    assert "is resolved" in resolved and "New fuser." in resolved
    assert "Not fixed? Reply to this e-mail within 7 days" in resolved


@pytest.mark.django_db
def test_the_mail_is_in_the_recipients_language_and_time_zone(org: Org, smtp: SmtpServer) -> None:
    Person.objects.filter(pk=org.requester.pk).update(language="de")
    give_terms(org)
    with time_machine.travel(MONDAY, tick=False):
        file_ticket(Person.objects.get(pk=org.requester.pk), org.it)
        deliver_due()
    [got] = smtp.to("rita@example.org")
    # Her language's words and date formats; the time is Berlin's (09:00 + 1 working hour).
    assert "Wir antworten bis Montag, 10:00 und wollen es bis Montag lösen." in got.part(
        "text/plain"
    )
    assert '<html lang="de">' in got.part("text/html")


@pytest.mark.django_db
def test_hostile_words_are_escaped_in_the_html_part(org: Org, smtp: SmtpServer) -> None:
    ticket = file_ticket(org.requester, org.it, title='<script>alert("x")</script> & co')
    add_reply(ticket, author=org.agent, body='<img src=x onerror="alert(1)">', channel="desk")
    deliver_due()
    for got in smtp.to("rita@example.org"):
        html = got.part("text/html")
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html
    assert '<img src=x onerror="alert(1)">' in smtp.to("rita@example.org")[1].part("text/plain")


@pytest.mark.django_db
def test_mail_built_with_headers_parsed_once_is_byte_for_byte_the_standard_build(
    org: Org,
) -> None:
    """The outbox keeps parsed and folded header values for the next mail
    (`compose._HeaderClasses`, `compose._OutboxPolicy`): what goes on the wire must be
    what the standard library writes, long non-ASCII subjects and names included."""
    import email.policy
    import re

    from django.core.mail import EmailMultiAlternatives

    from scotty.mail.outbound.compose import compose_rows, message_of

    org.requester.full_name = "Jürgen Ärger-Øresund"
    org.requester.save()
    long_title = "Überweisung für die Reisekostenabrechnung " * 4
    for _ in range(2):
        file_ticket(org.requester, org.it, title=long_title.strip())
    rows = list(OutgoingMail.objects.order_by("id"))
    assert not compose_rows(rows)

    def without_date_and_boundary(raw: bytes) -> bytes:
        raw = re.sub(rb"Date: [^\r]*", b"", raw)
        return re.sub(rb"=+\d+==", b"", raw)

    for _ in range(2):  # the second time from what the first kept
        for row in rows:
            mail = message_of(row)
            ours = mail.message(policy=email.policy.SMTP).as_bytes()
            standard = EmailMultiAlternatives.message(mail, policy=email.policy.SMTP).as_bytes()
            assert without_date_and_boundary(ours) == without_date_and_boundary(standard)
            assert b"=?utf-8?" in ours  # the subject was encoded, and folded
