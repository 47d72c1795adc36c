"""Every desk URL x every role: who gets the page, who is sent away, who gets 404."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket, TicketEvent
from scotty.tickets.services import add_watcher
from tests.desk.conftest import NOTE

ROLES = ["anonymous", "requester", "other_requester", "agent", "hr_agent", "manager", "admin"]
WORKS_IT = {"agent", "manager", "admin"}  # agents of the ticket's unit, and the administrator
AGENTS = WORKS_IT | {"hr_agent"}
MANAGES_IT = {"manager", "admin"}
SIGN_IN = reverse("accounts:sign_in")


def client(org: Org, role: str, client_for: Callable[[Any], Client]) -> Client:
    return Client() if role == "anonymous" else client_for(getattr(org, role))


def pages(t: Ticket) -> dict[str, str]:
    return {
        "queue-" + slug: reverse("desk:queue", args=[slug])
        for slug in (
            "needs-action",
            "mine",
            "unassigned",
            "open",
            "waiting",
            "resolved",
            "handed-off",
            "my-waiting",
        )
    } | {
        "log_call": reverse("desk:log_call"),
        "log_call-caller-tickets": reverse("desk:caller_tickets") + "?requester=rita@example.org",
        "units": reverse("desk:units"),
        "people": reverse("desk:people") + "?q=rita",
        "canned": reverse("desk:canned"),
        "ticket-canned": reverse("desk:canned_pick", args=[t.reference]) + "?canned=print",
        "ticket": reverse("desk:ticket", args=[t.reference]),
        "ticket-lowercase": reverse("desk:ticket", args=[t.reference.lower()]),
        "timeline-part": reverse("desk:ticket", args=[t.reference]) + "?part=timeline",
        "administration": reverse("desk:administration"),
        "administration-sign-in-locks": reverse("desk:sign_in_locks"),
        "search": reverse("desk:search") + "?q=vendor+case",  # words only in the note
        "search-reference": reverse("desk:search") + f"?q={t.reference}",
    }


def expected_page_status(name: str, role: str) -> int:
    if role == "anonymous":
        return 302
    if role not in AGENTS:
        return 404
    if name.startswith(("ticket", "timeline")) and role not in WORKS_IT:
        return 404
    if name.startswith("administration") and role != "admin":
        return 404  # administrators only; other agents are not told the area exists
    if name == "units" and role not in MANAGES_IT:
        return 404  # unit managers and administrators only
    if name == "search-reference" and role in WORKS_IT:
        return 302  # straight to the ticket; other agents get results (none of it)
    return 200


@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(org: Org, ticket: Ticket, client_for: Any, role: str) -> None:
    c = client(org, role, client_for)
    for name, url in pages(ticket).items():
        response = c.get(url)
        assert response.status_code == expected_page_status(name, role), (name, role)
        if role == "anonymous":
            assert response["Location"].startswith(SIGN_IN)
        if name in ("ticket", "search"):  # the internal note: agents of its units only
            assert ("4411 opened" in response.content.decode()) == (role in WORKS_IT), name


@pytest.mark.parametrize("role", ROLES)
def test_the_desk_front_door_by_role(org: Org, client_for: Any, role: str) -> None:
    response = client(org, role, client_for).get(reverse("desk:home"))
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(SIGN_IN)
    elif role in AGENTS:
        assert response.status_code == 200
    else:
        assert (response.status_code, response["Location"]) == (302, reverse("portal:home"))


def payloads(org: Org, t: Ticket) -> dict[str, dict[str, Any]]:
    v = t.version
    return {
        "reply": {"version": v, "kind": "reply", "body": "On it."},
        "update": {
            "version": v,
            "kind": "reply",
            "body": "",
            "status": "waiting_requester",
            "next_step": "Call the vendor",
            "next_step_owner": "desk",
        },
        "assign": {"version": v, "assignee": org.agent2.email},
        "priority": {"version": v, "impact": "high", "urgency": "high", "override": ""},
        "transfer": {
            "version": v,
            "working_unit": org.infra.pk,
            "owning_unit": "",
            "handover": "Printer fuser: vendor case 4411.",
        },
        "tags": {"version": v, "tags": "printer floor-3"},
        "watch": {"version": v, "watcher": org.colleague.email},
        "unwatch": {"version": v, "watcher": org.other_requester.pk},
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "action",
    ["reply", "update", "assign", "priority", "transfer", "tags", "watch", "unwatch"],
)
def test_every_write_by_role(
    org: Org, ticket: Ticket, client_for: Any, role: str, action: str
) -> None:
    add_watcher(ticket, actor=org.agent, watcher=org.other_requester)
    events = TicketEvent.objects.filter(ticket=ticket).count()
    url = reverse(f"desk:{'reply' if action == 'update' else action}", args=[ticket.reference])
    response = client(org, role, client_for).post(url, payloads(org, ticket)[action])
    if role in WORKS_IT:
        assert response.status_code == 302
        assert response["Location"] == reverse("desk:ticket", args=[ticket.reference])
        assert TicketEvent.objects.filter(ticket=ticket).count() > events
        return
    expected = 302 if role == "anonymous" else 404
    assert response.status_code == expected
    assert TicketEvent.objects.filter(ticket=ticket).count() == events  # nothing happened


@pytest.mark.parametrize("role", ROLES)
def test_checking_in_on_a_ticket_by_role(
    org: Org, ticket: Ticket, client_for: Any, role: str
) -> None:
    response = client(org, role, client_for).post(reverse("desk:presence", args=[ticket.reference]))
    expected = 200 if role in WORKS_IT else 302 if role == "anonymous" else 404
    assert response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["add_member", "member_role", "remove_member"])
def test_changing_a_units_people_by_role(org: Org, client_for: Any, role: str, action: str) -> None:
    from scotty.accounts.models import UnitMembership

    data = {
        "add_member": {"person": org.colleague.email, "role": "agent"},
        "member_role": {"person": org.agent2.pk, "role": "manager"},
        "remove_member": {"person": org.agent2.pk},
    }[action]
    before = set(UnitMembership.objects.values_list("person_id", "unit_id", "role"))
    response = client(org, role, client_for).post(reverse(f"desk:{action}", args=["IT"]), data)
    allowed = role in MANAGES_IT
    assert response.status_code == (302 if allowed or role == "anonymous" else 404)
    after = set(UnitMembership.objects.values_list("person_id", "unit_id", "role"))
    assert (after != before) == allowed


@pytest.mark.parametrize("role", ROLES)
def test_bulk_changes_by_role(org: Org, ticket: Ticket, client_for: Any, role: str) -> None:
    hr = file_ticket(org.requester, org.hr, title="Payslip")
    events = TicketEvent.objects.count()
    response = client(org, role, client_for).post(
        reverse("desk:bulk"), {"ticket": [ticket.reference, hr.reference], "action": "take"}
    )
    expected = {"anonymous": 302, "requester": 404, "other_requester": 404}.get(role, 302)
    assert response.status_code == expected
    taken = set(Ticket.objects.filter(assignee__isnull=False).values_list("reference", flat=True))
    # Each agent takes only what their units work; the rest is "not found" to them. The
    # administrator sees both but belongs to no unit, so is refused as an assignee.
    expected_taken = {"agent": {ticket.reference}, "manager": {ticket.reference},
                      "hr_agent": {hr.reference}}.get(role, set())  # fmt: skip
    assert taken == expected_taken
    assert (TicketEvent.objects.count() > events) == bool(expected_taken)


@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_lift_sign_in_locks(org: Org, client_for: Any, role: str) -> None:
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username="rita@example.org", ip_address="198.51.100.7", user_agent="x",
        failures_since_start=5, get_data="", post_data="", http_accept="", path_info="",
    )  # fmt: skip
    response = client(org, role, client_for).post(
        reverse("desk:lift_sign_in_lock"),
        {"kind": "account", "email": "rita@example.org", "address": "198.51.100.7"},
    )
    expected = {"admin": 302, "anonymous": 302}.get(role, 404)
    assert response.status_code == expected
    if role == "admin":
        assert response["Location"] == reverse("desk:sign_in_locks")
    assert AccessAttempt.objects.exists() == (role != "admin")  # lifted only by an admin


@pytest.mark.parametrize("role", ["agent", "hr_agent", "requester"])
def test_writes_refuse_get(org: Org, ticket: Ticket, client_for: Any, role: str) -> None:
    response = client_for(getattr(org, role)).get(reverse("desk:reply", args=[ticket.reference]))
    # Any agent learns only that the URL wants POST; a requester learns nothing.
    assert response.status_code == (404 if role == "requester" else 405)


def test_a_requester_cannot_reach_tickets_notes_or_files_by_guessing(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    hr = file_ticket(org.other_requester, org.hr, title="Payslip wrong")
    for person in (org.requester, org.colleague, org.other_requester):
        c = client_for(person)
        for ref in (ticket.reference, hr.reference, "IT-1", "IT-9999", "it-1001 "):
            response = c.get(reverse("desk:ticket", args=[ref]))
            assert response.status_code == 404
            assert NOTE.encode() not in response.content
        assert c.get(reverse("desk:go") + f"?reference={ticket.reference}").status_code == 404
        # The file on the internal note stays agents-only through the download view too.
        note_file = ticket.attachments.get(filename="vendor-case.txt")
        assert c.get(reverse("files:download", args=[note_file.pk])).status_code == 404


def test_an_agent_who_filed_a_ticket_elsewhere_does_not_get_it_on_the_desk(
    org: Org, client_for: Any
) -> None:
    own = file_ticket(org.agent, org.hr, title="My parental leave")
    response = client_for(org.agent).get(reverse("desk:ticket", args=[own.reference]))
    assert response.status_code == 404


def test_other_units_agents_never_see_the_ticket_in_a_queue_or_through_go(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.hr_agent)
    for slug in ("unassigned", "open"):
        assert ticket.reference not in c.get(reverse("desk:queue", args=[slug])).content.decode()
    response = c.get(reverse("desk:go") + f"?reference={ticket.reference}", follow=True)
    assert f"There is no ticket {ticket.reference} in your units." in response.content.decode()
