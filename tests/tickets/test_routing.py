"""Fair automatic assignment: in turn or to the least loaded, only agents who work that
day, never the same agent twice for two tickets filed at once; manual units assign
nothing."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from scotty.accounts.models import Absence
from scotty.catalog.models import AssignmentRule, UnitAssignment
from scotty.core.testing import Org, file_ticket, run_together
from scotty.tickets.models import Ticket, TicketEvent
from scotty.tickets.services.fields import assign, transfer
from scotty.tickets.states import Status
from tests.sla import give_terms

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=BERLIN)


def rule(org: Org, name: str, unit: object = None) -> None:
    UnitAssignment.objects.create(unit=unit or org.it, rule=name)


def filed(org: Org, when: datetime = MONDAY) -> Ticket:
    with time_machine.travel(when, tick=False):
        return file_ticket(org.requester, org.it)


@pytest.mark.django_db
def test_a_manual_unit_assigns_nothing(org: Org) -> None:
    assert filed(org).assignee is None
    rule(org, AssignmentRule.MANUAL)
    assert filed(org).assignee is None


@pytest.mark.django_db
def test_round_robin_gives_each_working_agent_a_ticket_in_turn(org: Org) -> None:
    rule(org, AssignmentRule.ROUND_ROBIN)
    people = sorted([org.agent, org.agent2, org.manager], key=lambda p: p.pk)
    got = [filed(org).assignee for _ in range(4)]
    assert got == [*people, people[0]]


@pytest.mark.django_db
def test_the_assignment_is_scottys_event_and_the_ticket_stays_new(org: Org) -> None:
    rule(org, AssignmentRule.ROUND_ROBIN)
    ticket = filed(org)
    ticket.refresh_from_db()
    assert ticket.status == Status.NEW and ticket.assignee is not None
    event = TicketEvent.objects.get(ticket=ticket, field="assignee")
    assert event.actor is None and event.new_value == str(ticket.assignee)


@pytest.mark.django_db
def test_least_loaded_picks_the_agent_with_fewest_open_tickets(org: Org) -> None:
    for agent in (org.agent, org.manager):
        busy = filed(org)
        assign(busy, actor=agent, assignee=agent, expected_version=busy.version)
    rule(org, AssignmentRule.LEAST_LOADED)
    assert filed(org).assignee == org.agent2
    # Now all three have one: the lowest id.
    assert filed(org).assignee == min([org.agent, org.agent2, org.manager], key=lambda p: p.pk)


@pytest.mark.django_db
def test_agents_away_that_day_are_passed_over(org: Org) -> None:
    rule(org, AssignmentRule.ROUND_ROBIN)
    day = MONDAY.date()
    for person in (org.agent, org.manager):
        Absence.objects.create(person=person, starts=day, ends=day, kind="holiday")
    assert {filed(org).assignee for _ in range(3)} == {org.agent2}
    Absence.objects.create(person=org.agent2, starts=day, ends=day, kind="sick")
    assert filed(org).assignee is None  # nobody works today: the queue has it


@pytest.mark.django_db
def test_a_ticket_filed_at_night_goes_to_someone_in_the_next_morning(org: Org) -> None:
    give_terms(org)  # IT on office hours
    rule(org, AssignmentRule.ROUND_ROBIN)
    tuesday = date(2026, 12, 1)
    # Monday night: Alex and Mona are away on Tuesday, Bea is not.
    for person in (org.agent, org.manager):
        Absence.objects.create(person=person, starts=tuesday, ends=tuesday, kind="training")
    night = MONDAY.replace(hour=22)
    assert filed(org, night).assignee == org.agent2


@pytest.mark.django_db
def test_a_transfer_is_assigned_by_the_receiving_units_rule(org: Org) -> None:
    rule(org, AssignmentRule.ROUND_ROBIN, unit=org.infra)
    ticket = filed(org)
    transfer(ticket, actor=org.agent, working_unit=org.infra, expected_version=ticket.version,
             handover="Server room, rack 4.")  # fmt: skip
    ticket.refresh_from_db()
    assert ticket.assignee == org.infra_agent


@pytest.mark.django_db(transaction=True)
def test_two_tickets_filed_at_once_go_to_two_agents(org: Org) -> None:
    rule(org, AssignmentRule.ROUND_ROBIN)
    results = run_together(lambda: file_ticket(org.requester, org.it),
                           lambda: file_ticket(org.other_requester, org.it))  # fmt: skip
    assert all(isinstance(r, Ticket) for r in results), results
    assignees = [Ticket.objects.get(pk=r.pk).assignee_id for r in results]  # type: ignore[union-attr]
    assert None not in assignees and len(set(assignees)) == 2


@pytest.mark.django_db
def test_absences_end_as_marked(org: Org) -> None:
    rule(org, AssignmentRule.ROUND_ROBIN)
    Absence.objects.create(person=org.agent, starts=MONDAY.date() - timedelta(days=3),
                           ends=MONDAY.date() - timedelta(days=1), kind="holiday")  # fmt: skip
    got = {filed(org).assignee for _ in range(3)}
    assert org.agent in got  # back on Monday
