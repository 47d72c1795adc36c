"""Reminders to a requester the desk waits on: after the delay, again after as long, at
most the configured number of times a wait, never once they answered."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from scotty.core.testing import Org, file_ticket
from scotty.mail.outbound.deliver import deliver_due
from scotty.notifications import reminders
from scotty.notifications.mail import set_mail_preference
from scotty.notifications.models import MailKind, MailState, OutgoingMail
from scotty.notifications.reminders import remind_waiting
from scotty.tickets.models import Ticket
from scotty.tickets.services import add_reply, assign, transition
from scotty.tickets.states import Status
from tests.mail.smtp_server import SmtpServer

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # a Monday


def waiting_ticket(org: Org, title: str = "Scanner offline") -> Ticket:
    ticket = file_ticket(org.requester, org.it, title=title)
    ticket = assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    return transition(ticket, actor=org.agent, to=Status.WAITING_ON_REQUESTER,
                      expected_version=ticket.version)  # fmt: skip


def reminders_of(ticket: Ticket) -> int:
    return OutgoingMail.objects.filter(ticket=ticket, kind=MailKind.WAITING_REMINDER).count()


def remind_at(moment: datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return remind_waiting()


@pytest.mark.django_db
def test_the_requester_is_reminded_after_the_delay_and_again_at_most_twice(
    org: Org, settings: Any
) -> None:
    settings.SCOTTY_WAITING_REMINDER_DAYS, settings.SCOTTY_WAITING_REMINDERS = 3, 2
    with time_machine.travel(START, tick=False):
        ticket = waiting_ticket(org)
    assert remind_at(START + timedelta(days=2, hours=23)) == 0  # not yet
    assert remind_at(START + timedelta(days=3)) == 1
    assert remind_at(START + timedelta(days=3, hours=1)) == 0  # the next hour: once
    assert remind_at(START + timedelta(days=5, hours=23)) == 0  # three days after the first
    assert remind_at(START + timedelta(days=6)) == 1
    assert remind_at(START + timedelta(days=30)) == 0  # then it is the assignee's call
    assert reminders_of(ticket) == 2
    [row, _] = OutgoingMail.objects.filter(ticket=ticket, kind=MailKind.WAITING_REMINDER)
    assert row.to_address == org.requester.email and row.automatic


@pytest.mark.django_db
def test_an_answer_ends_the_wait_and_a_new_wait_counts_afresh(org: Org, settings: Any) -> None:
    settings.SCOTTY_WAITING_REMINDER_DAYS, settings.SCOTTY_WAITING_REMINDERS = 3, 1
    with time_machine.travel(START, tick=False):
        ticket = waiting_ticket(org)
    assert remind_at(START + timedelta(days=3)) == 1
    with time_machine.travel(START + timedelta(days=4), tick=False):
        add_reply(ticket, author=org.requester, body="Here is the serial number: X123.")
        ticket = Ticket.objects.get(pk=ticket.pk)
        assert ticket.status == Status.OPEN  # their answer moved it on
    assert remind_at(START + timedelta(days=10)) == 0  # not waiting: nothing to remind
    with time_machine.travel(START + timedelta(days=11), tick=False):
        transition(ticket, actor=org.agent, to=Status.WAITING_ON_REQUESTER,
                   expected_version=ticket.version)  # fmt: skip
    assert remind_at(START + timedelta(days=13)) == 0
    assert remind_at(START + timedelta(days=14)) == 1  # this wait's own first reminder
    assert reminders_of(ticket) == 2


@pytest.mark.django_db
def test_a_requester_who_turned_reminders_off_gets_none_and_holds_up_nobody(
    org: Org, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.SCOTTY_WAITING_REMINDER_DAYS = 3
    monkeypatch.setattr(reminders, "BATCH", 1)  # one reminder a run: the order matters
    set_mail_preference(org.requester, actor=org.requester, kind=MailKind.WAITING_REMINDER,
                        wanted=False)  # fmt: skip
    with time_machine.travel(START, tick=False):
        hers = waiting_ticket(org)  # the oldest wait
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        other = file_ticket(org.colleague, org.it, title="Badge broken")
        other = assign(other, actor=org.manager, assignee=org.agent,
                       expected_version=other.version)  # fmt: skip
        transition(other, actor=org.agent, to=Status.WAITING_ON_REQUESTER,
                   expected_version=other.version)  # fmt: skip
    assert remind_at(START + timedelta(days=4)) == 1
    assert reminders_of(hers) == 0 and reminders_of(other) == 1


@pytest.mark.django_db
def test_reminders_are_off_when_the_delay_is_zero(org: Org, settings: Any) -> None:
    settings.SCOTTY_WAITING_REMINDER_DAYS = 0
    with time_machine.travel(START, tick=False):
        waiting_ticket(org)
    assert remind_at(START + timedelta(days=100)) == 0


@pytest.mark.django_db
def test_the_reminder_mail_says_since_when_and_threads_with_the_request(
    org: Org, settings: Any, smtp: SmtpServer
) -> None:
    settings.SCOTTY_WAITING_REMINDER_DAYS = 3
    with time_machine.travel(START, tick=False):
        ticket = waiting_ticket(org, title="Scanner on floor 2 offline")
        deliver_due()
    with time_machine.travel(START + timedelta(days=3), tick=False):
        assert remind_waiting() == 1
        deliver_due()
    mails = smtp.to(org.requester.email)
    reminder = mails[-1]
    text = reminder.part("text/plain")
    assert "still waiting on you" in text and ticket.reference in text
    assert "Mon 2 Mar 2026, 09:00" in text  # since when, in her time zone
    assert reminder.message["Subject"] == f"[{ticket.reference}] Scanner on floor 2 offline"
    assert reminder.message["Auto-Submitted"] == "auto-generated"
    first = mails[0].message["Message-ID"]
    assert first in reminder.message["References"]  # her client threads it with the rest
    row = OutgoingMail.objects.get(ticket=ticket, kind=MailKind.WAITING_REMINDER)
    assert row.state == MailState.SENT
