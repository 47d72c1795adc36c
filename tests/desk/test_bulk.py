"""The queue's action bar: tick tickets, choose an action, read the summary."""

from typing import Any

from django.test import Client
from django.urls import reverse

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.services import transition
from scotty.tickets.states import Status

QUEUE = "/desk/queues/unassigned/?sort=newest"


def post(c: Client, refs: list[str], action: str, **params: Any) -> tuple[str, list[str]]:
    """POST the action bar, follow the redirect; (where it went, the flash messages)."""
    data = {"ticket": refs, "action": action, "next": QUEUE, **params}
    response = c.post(reverse("desk:bulk"), data)
    assert response.status_code == 302
    page = c.get(response["Location"])
    return response["Location"], [str(m) for m in page.context["messages"]]


def fresh(ticket: Ticket) -> Ticket:
    return Ticket.objects.get(pk=ticket.pk)


def test_take_them_then_back_to_the_queue_with_a_summary(org: Org, client_for: Any) -> None:
    tickets = [file_ticket(org.requester, org.it, title=f"t{i}") for i in range(3)]
    closed = file_ticket(org.requester, org.it, title="done")
    transition(closed, actor=org.agent, to=Status.RESOLVED, resolution="Fixed.",
               expected_version=closed.version)  # fmt: skip
    transition(closed, actor=org.agent, to=Status.CLOSED, expected_version=closed.version)
    refs = [t.reference for t in tickets] + [closed.reference]
    where, said = post(client_for(org.agent), refs, "take")
    assert where == QUEUE
    assert said[0] == "3 tickets changed, 1 not changed."
    assert said[1].startswith(f"{closed.reference}: This ticket is closed, so it can no longer")
    assert {fresh(t).assignee_id for t in tickets} == {org.agent.pk}


def test_the_queue_page_offers_checkboxes_and_an_action_bar(org: Org, client_for: Any) -> None:
    ticket = file_ticket(org.requester, org.it)
    body = client_for(org.agent).get(QUEUE).content.decode()
    assert (
        f'name="ticket" value="{ticket.reference}" aria-label="Select {ticket.reference}"' in body
    )
    assert 'action="/desk/bulk/"' in body and "bulk.js" in body
    for action in ("Take them", "Assign to…", "Set status…", "Set priority…", "Add tags…",
                   "Remove tags…", "Transfer to…"):  # fmt: skip
        assert action in body
    # Rows fetched by htmx (next page, filters) keep their checkboxes, inside the form.
    fragment = client_for(org.agent).get(QUEUE, HTTP_HX_REQUEST="true").content.decode()
    assert 'name="ticket"' in fragment


def test_each_action_with_what_it_needs(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    a, b = (file_ticket(org.requester, org.it, title=t) for t in ("a", "b"))
    refs = [a.reference, b.reference]
    post(c, refs, "assign", assignee="BEA@example.org")
    assert {fresh(t).assignee_id for t in (a, b)} == {org.agent2.pk}
    post(c, refs, "priority", priority="1")
    assert {fresh(t).priority for t in (a, b)} == {1}
    post(c, refs, "add_tags", tags="printer, floor-3")
    assert sorted(fresh(a).tags.values_list("name", flat=True)) == ["floor-3", "printer"]
    post(c, refs, "remove_tags", tags="floor-3")
    assert list(fresh(b).tags.values_list("name", flat=True)) == ["printer"]
    post(c, refs, "status", status=Status.WAITING_ON_THIRD_PARTY)
    assert {fresh(t).status for t in (a, b)} == {Status.WAITING_ON_THIRD_PARTY}
    _, said = post(c, refs, "status", status=Status.RESOLVED)
    assert said[0] == "0 tickets changed, 2 not changed." and "resolution" in said[1].lower()
    post(c, refs, "status", status=Status.RESOLVED, resolution="Replaced the fuser.")
    assert {fresh(t).status for t in (a, b)} == {Status.RESOLVED}
    post(c, refs, "transfer", unit=str(org.infra.pk))
    assert {fresh(t).working_unit_id for t in (a, b)} == {org.infra.pk}


def test_missing_choices_and_odd_input_change_nothing(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    ticket = file_ticket(org.requester, org.it)
    version = ticket.version
    cases = [
        ([], "take", {}, "Tick at least one ticket first."),
        ([ticket.reference], "assign", {}, "Say who should have them."),
        ([ticket.reference], "assign", {"assignee": "nobody@example.org"}, "Nobody with that"),
        ([ticket.reference], "status", {}, "Choose the status to set."),
        ([ticket.reference], "priority", {"priority": "9"}, "Select a valid choice"),
        ([ticket.reference], "transfer", {"unit": "99999"}, "Select a valid choice"),
        ([ticket.reference], "explode", {}, "Select a valid choice"),
        (["X" * 30], "take", {}, "Select a valid choice"),
        ([f"IT-{n}" for n in range(101)], "take", {}, "at most 100 tickets"),
    ]
    for refs, action, params, words in cases:
        _, said = post(c, refs, action, **params)
        assert said[0].startswith("Nothing was changed.") and words in said[0], (action, said)
    assert fresh(ticket).version == version


def test_the_way_back_stays_on_the_desk(org: Org, client_for: Any) -> None:
    ticket = file_ticket(org.requester, org.it)
    c = client_for(org.agent)
    for given in ("https://evil.example/", "//evil.example/x", "/portal/", ""):
        data = {"ticket": [ticket.reference], "action": "take", "next": given}
        response = c.post(reverse("desk:bulk"), data)
        assert response["Location"] == reverse("desk:home"), given
