"""Logging phone calls and walk-ins, the people picker and the go-to-ticket box."""

from typing import Any

from django.urls import reverse

from scotty.accounts.services import create_person, join_unit
from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import Channel, Ticket
from scotty.tickets.priority import Priority

URL = reverse("desk:log_call")


def call(**overrides: Any) -> dict[str, Any]:
    return {
        "requester": "Rita@Example.org",
        "unit": "",
        "channel": "phone",
        "title": "Laptop will not boot",
        "description": "Black screen after the logo since this morning.",
        "impact": "low",
        "urgency": "high",
    } | overrides


def test_the_form_is_ready_to_type_into(org: Org, client_for: Any) -> None:
    body = client_for(org.agent).get(URL).content.decode()
    assert 'id="id_requester"' in body and "autofocus" in body
    assert 'value="phone" id="id_channel_0" required checked' in body
    assert f'<option value="{org.it.pk}" selected>IT Service Desk</option>' in body
    assert "HR" not in body.split('id="id_unit"')[1].split("</select>")[0]  # not my unit


def test_a_logged_call_becomes_a_ticket_and_opens_it(org: Org, client_for: Any) -> None:
    data = call(unit=org.it.pk, attachments=[upload("photo.jpg", b"\xff\xd8\xff\xe0 jpeg")])
    c = client_for(org.agent)
    response = c.post(URL, data)
    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:ticket", args=[ticket.reference])
    assert (ticket.requester, ticket.created_by, ticket.channel) == (
        org.requester, org.agent, Channel.PHONE,
    )  # fmt: skip
    assert ticket.priority == Priority.MEDIUM and ticket.attachments.get().filename == "photo.jpg"
    body = c.get(response["Location"]).content.decode()
    assert f"{ticket.reference} opened for Rita Requester." in body


def test_a_walk_in_for_another_unit_of_mine(org: Org, client_for: Any) -> None:
    join_unit(org.agent, org.infra)
    client_for(org.agent).post(URL, call(unit=org.infra.pk, channel="walk_in"))
    ticket = Ticket.objects.get()
    assert (ticket.working_unit, ticket.channel) == (org.infra, Channel.WALK_IN)


def test_bad_calls_are_refused_with_a_reason_and_open_nothing(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    cases = [
        (call(unit=org.it.pk, requester="ghost@example.org"), "Nobody with that e-mail"),
        (call(unit=org.it.pk, title="  "), "The title cannot be empty."),
        (call(unit=org.it.pk, description=""), "The description cannot be empty."),
        (call(unit=org.hr.pk), "Select a valid choice"),  # not a unit of mine
        (call(unit=org.it.pk, channel="portal"), "Select a valid choice"),
        (call(unit=org.it.pk, attachments=[upload("run.bat", b"echo")]), "not accepted"),
    ]
    for data, message in cases:
        response = c.post(URL, data)
        assert response.status_code == 400, message
        body = response.content.decode()
        assert message in body and "Nothing was saved" in body
    assert Ticket.objects.count() == 0


def test_the_people_picker_offers_at_most_ten_matches(org: Org, client_for: Any) -> None:
    for i in range(15):
        create_person(email=f"pat{i}@example.org", full_name=f"Pat Person {i:02}")
    c = client_for(org.agent)
    body = c.get(reverse("desk:people") + "?q=pat").content.decode()
    assert body.count("<option") == 10
    assert c.get(reverse("desk:people") + "?q=p").content.decode().count("<option") == 0
    # The field's own name works too: a picker sends `requester=...`, not `q=...`.
    body = c.get(reverse("desk:people") + "?requester=rita").content.decode()
    assert '<option value="rita@example.org">Rita Requester · Finance</option>' in body


def test_the_people_picker_narrows_to_agents_and_to_one_unit(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    people = reverse("desk:people")
    assert "rita@" in c.get(people + "?q=rita").content.decode()
    assert "rita@" not in c.get(people + "?q=rita&agents=1").content.decode()
    agents = c.get(people + "?q=an&agents=1").content.decode()
    assert all(e in agents for e in ("hana@", "ian@", "mona@"))
    it_agents = c.get(people + f"?assignee=an&agents=1&unit={org.it.pk}").content.decode()
    assert "mona@" in it_agents and "hana@" not in it_agents and "ian@" not in it_agents


def test_go_opens_a_reference_however_it_was_typed(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    response = c.get(reverse("desk:go") + f"?reference=  {ticket.reference.lower()} ")
    assert response["Location"] == reverse("desk:ticket", args=[ticket.reference])
    hr = file_ticket(org.requester, org.hr)
    response = c.get(reverse("desk:go") + f"?reference={hr.reference}", follow=True)
    assert f"There is no ticket {hr.reference} in your units." in response.content.decode()
    response = c.get(reverse("desk:go") + "?reference=", follow=True)
    assert "Type a ticket reference" in response.content.decode()
