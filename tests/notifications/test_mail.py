"""Who is told what by e-mail: the outbox rows each change writes, in its transaction
(`scotty.notifications.mail`). What the mail says and how it is sent: tests/mail."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from scotty.accounts.models import Person
from scotty.core.errors import InvalidInput, NotAllowed
from scotty.core.testing import Org, file_ticket
from scotty.notifications.mail import (
    InternalNoteRefused,
    mail_for_public_reply,
    mail_preferences,
    set_mail_preference,
    write_mail,
)
from scotty.notifications.models import MailKind, OutgoingMail
from scotty.tickets.models import Channel, Message, Ticket
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
from scotty.tickets.services.alerts import check_sla_alerts
from scotty.tickets.services.bulk import MoveTo, bulk_apply
from scotty.tickets.services.calls import log_call
from scotty.tickets.services.conversation import add_message
from scotty.tickets.states import Status
from tests.sla import give_terms

pytestmark = pytest.mark.django_db


def mails(ticket: Ticket | None = None, kind: str | None = None) -> list[tuple[str, str]]:
    """(kind, address) of the outbox rows (of the ticket, of the kind), in order."""
    rows = OutgoingMail.objects.order_by("id")
    if ticket is not None:
        rows = rows.filter(ticket=ticket)
    if kind is not None:
        rows = rows.filter(kind=kind)
    return list(rows.values_list("kind", "to_address"))


def fresh(ticket: Ticket) -> Ticket:
    return Ticket.objects.get(pk=ticket.pk)


def test_a_new_request_is_acknowledged_to_its_requester_with_a_message_id_of_its_own(
    org: Org,
) -> None:
    ticket = file_ticket(org.requester, org.it)
    assert mails(ticket) == [(MailKind.ACKNOWLEDGEMENT, "rita@example.org")]
    row = OutgoingMail.objects.get(ticket=ticket)
    assert re.fullmatch(r"[0-9a-f]{32}@127\.0\.0\.1", row.message_id)  # SITE_URL's host
    assert row.automatic and row.state == "pending" and row.person == org.requester


def test_a_request_an_agent_files_for_someone_is_acknowledged_to_them(org: Org) -> None:
    ticket = log_call(actor=org.agent, requester=org.requester, unit=org.it, title="VPN",
                      description="Cannot connect.", channel=Channel.PHONE)  # fmt: skip
    # The agent took it themselves: nobody is told of the assignment.
    assert mails(ticket) == [(MailKind.ACKNOWLEDGEMENT, "rita@example.org")]


def test_an_agents_reply_goes_to_the_requester_and_the_watchers_never_to_its_author(
    org: Org,
) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    add_watcher(ticket, actor=org.agent, watcher=org.agent)  # the author watches too
    outcome = add_reply(ticket, author=org.agent, body="Which model is it?", channel="desk")
    rows = OutgoingMail.objects.filter(reply=outcome.message).order_by("id")
    assert [(r.kind, r.to_address, r.automatic) for r in rows] == [
        (MailKind.REPLY, "rita@example.org", False),  # a person's words: not automatic
        (MailKind.REPLY, "cora@example.org", False),
    ]


def test_a_requesters_reply_goes_to_the_assignee_and_the_watchers(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    outcome = add_reply(fresh(ticket), author=org.requester, body="It is an HP M404.")
    rows = OutgoingMail.objects.filter(reply=outcome.message).order_by("id")
    assert [(r.kind, r.to_address) for r in rows] == [
        (MailKind.REQUESTER_REPLIED, "alex@example.org"),
        (MailKind.REPLY, "cora@example.org"),  # Rita wrote it: not to Rita
    ]


def test_an_unassigned_tickets_requester_reply_tells_no_agent(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_reply(ticket, author=org.requester, body="Any news?")
    assert mails(ticket, MailKind.REQUESTER_REPLIED) == []


def test_assignment_tells_the_agent_unless_they_took_it_themselves(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)  # again
    assign(ticket, actor=org.agent2, assignee=org.agent2, expected_version=ticket.version)
    assign(ticket, actor=org.agent2, assignee=None, expected_version=ticket.version)
    assert mails(ticket, MailKind.ASSIGNED) == [(MailKind.ASSIGNED, "alex@example.org")]


def test_resolving_tells_the_requester_and_not_the_agent_who_resolved(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    transition(ticket, actor=org.agent, to=Status.RESOLVED, resolution="Fuser replaced.",
               expected_version=ticket.version)  # fmt: skip
    assert mails(ticket, MailKind.RESOLVED) == [(MailKind.RESOLVED, "rita@example.org")]


def test_an_agents_own_request_resolved_by_themselves_mails_them_nothing(org: Org) -> None:
    ticket = file_ticket(org.agent, org.it)
    transition(ticket, actor=org.agent, to=Status.RESOLVED, resolution="Done.",
               expected_version=ticket.version)  # fmt: skip
    assert mails(ticket) == [(MailKind.ACKNOWLEDGEMENT, "alex@example.org")]  # the receipt


def test_waiting_on_the_requester_is_one_mail_with_the_reply_of_the_same_update(
    org: Org,
) -> None:
    ticket = file_ticket(org.requester, org.it)
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                  message=MessagePart("Could you send the model number?", internal=False),
                  status=StatusPart(Status.WAITING_ON_REQUESTER))  # fmt: skip
    assert mails(ticket)[1:] == [(MailKind.REPLY, "rita@example.org")]
    ticket = fresh(ticket)
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                  status=StatusPart(Status.OPEN))  # fmt: skip
    # Without words, the status is its own mail (a note is no words for Rita).
    update_ticket(fresh(ticket), actor=org.agent, expected_version=fresh(ticket).version,
                  message=MessagePart("Asked for the model.", internal=True),
                  status=StatusPart(Status.WAITING_ON_REQUESTER))  # fmt: skip
    assert mails(ticket)[2:] == [(MailKind.WAITING_ON_YOU, "rita@example.org")]


def test_bulk_resolving_mails_each_requester_once(org: Org) -> None:
    one = file_ticket(org.requester, org.it)
    two = file_ticket(org.other_requester, org.it)
    bulk_apply([one.reference, two.reference], MoveTo(Status.RESOLVED, "Printer fixed."),
               actor=org.agent)  # fmt: skip
    assert mails(kind=MailKind.RESOLVED) == [
        (MailKind.RESOLVED, "rita@example.org"),
        (MailKind.RESOLVED, "otto@example.org"),
    ]


def test_an_internal_note_is_never_written_to_the_outbox_by_any_path(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    assign(ticket, actor=org.agent, assignee=org.agent2, expected_version=ticket.version)
    secret = "NOTE: the requester's manager asked us to wait"
    add_reply(ticket, author=org.agent, body=secret + " (reply form)", internal=True)
    ticket = fresh(ticket)
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                  message=MessagePart(secret + " (with a status)", internal=True),
                  status=StatusPart(Status.WAITING_ON_REQUESTER))  # fmt: skip
    ticket = fresh(ticket)
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                  message=MessagePart(secret + " (alone)", internal=True))  # fmt: skip
    ticket = fresh(ticket)
    transfer(ticket, actor=org.agent, working_unit=org.infra, expected_version=ticket.version,
             handover=secret + " (handover)")  # fmt: skip
    add_message(fresh(ticket), author=org.infra_agent, body=secret + " (e-mail #note)",
                internal=True, channel=Channel.EMAIL)  # fmt: skip
    bulk_apply([ticket.reference], MoveTo(Status.RESOLVED, "Done."), actor=org.infra_agent)
    notes = Message.objects.filter(ticket=ticket, kind="note")
    assert notes.count() == 5
    assert not OutgoingMail.objects.filter(reply__in=notes).exists()
    assert not OutgoingMail.objects.filter(reply__kind="note").exists()


def test_the_outbox_writer_refuses_a_note_whoever_calls_it(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    note = add_reply(ticket, author=org.agent, body="Internal.", internal=True).message
    assert note is not None
    before = OutgoingMail.objects.count()
    with pytest.raises(InternalNoteRefused):
        write_mail(MailKind.REPLY, ticket, [org.requester], author=org.agent, reply=note)
    with pytest.raises(InternalNoteRefused):
        mail_for_public_reply(note)
    assert OutgoingMail.objects.count() == before


def test_a_kind_turned_off_is_not_written_and_the_others_still_are(org: Org) -> None:
    set_mail_preference(org.requester, actor=org.requester, kind=MailKind.REPLY, wanted=False)
    ticket = file_ticket(org.requester, org.it)
    add_reply(ticket, author=org.agent, body="Which model?", channel="desk")
    assert mails(ticket) == [(MailKind.ACKNOWLEDGEMENT, "rita@example.org")]
    set_mail_preference(org.requester, actor=org.requester, kind=MailKind.REPLY, wanted=True)
    add_reply(ticket, author=org.agent, body="And the serial?", channel="desk")
    assert mails(ticket)[-1] == (MailKind.REPLY, "rita@example.org")


def test_preferences_are_each_persons_own_and_requesters_choose_requester_mail(
    org: Org,
) -> None:
    assert mail_preferences(org.requester) == dict.fromkeys(
        [MailKind.ACKNOWLEDGEMENT, MailKind.REPLY, MailKind.WAITING_ON_YOU,
         MailKind.WAITING_REMINDER, MailKind.RESOLVED],
        True,
    )  # fmt: skip
    assert set(mail_preferences(org.agent)) >= {MailKind.ASSIGNED, MailKind.SLA_BREACH}
    with pytest.raises(NotAllowed):
        set_mail_preference(org.requester, actor=org.agent, kind=MailKind.REPLY, wanted=False)
    with pytest.raises(InvalidInput):
        set_mail_preference(org.requester, actor=org.requester, kind=MailKind.ASSIGNED,
                            wanted=False)  # fmt: skip
    set_mail_preference(org.agent, actor=org.agent, kind=MailKind.ASSIGNED, wanted=False)
    assert mail_preferences(org.agent)[MailKind.ASSIGNED] is False


def test_nobody_inactive_is_mailed(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    Person.objects.filter(pk=org.colleague.pk).update(is_active=False)
    add_reply(fresh(ticket), author=org.agent, body="Which model?", channel="desk")
    assert mails(ticket, MailKind.REPLY) == [(MailKind.REPLY, "rita@example.org")]


def test_an_sla_breach_is_mailed_to_the_people_the_bell_tells(org: Org) -> None:
    give_terms(org)
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    with time_machine.travel(monday, tick=False):
        ticket = file_ticket(org.requester, org.it)
        assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    check_sla_alerts(now=monday + timedelta(minutes=50))  # the first response's warning
    check_sla_alerts(now=monday + timedelta(hours=1, minutes=1))  # ... and its breach
    assert mails(ticket, MailKind.SLA_WARNING) == [(MailKind.SLA_WARNING, "alex@example.org")]
    breaches = OutgoingMail.objects.filter(ticket=ticket, kind=MailKind.SLA_BREACH)
    # At a breach the unit's manager is told as well.
    assert sorted(breaches.values_list("to_address", flat=True)) == [
        "alex@example.org", "mona@example.org"]  # fmt: skip
    assert {(r.clock, r.due) for r in breaches} == {("first_response", ticket.first_response_due)}


def test_a_change_that_is_refused_writes_no_mail(org: Org) -> None:
    """The outbox rows are written in the change's transaction: a stale update (another
    agent changed the ticket meanwhile) is refused whole, its mail with it."""
    from scotty.core.errors import Conflict

    ticket = file_ticket(org.requester, org.it)
    ticket = assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    before = mails(ticket)
    with pytest.raises(Conflict):
        update_ticket(ticket, actor=org.agent, expected_version=ticket.version - 1,
                      message=MessagePart("The new toner is on your desk.", internal=False),
                      status=StatusPart(Status.RESOLVED, resolution="Toner replaced."))  # fmt: skip
    assert mails(ticket) == before
    assert not Message.objects.filter(ticket=ticket, body__contains="toner").exists()
