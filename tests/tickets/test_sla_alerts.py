"""SLA warnings and breaches: each once, at the business-time moment it falls due, to
the right people; two workers at once never double one; a worker back after downtime
catches up without a burst; the check touches only the tickets crossing a threshold."""

import os
import re
import subprocess
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection

from scotty.core.testing import Org, file_ticket, run_together
from scotty.notifications.models import Notification
from scotty.tickets.models import EventKind, SlaAlert, Ticket, TicketEvent
from scotty.tickets.services.alerts import check_sla_alerts
from scotty.tickets.services.fields import assign
from scotty.tickets.services.workflow import transition
from scotty.tickets.states import Status
from tests.core.processes import scotty
from tests.sla import give_terms

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return MONDAY.replace(hour=hour, minute=minute) + timedelta(days=day)


def filed(org: Org, when: datetime = MONDAY) -> Ticket:
    """A P4 ticket of IT: first response due 10:00 (warning 9:45), resolution due 13:00
    (warning 12:00) on Monday."""
    give_terms(org)
    with time_machine.travel(when, tick=False):
        return file_ticket(org.requester, org.it)


def alerts(ticket: Ticket) -> list[tuple[str, str]]:
    return sorted(SlaAlert.objects.filter(ticket=ticket).values_list("clock", "kind"))


def told(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("person__email", flat=True))


@pytest.mark.django_db
def test_each_warning_and_breach_comes_once_at_its_moment(org: Org) -> None:
    ticket = filed(org)
    assert ticket.sla_alert_at == at(0, 9, 45)
    assert check_sla_alerts(now=at(0, 9, 44)).touched == 0
    run = check_sla_alerts(now=at(0, 9, 46))
    assert (run.touched, run.recorded) == (1, 1)
    assert alerts(ticket) == [("first_response", "warning")]
    # Nobody has it: the unit's agents are told (its manager is one of them).
    assert told("sla_warning") == {"alex@example.org", "bea@example.org", "mona@example.org"}
    assert check_sla_alerts(now=at(0, 9, 50)).touched == 0  # the next moment is 10:00
    assert check_sla_alerts(now=at(0, 10, 1)).recorded == 1
    assert check_sla_alerts(now=at(0, 10, 2)).recorded == 0
    assert alerts(ticket) == [("first_response", "breach"), ("first_response", "warning")]
    ticket.refresh_from_db()
    assert ticket.sla_alert_at == at(0, 12)  # the resolution's warning


@pytest.mark.django_db
def test_an_assigned_ticket_warns_its_assignee_and_a_breach_its_managers_too(org: Org) -> None:
    ticket = filed(org)
    with time_machine.travel(at(0, 9, 5), tick=False):
        assign(ticket, actor=org.agent2, assignee=org.agent2, expected_version=ticket.version)
    check_sla_alerts(now=at(0, 9, 46))
    assert told("sla_warning") == {"bea@example.org"}
    check_sla_alerts(now=at(0, 10, 1))
    assert told("sla_breach") == {"bea@example.org", "mona@example.org"}


@pytest.mark.django_db
def test_the_alerts_are_recorded_on_the_timeline_for_agents_only(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = filed(org)
    check_sla_alerts(now=at(0, 10, 1))
    event = TicketEvent.objects.get(ticket=ticket, kind=EventKind.SLA_BREACHED)
    assert not event.is_public and event.actor is None
    with time_machine.travel(at(0, 10, 5), tick=False):
        desk = client_for(org.agent).get(f"/desk/tickets/{ticket.reference}/").content.decode()
        portal = client_for(org.requester).get(f"/portal/requests/{ticket.reference}/")
    assert "SLA breached: first response was due" in desk
    assert portal.status_code == 200 and b"SLA" not in portal.content


@pytest.mark.django_db
def test_a_paused_clock_does_not_warn(org: Org) -> None:
    ticket = filed(org)
    with time_machine.travel(at(0, 9, 10), tick=False):
        transition(ticket, actor=org.agent, to=Status.WAITING_ON_REQUESTER,
                   expected_version=ticket.version)  # fmt: skip
    ticket.refresh_from_db()
    # Both clocks stand still while the requester owes us an answer: nothing to come.
    assert ticket.sla_alert_at is None
    assert check_sla_alerts(now=at(0, 12, 30)).touched == 0
    assert alerts(ticket) == []


@pytest.mark.django_db
def test_after_downtime_one_alert_per_clock_and_old_ones_are_not_notified(org: Org) -> None:
    ticket = filed(org)
    run = check_sla_alerts(now=at(0, 15))  # down since Monday morning
    # Both clocks breached: their warnings are not announced any more.
    assert alerts(ticket) == [("first_response", "breach"), ("resolution", "breach")]
    assert run.notified > 0
    late = filed(org, at(0, 9, 30))
    run = check_sla_alerts(now=at(2, 15))  # two days later
    assert alerts(late) == [("first_response", "breach"), ("resolution", "breach")]
    assert run.notified == 0 and run.stale == [late.reference, late.reference]


@pytest.mark.django_db
def test_the_check_touches_only_the_tickets_crossing_a_threshold(org: Org) -> None:
    for hour in range(9, 16):
        filed(org, at(0, hour))
    run = check_sla_alerts(now=at(0, 9, 50))
    assert run.touched == 1  # the 9:00 ticket's warning; the others' moments are to come


@pytest.mark.django_db(transaction=True)
def test_two_checks_at_once_make_each_alert_once(org: Org) -> None:
    ticket = filed(org)
    results = run_together(lambda: check_sla_alerts(now=at(0, 10, 1)),
                           lambda: check_sla_alerts(now=at(0, 10, 1)))  # fmt: skip
    assert all(not isinstance(r, Exception) for r in results), results
    assert alerts(ticket) == [("first_response", "breach")]
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.SLA_BREACHED).count() == 1
    assert Notification.objects.count() == 3  # the unit's three agents, once each


@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_make_each_alert_once(org: Org, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ticket = filed(org, at(0, 9) - timedelta(days=7))  # a week ago: breached by now
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{settings['NAME']}"
    else:
        url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    env = {"DATABASE_URL": url, "SCOTTY_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "scotty.settings"}  # fmt: skip
    workers = [subprocess.Popen(scotty("sla", "alerts"), env={**os.environ, **env},
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for _ in range(2)]  # fmt: skip
    outputs = [w.communicate(timeout=120)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers), outputs
    assert alerts(ticket) == [("first_response", "breach"), ("resolution", "breach")]
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.SLA_BREACHED).count() == 2
    made = [int(re.search(r"(\d+) alerts recorded", o).group(1)) for o in outputs]  # type: ignore[union-attr]
    assert sum(made) == 2  # one process made both, or each one
