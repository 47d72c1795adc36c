"""Who works for a unit: its managers (and administrators) decide, and a unit always
keeps a manager (accounts.services add_member, change_member_role, remove_member)."""

import pytest

from scotty.accounts.models import UnitMembership, UnitRole
from scotty.accounts.selectors import is_agent, is_manager_of, unit_members
from scotty.accounts.services import (
    add_member,
    change_member_role,
    join_unit,
    remove_member,
)
from scotty.core.errors import InvalidInput, NotAllowed
from scotty.core.testing import Org, file_ticket, run_together
from scotty.tickets.services import assign, transition


def roles(org: Org) -> dict[str, str]:
    return dict(UnitMembership.objects.filter(unit=org.it).values_list("person__full_name", "role"))


def test_a_manager_adds_promotes_and_removes_people(org: Org) -> None:
    add_member(org.it, actor=org.manager, person=org.colleague, role=UnitRole.AGENT)
    assert is_agent(org.colleague)  # an agent at once: the cached memberships are dropped
    change_member_role(org.it, actor=org.manager, person=org.colleague, role=UnitRole.MANAGER)
    assert roles(org)["Cora Colleague"] == UnitRole.MANAGER
    remove_member(org.it, actor=org.manager, person=org.colleague)
    assert "Cora Colleague" not in roles(org)
    # An administrator may do the same for any unit, without working for it.
    add_member(org.hr, actor=org.admin, person=org.colleague, role=UnitRole.MANAGER)
    assert is_manager_of(org.colleague, org.hr)


@pytest.mark.parametrize("who", ["agent", "agent2", "hr_agent", "requester"])
def test_only_the_units_managers_and_administrators_change_its_people(org: Org, who: str) -> None:
    actor = getattr(org, who)
    before = roles(org)
    with pytest.raises(NotAllowed, match="Only managers of IT Service Desk"):
        add_member(org.it, actor=actor, person=org.colleague, role=UnitRole.AGENT)
    with pytest.raises(NotAllowed):
        change_member_role(org.it, actor=actor, person=org.agent2, role=UnitRole.MANAGER)
    with pytest.raises(NotAllowed):
        remove_member(org.it, actor=actor, person=org.agent2)
    # A manager of one unit is nobody in another.
    with pytest.raises(NotAllowed):
        add_member(org.hr, actor=org.manager, person=org.colleague, role=UnitRole.AGENT)
    assert roles(org) == before


def test_bad_requests_are_refused_with_a_reason(org: Org) -> None:
    org.other_requester.is_active = False
    org.other_requester.save()
    cases = [
        (lambda: add_member(org.it, actor=org.manager, person=org.agent2, role="agent"),
         "Bea Second is already an agent of IT Service Desk."),
        (lambda: add_member(org.it, actor=org.manager, person=org.colleague, role="boss"),
         "Choose agent or manager."),
        (lambda: add_member(org.it, actor=org.manager, person=org.other_requester),
         "Otto Other no longer has an account."),
        (lambda: change_member_role(org.it, actor=org.manager, person=org.hr_agent,
                                    role="manager"), "Hana HR does not work for IT Service Desk."),
        (lambda: remove_member(org.it, actor=org.manager, person=org.requester),
         "Rita Requester does not work for IT Service Desk."),
    ]  # fmt: skip
    for attempt, message in cases:
        with pytest.raises(InvalidInput) as refused:
            attempt()
        assert refused.value.message == message


def test_the_last_manager_stays_whoever_tries(org: Org) -> None:
    for actor, who in ((org.manager, "You are"), (org.admin, "Mona Manager is")):
        last = f"{who} the last manager of IT Service Desk: make someone else a manager first."
        with pytest.raises(InvalidInput, match=last):
            remove_member(org.it, actor=actor, person=org.manager)
        with pytest.raises(InvalidInput, match=last):
            change_member_role(org.it, actor=actor, person=org.manager, role=UnitRole.AGENT)
    assert roles(org)["Mona Manager"] == UnitRole.MANAGER
    # With a second manager, Mona may step down herself.
    change_member_role(org.it, actor=org.manager, person=org.agent2, role=UnitRole.MANAGER)
    change_member_role(org.it, actor=org.manager, person=org.manager, role=UnitRole.AGENT)
    assert not is_manager_of(org.manager, org.it)  # her own cached role is dropped too


@pytest.mark.django_db(transaction=True)
def test_two_managers_stepping_down_at_once_leave_one_manager() -> None:
    from scotty.core.testing import build_org

    org = build_org()
    join_unit(org.agent2, org.it, role=UnitRole.MANAGER)
    results = run_together(
        lambda: change_member_role(org.it, actor=org.manager, person=org.manager, role="agent"),
        lambda: change_member_role(org.it, actor=org.agent2, person=org.agent2, role="agent"),
    )
    refused = [r for r in results if isinstance(r, InvalidInput)]
    assert len(refused) == 1 and "last manager" in refused[0].message
    assert UnitMembership.objects.filter(unit=org.it, role=UnitRole.MANAGER).count() == 1


def test_someone_with_open_tickets_of_the_unit_is_not_removed(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.agent, assignee=org.agent2, expected_version=ticket.version)
    with pytest.raises(InvalidInput, match="Bea Second still has 1 open IT ticket assigned"):
        remove_member(org.it, actor=org.manager, person=org.agent2)
    transition(ticket, actor=org.agent2, to="resolved", resolution="Fixed.",
               expected_version=ticket.version)  # fmt: skip
    remove_member(org.it, actor=org.manager, person=org.agent2)  # resolved: nothing waits
    assert not is_agent(org.agent2)


def test_the_members_list_counts_open_load_in_one_query(
    org: Org, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    join_unit(org.agent2, org.infra)
    for unit, assignee in [(org.it, org.agent2), (org.it, org.agent2), (org.it, org.agent),
                           (org.infra, org.agent2)]:  # fmt: skip
        ticket = file_ticket(org.requester, unit)
        assign(ticket, actor=org.admin, assignee=assignee, expected_version=ticket.version)
    done = file_ticket(org.requester, org.it)
    assign(done, actor=org.admin, assignee=org.agent2, expected_version=done.version)
    transition(done, actor=org.agent2, to="resolved", resolution="Done.",
               expected_version=done.version)  # fmt: skip
    with django_assert_num_queries(1):
        members = unit_members([org.it, org.infra, org.hr])
    it = {m.person.full_name: (m.role, m.open_here, m.open_elsewhere) for m in members[org.it.pk]}
    assert it == {
        "Alex Agent": ("agent", 1, 0),
        "Bea Second": ("agent", 2, 1),  # the resolved one is not load
        "Mona Manager": ("manager", 0, 0),
    }
    assert [m.person.full_name for m in members[org.infra.pk]] == ["Bea Second", "Ian Infra"]
    assert [m.person.full_name for m in members[org.hr.pk]] == ["Hana HR"]
