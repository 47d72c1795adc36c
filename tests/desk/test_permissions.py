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
SIGN_IN = reverse("accounts:sign_in")


def client(org: Org, role: str, client_for: Callable[[Any], Client]) -> Client:
    return Client() if role == "anonymous" else client_for(getattr(org, role))


def pages(t: Ticket) -> dict[str, str]:
    return {
        "queue-" + slug: reverse("desk:queue", args=[slug])
        for slug in ("mine", "unassigned", "open", "waiting", "resolved", "handed-off")
    } | {
        "log_call": reverse("desk:log_call"),
        "people": reverse("desk:people") + "?q=rita",
        "ticket": reverse("desk:ticket", args=[t.reference]),
        "ticket-lowercase": reverse("desk:ticket", args=[t.reference.lower()]),
        "timeline-part": reverse("desk:ticket", args=[t.reference]) + "?part=timeline",
        "administration": reverse("desk:administration"),
        "administration-sign-in-locks": reverse("desk:sign_in_locks"),
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
    return 200


@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(org: Org, ticket: Ticket, client_for: Any, role: str) -> None:
    c = client(org, role, client_for)
    for name, url in pages(ticket).items():
        response = c.get(url)
        assert response.status_code == expected_page_status(name, role), (name, role)
        if role == "anonymous":
            assert response["Location"].startswith(SIGN_IN)
        if name == "ticket":  # the internal note: agents of the ticket's units only
            assert (NOTE in response.content.decode()) == (role in WORKS_IT)


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
        "status": {"version": v, "to": "waiting_requester"},
        "assign": {"version": v, "assignee": org.agent2.email},
        "priority": {"version": v, "impact": "high", "urgency": "high", "override": ""},
        "next_step": {"version": v, "text": "Call the vendor", "owner": "desk", "shared": "on"},
        "transfer": {"version": v, "working_unit": org.infra.pk, "owning_unit": ""},
        "tags": {"version": v, "tags": "printer floor-3"},
        "watch": {"version": v, "watcher": org.colleague.email},
        "unwatch": {"version": v, "watcher": org.other_requester.pk},
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "action",
    ["reply", "status", "assign", "priority", "next_step", "transfer", "tags", "watch", "unwatch"],
)
def test_every_write_by_role(
    org: Org, ticket: Ticket, client_for: Any, role: str, action: str
) -> None:
    add_watcher(ticket, actor=org.agent, watcher=org.other_requester)
    events = TicketEvent.objects.filter(ticket=ticket).count()
    url = reverse(f"desk:{action}", args=[ticket.reference])
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
