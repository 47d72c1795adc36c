"""One change to many tickets: each through its own service, refusals collected."""

import pytest

from scotty.core.errors import InvalidInput
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket, TicketEvent
from scotty.tickets.services import assign, set_tags, transition
from scotty.tickets.services.bulk import (
    MAX_BULK,
    NOT_FOUND,
    AddTags,
    AssignTo,
    MoveTo,
    RemoveTags,
    SetPriority,
    Take,
    TransferTo,
    bulk_apply,
)
from scotty.tickets.states import CLOSED_IS_FINAL, Status


def fresh(ticket: Ticket) -> Ticket:
    return Ticket.objects.get(pk=ticket.pk)


def close(org: Org, ticket: Ticket) -> Ticket:
    transition(ticket, actor=org.agent, to=Status.RESOLVED, resolution="Fixed.",
               expected_version=ticket.version)  # fmt: skip
    return transition(ticket, actor=org.agent, to=Status.CLOSED, expected_version=ticket.version)


@pytest.fixture
def three(org: Org) -> list[Ticket]:
    return [file_ticket(org.requester, org.it, title=f"Printer {i}") for i in range(3)]


def test_take_assigns_each_ticket_to_me_with_its_own_events(org: Org, three: list[Ticket]) -> None:
    outcome = bulk_apply([t.reference for t in three], Take(), actor=org.agent)
    assert outcome.changed == [t.reference for t in three] and not outcome.refused
    for ticket in three:
        row = fresh(ticket)
        assert (row.assignee_id, row.status, row.updated_by_id) == (
            org.agent.pk, Status.OPEN, org.agent.pk,
        )  # fmt: skip
        fields = set(TicketEvent.objects.filter(ticket=ticket).values_list("field", flat=True))
        assert {"assignee", "status"} <= fields  # what a take on the ticket page records


def test_a_closed_ticket_and_a_stranger_are_refused_and_the_rest_go_ahead(
    org: Org, three: list[Ticket]
) -> None:
    closed = close(org, file_ticket(org.requester, org.it, title="Done"))
    hr = file_ticket(org.requester, org.hr, title="Payslip")
    wanted = [three[0].reference, closed.reference, hr.reference, "IT-99999", three[1].reference]
    outcome = bulk_apply(wanted, SetPriority(2), actor=org.agent)
    assert outcome.changed == [three[0].reference, three[1].reference]
    assert outcome.refused == {
        CLOSED_IS_FINAL: [closed.reference],
        # Another unit's ticket reads exactly like one that does not exist.
        NOT_FOUND: [hr.reference, "IT-99999"],
    }
    assert fresh(three[0]).priority == 2 and fresh(three[0]).priority_overridden
    assert fresh(hr).priority == hr.priority and fresh(closed).version == closed.version


def test_bulk_uses_each_tickets_current_version_not_the_pages(
    org: Org, three: list[Ticket]
) -> None:
    ticket = three[0]
    set_tags(ticket, actor=org.agent2, names=["vpn"], expected_version=ticket.version)
    outcome = bulk_apply([ticket.reference], AddTags(("printer",)), actor=org.agent)
    assert outcome.changed == [ticket.reference]
    assert sorted(fresh(ticket).tags.values_list("name", flat=True)) == ["printer", "vpn"]
    outcome = bulk_apply([ticket.reference], RemoveTags(("VPN",)), actor=org.agent)
    assert list(fresh(ticket).tags.values_list("name", flat=True)) == ["printer"]


def test_status_moves_follow_the_state_machine_and_its_guards(
    org: Org, three: list[Ticket]
) -> None:
    waiting = three[2]
    transition(waiting, actor=org.agent, to=Status.WAITING_ON_REQUESTER,
               expected_version=waiting.version)  # fmt: skip
    refs = [t.reference for t in three]
    outcome = bulk_apply(refs, MoveTo(Status.WAITING_ON_REQUESTER), actor=org.agent)
    assert outcome.changed == refs[:2] and outcome.unchanged == [waiting.reference]
    outcome = bulk_apply(refs, MoveTo(Status.RESOLVED), actor=org.agent)
    assert outcome.changed == [] and len(outcome.refused) == 1  # no resolution given
    (reason,) = outcome.refused
    assert "resolution" in reason.lower() and outcome.refused[reason] == refs
    outcome = bulk_apply(refs, MoveTo(Status.RESOLVED, "Replaced the fuser."), actor=org.agent)
    assert outcome.changed == refs
    assert {fresh(t).resolution for t in three} == {"Replaced the fuser."}
    outcome = bulk_apply(refs[:1], MoveTo(Status.WAITING_ON_THIRD_PARTY), actor=org.agent)
    assert list(outcome.refused.values()) == [refs[:1]]  # resolved cannot wait


def test_assign_and_transfer_through_their_services(org: Org, three: list[Ticket]) -> None:
    refs = [t.reference for t in three]
    outcome = bulk_apply(refs[:2], AssignTo(org.infra_agent), actor=org.agent)
    assert outcome.changed == [] and list(outcome.refused) == [
        "Ian Infra is not an agent of IT Service Desk."
    ]
    assert bulk_apply(refs[:2], AssignTo(org.agent2), actor=org.agent).changed == refs[:2]
    outcome = bulk_apply(refs, TransferTo(org.infra), actor=org.agent)
    assert outcome.changed == refs
    assert {(fresh(t).working_unit_id, fresh(t).assignee_id) for t in three} == {
        (org.infra.pk, None)
    }
    # Handed off, still owned by IT: Alex may still work them.
    assert bulk_apply(refs, AssignTo(None), actor=org.agent).unchanged == refs


def test_doing_it_twice_changes_nothing_the_second_time(org: Org, three: list[Ticket]) -> None:
    refs = [t.reference for t in three]
    bulk_apply(refs, Take(), actor=org.agent)
    events = TicketEvent.objects.count()
    outcome = bulk_apply([r.lower() for r in refs] + refs, Take(), actor=org.agent)
    assert outcome.unchanged == refs and TicketEvent.objects.count() == events


def test_a_requester_can_change_nothing_even_their_own_tickets(
    org: Org, three: list[Ticket]
) -> None:
    outcome = bulk_apply([t.reference for t in three], Take(), actor=org.requester)
    assert outcome.refused == {NOT_FOUND: [t.reference for t in three]}
    assert all(fresh(t).assignee_id is None for t in three)


def test_too_many_or_an_unknown_priority_is_refused_before_anything_changes(
    org: Org, three: list[Ticket]
) -> None:
    with pytest.raises(InvalidInput):
        bulk_apply([f"IT-{n}" for n in range(MAX_BULK + 1)], Take(), actor=org.agent)
    with pytest.raises(InvalidInput):
        bulk_apply([three[0].reference], SetPriority(9), actor=org.agent)
    assert fresh(three[0]).version == three[0].version


def test_an_assignee_who_left_the_unit_is_refused_per_ticket(org: Org, three: list[Ticket]) -> None:
    assign(three[0], actor=org.agent, assignee=org.agent2, expected_version=three[0].version)
    org.agent2.is_active = False
    org.agent2.save(update_fields=["is_active"])
    outcome = bulk_apply([three[1].reference], AssignTo(org.agent2), actor=org.agent)
    assert outcome.changed == [] and list(outcome.refused.values()) == [[three[1].reference]]
