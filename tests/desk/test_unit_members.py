"""Unit managers add, promote and remove their unit's people on the unit settings page."""

from typing import Any

from django.test import Client
from django.urls import reverse

from scotty.accounts.models import UnitMembership, UnitRole
from scotty.accounts.services import create_person, join_unit
from scotty.core.testing import Org, file_ticket
from scotty.tickets.services import assign

PAGE = reverse("desk:units")


def post(client: Client, name: str, prefix: str, **data: Any) -> Any:
    return client.post(reverse(f"desk:{name}", args=[prefix]), data)


def it_roles(org: Org) -> dict[str, str]:
    memberships = UnitMembership.objects.filter(unit=org.it)
    return dict(memberships.values_list("person__email", "role"))


def test_the_page_lists_each_units_people_with_their_open_load(org: Org, client_for: Any) -> None:
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.agent, assignee=org.agent2, expected_version=ticket.version)
    body = client_for(org.manager).get(PAGE).content.decode()
    section = body.split("Who works for IT Service Desk")[1]
    names = [n for n in ("Alex Agent", "Bea Second", "Mona Manager") if n in section]
    assert names == ["Alex Agent", "Bea Second", "Mona Manager"]
    bea_row = section.split("bea@example.org")[1].split("</tr>")[0]
    assert "1 in IT" in bea_row and '<option value="agent" selected>' in bea_row
    assert "Remove Bea from IT" in bea_row
    assert "Hana HR" not in section  # another unit's people
    assert 'id="add-IT-person"' in section and "Add to IT" in section


def test_the_page_costs_the_same_however_many_people_work_there(
    org: Org, client_for: Any, django_assert_num_queries: Any
) -> None:
    c = client_for(org.manager)
    c.get(PAGE)
    # Person, memberships, managed units, people with load (the session comes from the
    # cache), departments? no: the people picker asks as the manager types.
    with django_assert_num_queries(4):
        c.get(PAGE)
    for n in range(5):
        join_unit(create_person(email=f"new{n}@example.org", full_name=f"New {n}"), org.it)
    with django_assert_num_queries(4):
        assert "New 4" in c.get(PAGE).content.decode()


def test_a_manager_adds_someone_changes_their_role_and_removes_them(
    org: Org, client_for: Any
) -> None:
    c = client_for(org.manager)
    response = post(c, "add_member", "IT", person="Cora@Example.org", role="agent")
    assert (response.status_code, response["Location"]) == (302, PAGE)
    assert "Cora Colleague is now an agent of IT Service Desk." in c.get(PAGE).content.decode()
    cora = org.colleague.pk
    assert post(c, "member_role", "IT", person=cora, role="manager").status_code == 302
    assert it_roles(org)["cora@example.org"] == UnitRole.MANAGER
    assert post(c, "remove_member", "IT", person=cora).status_code == 302
    assert "Cora Colleague no longer works for IT Service Desk." in c.get(PAGE).content.decode()
    assert "cora@example.org" not in it_roles(org)


def test_refusals_say_why_and_change_nothing(org: Org, client_for: Any) -> None:
    c = client_for(org.manager)
    ticket = file_ticket(org.requester, org.it)
    assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)
    before = it_roles(org)
    cases = [
        (post(c, "add_member", "IT", person="alex@example.org", role="agent"),
         "Alex Agent is already an agent of IT Service Desk."),
        (post(c, "add_member", "IT", person="ghost@example.org", role="agent"),
         "Nobody with that e-mail address has an account."),
        (post(c, "member_role", "IT", person=org.manager.pk, role="agent"),
         "You are the last manager of IT Service Desk: make someone else a manager first."),
        (post(c, "remove_member", "IT", person=org.manager.pk),
         "You are the last manager of IT Service Desk"),
        (post(c, "remove_member", "IT", person=org.agent.pk),
         "Alex Agent still has 1 open IT ticket assigned: give them to someone else first."),
        (post(c, "remove_member", "IT", person=org.hr_agent.pk),
         "That person does not work for this unit (any more)."),
        (post(c, "member_role", "IT", person=org.agent.pk, role="owner"),
         "Select a valid choice."),
    ]  # fmt: skip
    for response, message in cases:
        assert response.status_code == 400, message
        body = response.content.decode()
        assert "Nothing was changed." in body and message in body, message
    assert it_roles(org) == before
    # What the manager typed stays in the add form.
    body = cases[1][0].content.decode()
    assert 'value="ghost@example.org"' in body


def test_a_manager_who_steps_down_from_their_only_unit_lands_on_the_desk(
    org: Org, client_for: Any
) -> None:
    join_unit(org.agent2, org.it, role=UnitRole.MANAGER)
    c = client_for(org.manager)
    response = post(c, "member_role", "IT", person=org.manager.pk, role="agent")
    assert (response.status_code, response["Location"]) == (302, reverse("desk:home"))
    assert c.get(PAGE).status_code == 404  # no unit of theirs to manage any more


def test_a_manager_changes_only_their_own_units(org: Org, client_for: Any) -> None:
    c = client_for(org.manager)
    assert post(c, "add_member", "HR", person="cora@example.org", role="agent").status_code == 404
    assert post(c, "remove_member", "HR", person=org.hr_agent.pk).status_code == 404
    assert UnitMembership.objects.filter(unit=org.hr).count() == 1
