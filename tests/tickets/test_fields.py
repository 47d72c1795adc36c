import pytest

from scotty.core.errors import InvalidInput, NotAllowed
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.priority import Priority
from scotty.tickets.services import (
    add_watcher,
    assign,
    remove_watcher,
    retitle,
    set_next_step,
    set_priority,
    set_tags,
    transfer,
)
from scotty.tickets.states import Status


def test_assigning_a_new_ticket_opens_it_and_records_both_changes(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.agent, assignee=org.agent2, expected_version=ticket.version)
    fresh = Ticket.objects.get()
    assert fresh.assignee == org.agent2 and fresh.status == Status.OPEN and fresh.version == 2
    changed = dict(
        fresh.events.filter(field__in=["assignee", "status"]).values_list("field", "new_value")
    )
    assert changed == {"assignee": "Bea Second", "status": "open"}


def test_only_agents_of_the_working_unit_can_be_assigned(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    for person in (org.hr_agent, org.requester):
        with pytest.raises(InvalidInput, match="not an agent of IT Service Desk"):
            assign(ticket, actor=org.agent, assignee=person, expected_version=ticket.version)
    assert Ticket.objects.get().assignee is None


def test_priority_follows_the_matrix_unless_overridden(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    set_priority(
        ticket, actor=org.agent, impact="medium", urgency="high", expected_version=ticket.version
    )
    assert ticket.priority == Priority.HIGH and not ticket.priority_overridden
    set_priority(ticket, actor=org.agent, impact="medium", urgency="high", override=1,
                 expected_version=ticket.version)  # fmt: skip
    assert Ticket.objects.get().priority == Priority.CRITICAL
    assert Ticket.objects.get().priority_overridden
    with pytest.raises(InvalidInput):
        set_priority(
            ticket, actor=org.agent, impact="huge", urgency="high", expected_version=ticket.version
        )
    with pytest.raises(InvalidInput):
        set_priority(ticket, actor=org.agent, impact="low", urgency="low", override=9,
                     expected_version=ticket.version)  # fmt: skip


def test_a_next_step_needs_an_owner_and_fits_in_500_characters(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    with pytest.raises(InvalidInput, match="who does"):
        set_next_step(ticket, actor=org.agent, text="Call back", owner="", shared=True,
                      expected_version=ticket.version)  # fmt: skip
    with pytest.raises(InvalidInput, match="limit is 500"):
        set_next_step(ticket, actor=org.agent, text="x" * 501, owner="desk", shared=True,
                      expected_version=ticket.version)  # fmt: skip
    set_next_step(ticket, actor=org.agent, text="Send a loan laptop", owner="desk", shared=True,
                  expected_version=ticket.version)  # fmt: skip
    assert Ticket.objects.get().next_step == "Send a loan laptop"


def test_transfer_clears_an_assignee_who_does_not_work_for_the_new_unit(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)
    transfer(ticket, actor=org.agent, working_unit=org.infra, expected_version=ticket.version)
    fresh = Ticket.objects.get()
    assert (
        fresh.assignee is None and fresh.working_unit == org.infra and fresh.owning_unit == org.it
    )


def test_tags_are_cleaned_and_bad_tags_change_nothing(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    set_tags(
        ticket,
        actor=org.agent,
        names=["Printer", "floor-3", "printer"],
        expected_version=ticket.version,
    )
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["floor-3", "printer"]
    for bad in (["<script>"], ["a b"], [f"t{i}" for i in range(21)]):
        with pytest.raises(InvalidInput):
            set_tags(ticket, actor=org.agent, names=bad, expected_version=ticket.version)
    assert ticket.tags.count() == 2
    with pytest.raises(NotAllowed):
        set_tags(ticket, actor=org.requester, names=["mine"], expected_version=ticket.version)


def test_watchers_are_added_once_and_removed(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    assert list(ticket.watchers.all()) == [org.colleague]
    remove_watcher(ticket, actor=org.agent, watcher=org.colleague)
    assert ticket.watchers.count() == 0
    assert ticket.events.filter(field="watchers").count() == 2


def test_retitle_is_for_agents_and_refuses_an_empty_title(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    with pytest.raises(InvalidInput):
        retitle(ticket, actor=org.agent, title="  ", expected_version=ticket.version)
    with pytest.raises(NotAllowed):
        retitle(ticket, actor=org.requester, title="Mine now", expected_version=ticket.version)
    retitle(
        ticket,
        actor=org.agent,
        title="Printer HP-3 jams on duplex",
        expected_version=ticket.version,
    )
    assert Ticket.objects.get().title == "Printer HP-3 jams on duplex"


def test_the_database_refuses_to_rewrite_history(org: Org) -> None:
    from django.db import DatabaseError, transaction

    from scotty.tickets.models import TicketEvent

    ticket = file_ticket(org.requester, org.it)
    event = ticket.events.get()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        TicketEvent.objects.filter(pk=event.pk).update(actor=org.other_requester)
    assert TicketEvent.objects.get(pk=event.pk).actor == org.requester
