"""A unit's agent groups in the desk's settings: its managers (and administrators) make
them from the unit's people, rename and re-staff them, choose how their tickets find a
member and delete them; wrong input changes nothing; nobody else reaches them."""

from typing import Any

import pytest
from django.urls import reverse

from scotty.accounts.models import AgentGroup, Person
from scotty.catalog.models import GroupAssignment, RequestType
from scotty.core.testing import Org
from tests.desk.test_catalog_settings import (
    desktop_group,
    file_with_form,
    laptop_request,
    refused_to_all,
)


def groups_url(prefix: str = "IT") -> str:
    return reverse("desk:agent_groups", args=[prefix])


def group_url(group: AgentGroup, name: str = "desk:agent_group") -> str:
    return reverse(name, args=[group.unit.prefix, group.pk])


def staff(group: AgentGroup) -> tuple[str, list[str]]:
    group = AgentGroup.objects.get(pk=group.pk)
    return group.name, [p.full_name for p in group.members.order_by("full_name")]


@pytest.mark.django_db
def test_a_manager_makes_a_group_of_the_units_people(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    manager = client_for(org.manager)
    assert f'href="{groups_url()}"' in manager.get(reverse("desk:units")).content.decode()
    page = manager.get(groups_url()).content.decode()
    assert "has no group yet" in page and "Alex Agent" in page and "Ian Infra" not in page
    response = manager.post(groups_url(), {"name": " Desktop  support ",
                                           "members": [org.agent.pk, org.agent2.pk]})  # fmt: skip
    assert response.status_code == 302
    group = AgentGroup.objects.get(unit=org.it)
    assert staff(group) == ("Desktop support", ["Alex Agent", "Bea Second"])
    assert "Desktop support" in manager.get(response["Location"]).content.decode()
    listed = manager.get(groups_url()).content.decode()
    assert "Alex Agent, Bea Second" in listed and "Manually" in listed


@pytest.mark.django_db
def test_a_group_is_renamed_and_restaffed_in_one_save(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    group = desktop_group(org)
    form = {"name": "Workplace", "members": [org.agent2.pk]}
    response = client_for(org.manager).post(group_url(group), form)
    assert response.status_code == 302
    assert staff(group) == ("Workplace", ["Bea Second"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("form", "words"),
    [
        ({"name": "desktop"}, "already has a group called"),
        ({"name": "   "}, "This field is required"),
        ({"name": "x" * 10_000}, "at most 100 characters"),
        ({"name": "Workplace", "members": ["infra"]}, "does not work for this unit"),
        ({"name": "Workplace", "members": ["abc"]}, "is not a valid value"),
    ],
)
def test_a_wrong_group_is_refused_and_changes_nothing(org: Org, client_for, form: dict[str, Any],
                                                      words: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    group = desktop_group(org)
    other = client_for(org.manager).post(groups_url(), {"name": "Network"})
    assert other.status_code == 302
    network = AgentGroup.objects.get(name="Network")
    if form.get("members") == ["infra"]:
        form["members"] = [org.infra_agent.pk]  # someone who works for another unit
    before = (staff(group), staff(network))
    response = client_for(org.manager).post(group_url(network), form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was changed" in page and words in page
    assert "<h1>Network</h1>" in page
    assert (staff(group), staff(network)) == before


@pytest.mark.django_db
def test_a_new_group_with_a_taken_name_is_not_made(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    desktop_group(org)
    response = client_for(org.manager).post(groups_url(), {"name": "DESKTOP"})
    assert response.status_code == 400
    assert "already has a group called" in response.content.decode()
    assert AgentGroup.objects.count() == 1


@pytest.mark.django_db
def test_the_groups_tickets_go_in_turn_once_the_manager_says_so(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    group = desktop_group(org)
    manager = client_for(org.manager)
    url = group_url(group, "desk:agent_group_rule")
    assert manager.post(url, {"rule": "round_robin"}).status_code == 302
    assert GroupAssignment.objects.get(group=group).rule == "round_robin"
    assert "In turn (round robin)" in manager.get(groups_url()).content.decode()
    response = manager.post(url, {"rule": "lottery"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert GroupAssignment.objects.get(group=group).rule == "round_robin"


@pytest.mark.django_db
def test_a_deleted_group_leaves_its_request_types_and_tickets_with_the_unit(
    org: Org, client_for
) -> None:  # type: ignore[no-untyped-def]
    group = desktop_group(org)
    record = laptop_request(org, group=group)
    ticket = file_with_form(org, record)
    assert ticket.agent_group == group
    response = client_for(org.manager).post(group_url(group, "desk:delete_agent_group"))
    assert response.status_code == 302 and response["Location"] == groups_url()
    assert not AgentGroup.objects.exists()
    assert RequestType.objects.get(pk=record.pk).agent_group is None
    ticket.refresh_from_db()
    assert (ticket.agent_group, ticket.owning_unit) == (None, org.it)


@pytest.mark.django_db
def test_only_the_units_managers_and_administrators_reach_its_groups(org: Org,
                                                                     client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    group = desktop_group(org)
    hr_group = client_for(org.admin).post(groups_url("HR"), {"name": "Payroll"})
    assert hr_group.status_code == 302
    calls = [
        ("get", groups_url(), {}),
        ("post", groups_url(), {"name": "Intruders"}),
        ("get", group_url(group), {}),
        ("post", group_url(group), {"name": "Taken over"}),
        ("post", group_url(group, "desk:agent_group_rule"), {"rule": "least_loaded"}),
        ("post", group_url(group, "desk:delete_agent_group"), {}),
    ]
    before = staff(group)
    people: list[Person] = [org.agent, org.agent2, org.hr_agent, org.requester]
    refused_to_all(client_for, people, calls)
    payroll = AgentGroup.objects.get(unit=org.hr)
    # IT's manager may not reach HR's group, nor reach it through IT's address.
    refused_to_all(client_for, [org.manager], [
        ("get", group_url(payroll), {}),
        ("post", reverse("desk:agent_group", args=["IT", payroll.pk]), {"name": "Mine"}),
        ("post", reverse("desk:delete_agent_group", args=["IT", payroll.pk]), {}),
    ])  # fmt: skip
    assert staff(group) == before and AgentGroup.objects.count() == 2
    assert not GroupAssignment.objects.exists()
    admin = client_for(org.admin)
    assert admin.get(group_url(group)).status_code == 200
    assert admin.get(group_url(payroll)).status_code == 200
