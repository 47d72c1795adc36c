"""The ticket's SLA clocks as the services keep them: due times stored on the ticket,
paused while waiting on the requester, recomputed with the time used when the priority
changes, the working unit's OLA after a hand-off, and what was achieved stored when it
happens. A frozen clock, a Monday-Friday 09:00-17:00 Berlin calendar."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError, transaction

from scotty.catalog.models import PolicyKind, Service, SlaPolicy, SlaTarget, UnitCalendar
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.services.clocks import read_clocks
from scotty.tickets.services.conversation import add_reply
from scotty.tickets.services.fields import set_priority, transfer
from scotty.tickets.services.workflow import transition
from scotty.tickets.states import Status
from tests.sla import give_terms, office_hours, policy

BERLIN = ZoneInfo("Europe/Berlin")
H = timedelta(hours=1)
FRIDAY = datetime(2026, 11, 27, 16, 30, tzinfo=BERLIN)
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """Day 0 is Monday 30 November 2026."""
    return MONDAY.replace(hour=hour, minute=minute) + timedelta(days=day)


@pytest.fixture
def terms(org: Org) -> None:
    give_terms(org)


def filed(org: Org, when: datetime) -> Ticket:
    with time_machine.travel(when, tick=False):
        return file_ticket(org.requester, org.it)


@pytest.mark.django_db
def test_a_ticket_filed_friday_afternoon_is_due_monday(org: Org, terms: None) -> None:
    ticket = filed(org, FRIDAY)
    assert ticket.priority == 4
    assert ticket.first_response_due == at(0, 9, 30)  # 30 minutes Friday, 30 Monday
    assert ticket.resolution_due == at(0, 12, 30)
    ticket.refresh_from_db()
    assert ticket.resolution_due == at(0, 12, 30)  # stored, not only in memory


@pytest.mark.django_db
def test_the_first_public_reply_stops_the_first_response_clock(org: Org, terms: None) -> None:
    ticket = filed(org, FRIDAY)
    with time_machine.travel(at(0, 9, 15), tick=False):
        add_reply(ticket, author=org.agent, body="Looking into it.", channel="desk")
    ticket.refresh_from_db()
    assert ticket.first_response_due is None
    assert ticket.first_response_minutes == 45 and ticket.first_response_met is True
    assert ticket.resolution_due == at(0, 12, 30)  # the resolution clock runs on


@pytest.mark.django_db
def test_an_internal_note_is_no_first_response(org: Org, terms: None) -> None:
    ticket = filed(org, FRIDAY)
    with time_machine.travel(at(0, 10), tick=False):
        add_reply(ticket, author=org.agent, body="Checking the spooler.", internal=True,
                  channel="desk")  # fmt: skip
    ticket.refresh_from_db()
    assert ticket.first_response_due == at(0, 9, 30) and ticket.first_response_minutes is None


@pytest.mark.django_db
def test_waiting_on_the_requester_pauses_and_their_reply_resumes(org: Org, terms: None) -> None:
    ticket = filed(org, at(0, 9))  # due 13:00
    with time_machine.travel(at(0, 10), tick=False):
        add_reply(ticket, author=org.agent, body="Which printer?", channel="desk")
        ticket.refresh_from_db()
        transition(ticket, actor=org.agent, to=Status.WAITING_ON_REQUESTER,
                   expected_version=ticket.version)  # fmt: skip
    assert ticket.resolution_due is None  # paused: nothing due while they owe us
    with time_machine.travel(at(1, 11), tick=False):
        add_reply(ticket, author=org.requester, body="The one on floor 3.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert ticket.resolution_due == at(1, 14)  # 1 hour used on Monday, 3 left from 11:00


@pytest.mark.django_db
def test_waiting_on_a_third_party_counts_unless_the_policy_pauses(org: Org, terms: None) -> None:
    ticket = filed(org, at(0, 9))
    with time_machine.travel(at(0, 10), tick=False):
        transition(ticket, actor=org.agent, to=Status.WAITING_ON_THIRD_PARTY,
                   expected_version=ticket.version)  # fmt: skip
    assert ticket.resolution_due == at(0, 13)
    SlaPolicy.objects.filter(unit=org.it).update(pause_on_third_party=True)
    with time_machine.travel(at(0, 11), tick=False):
        set_priority(ticket, actor=org.agent, impact="low", urgency="medium",
                     expected_version=ticket.version, override=4)  # fmt: skip
        ticket.refresh_from_db()
        transition(ticket, actor=org.agent, to=Status.OPEN, expected_version=ticket.version)
        transition(ticket, actor=org.agent, to=Status.WAITING_ON_THIRD_PARTY,
                   expected_version=ticket.version)  # fmt: skip
    assert ticket.resolution_due is None


@pytest.mark.django_db
def test_a_priority_raised_mid_way_keeps_the_time_used(org: Org, terms: None) -> None:
    ticket = filed(org, at(0, 9))  # P4: 4 hours
    with time_machine.travel(at(0, 10), tick=False):
        set_priority(ticket, actor=org.agent, impact="high", urgency="high",
                     expected_version=ticket.version)  # fmt: skip
    assert ticket.priority == 1
    assert ticket.resolution_due == at(0, 11)  # P1: 2 hours, 1 of them used
    assert ticket.first_response_due is None  # P1 has no first-response target here


@pytest.mark.django_db
def test_a_hand_off_runs_the_working_units_ola_beside_the_owners_sla(org: Org, terms: None
                                                                    ) -> None:  # fmt: skip
    ticket = filed(org, at(0, 9))
    with time_machine.travel(at(0, 10), tick=False):
        transfer(ticket, actor=org.agent, working_unit=org.infra,
                 expected_version=ticket.version, handover="Spooler crashes.")  # fmt: skip
    assert ticket.ola_due == at(0, 12)  # Infra's 2 hours from the hand-off
    assert ticket.resolution_due == at(0, 13)  # the requester's promise runs on
    clocks = read_clocks(ticket, at(0, 11))
    assert clocks.ola_reading is not None and clocks.ola_reading.used == H
    assert clocks.ola_since == at(0, 10)
    with time_machine.travel(at(0, 11), tick=False):
        ticket.refresh_from_db()
        transfer(ticket, actor=org.infra_agent, working_unit=org.it,
                 expected_version=ticket.version, handover="Fixed the spooler.")  # fmt: skip
    assert ticket.ola_due is None


@pytest.mark.django_db
def test_resolving_stores_what_was_achieved_and_reopening_counts_on(org: Org, terms: None) -> None:
    ticket = filed(org, at(0, 9))
    with time_machine.travel(at(0, 14), tick=False):  # an hour late
        transition(ticket, actor=org.agent, to=Status.RESOLVED, resolution="Replaced the drum.",
                   expected_version=ticket.version)  # fmt: skip
    assert ticket.resolution_due is None
    assert ticket.resolution_minutes == 300 and ticket.resolution_met is False
    with time_machine.travel(at(1, 9), tick=False):
        add_reply(ticket, author=org.requester, body="It jams again.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert ticket.resolution_minutes is None  # not resolved any more
    assert ticket.resolution_due == at(0, 13)  # breached on Monday, still


@pytest.mark.django_db
def test_a_unit_without_a_policy_promises_nothing(org: Org) -> None:
    ticket = filed(org, at(0, 9))
    assert ticket.sla_policy_id is None
    assert (ticket.first_response_due, ticket.resolution_due, ticket.ola_due) == (None,) * 3


@pytest.mark.django_db
def test_recomputing_gives_what_the_services_kept_and_adopts_policies(org: Org) -> None:
    ticket = filed(org, at(0, 9))  # before the unit had any policy
    assert ticket.sla_policy_id is None
    calendar = office_hours("IT office")
    UnitCalendar.objects.create(unit=org.it, calendar=calendar)
    policy(org.it, PolicyKind.SLA, {4: 4}, {4: 1})
    later = filed(org, at(0, 9))
    with time_machine.travel(at(0, 10), tick=False):
        add_reply(later, author=org.agent, body="On it.", channel="desk")
    later.refresh_from_db()
    kept = {f: getattr(later, f) for f in ("resolution_due", "first_response_minutes")}
    Ticket.objects.update(resolution_due=None, first_response_minutes=None)
    out = StringIO()
    call_command("sla", "recompute", stdout=out)  # no adopting: the first keeps none
    later.refresh_from_db()
    ticket.refresh_from_db()
    assert {f: getattr(later, f) for f in kept} == kept
    assert ticket.resolution_due is None and "1 tickets changed" in out.getvalue()
    call_command("sla", "recompute", "--adopt", stdout=out)
    ticket.refresh_from_db()
    assert ticket.sla_policy_id is not None and ticket.resolution_due == at(0, 13)


@pytest.mark.django_db
def test_a_service_with_its_own_sla_is_kept_to_it(org: Org, terms: None) -> None:
    outage = Service.objects.create(unit=org.it, name="Cannot work at all",
                                    summary="Nothing works: we drop everything.")  # fmt: skip
    fast = SlaPolicy.objects.create(unit=org.it, service=outage, kind=PolicyKind.SLA,
                                    name="Cannot work")  # fmt: skip
    SlaTarget.objects.create(policy=fast, priority=4, first_response_minutes=15,
                             resolution_minutes=60)  # fmt: skip
    with time_machine.travel(at(0, 9), tick=False):
        urgent = file_ticket(org.requester, org.it, "Laptop dead", service=outage)
        usual = file_ticket(org.requester, org.it, "Mouse squeaks")
    assert urgent.sla_policy_id == fast.pk and urgent.resolution_due == at(0, 10)
    assert usual.resolution_due == at(0, 13)  # the unit's default: 4 hours
    # Handed to another owner, it follows that owner's terms (none here).
    with time_machine.travel(at(0, 9, 30), tick=False):
        transfer(urgent, actor=org.agent, working_unit=org.hr, owning_unit=org.hr,
                 expected_version=urgent.version, handover="Yours now.")  # fmt: skip
    assert urgent.sla_policy_id is None and urgent.resolution_due is None


@pytest.mark.django_db
def test_a_service_has_at_most_one_sla_and_a_unit_one_default(org: Org) -> None:
    service = Service.objects.create(unit=org.it, name="Phones", summary="Desk phones.")
    SlaPolicy.objects.create(unit=org.it, service=service, kind=PolicyKind.SLA, name="A")
    SlaPolicy.objects.create(unit=org.it, kind=PolicyKind.SLA, name="Default")  # beside it
    with pytest.raises(IntegrityError), transaction.atomic():
        SlaPolicy.objects.create(unit=org.it, service=service, kind=PolicyKind.SLA, name="B")
    with pytest.raises(IntegrityError), transaction.atomic():
        SlaPolicy.objects.create(unit=org.it, kind=PolicyKind.SLA, name="Second default")
