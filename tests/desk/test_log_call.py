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


# --- The caller's open tickets, assigning, solving on the call, someone new (issue 6).

THEIR_TICKETS = reverse("desk:caller_tickets")


def test_the_callers_open_tickets_in_my_units_show_as_soon_as_they_are_picked(
    org: Org, client_for: Any, django_assert_num_queries: Any
) -> None:
    printer = file_ticket(org.requester, org.it, title="Printer on floor 3 jams")
    file_ticket(org.requester, org.hr, title="Payslip wrong")  # not my unit: not shown
    c = client_for(org.agent)
    # Person, memberships, the caller, their tickets (the session comes from the cache).
    with django_assert_num_queries(4):
        body = c.get(THEIR_TICKETS + "?requester=Rita@Example.org").content.decode()
    assert "Rita Requester" in body and "Is this call about one of them?" in body
    assert f'href="/desk/tickets/{printer.reference}/#composer">Add to {printer.reference}' in body
    assert "Payslip" not in body and "HR-" not in body
    # The page asks as the field fills: from the picker's own field, on load and input.
    page = c.get(URL).content.decode()
    assert f'hx-get="{THEIR_TICKETS}"' in page and 'hx-include="#id_requester"' in page


def test_the_caller_panel_says_none_nobody_or_nothing(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    body = c.get(THEIR_TICKETS + "?requester=otto@example.org").content.decode()
    assert "Otto Other</span> has no open tickets in your units." in body
    body = c.get(THEIR_TICKETS + "?requester=pat.new@example.org").content.decode()
    assert "Nobody has the address" in body and "add them as a new person below" in body
    for half_typed in ("rit", "rita@", "rita@example"):  # still typing: no verdict yet
        assert c.get(THEIR_TICKETS + f"?requester={half_typed}").content.decode().strip() == ""


def test_many_open_tickets_show_five_and_lead_to_the_rest(org: Org, client_for: Any) -> None:
    for n in range(6):
        file_ticket(org.requester, org.it, title=f"Problem {n}")
    body = client_for(org.agent).get(THEIR_TICKETS + "?requester=rita@example.org")
    text = body.content.decode()
    assert text.count("Add to IT-") == 5 and "Problem 0" not in text  # newest first
    assert "All their open tickets in your units" in text


def test_a_logged_call_is_mine_unless_i_say_otherwise(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    page = c.get(URL).content.decode()
    assert 'name="assign_to_me" id="id_assign_to_me" checked' in page
    c.post(URL, call(unit=org.it.pk, assign_to_me="on"))
    c.post(URL, call(unit=org.it.pk, title="Mouse"))  # box unticked: nobody's yet
    mine, nobodys = Ticket.objects.order_by("id")
    assert (mine.assignee, mine.status) == (org.agent, "open")
    assert (nobodys.assignee, nobodys.status) == (None, "new")


def test_a_call_solved_on_the_phone_is_resolved_and_counted(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    data = call(unit=org.it.pk, solved="on", resolution="Reset her password; she signed in.")
    response = c.post(URL, data)
    ticket = Ticket.objects.get()
    assert (ticket.status, ticket.assignee, ticket.first_contact_resolution) == (
        "resolved", org.agent, True,
    )  # fmt: skip
    assert ticket.resolution == "Reset her password; she signed in."
    body = c.get(response["Location"]).content.decode()
    assert f"{ticket.reference} opened and resolved during the call for Rita Requester." in body
    assert "changed first-contact resolution from “no” to “yes”" in body


def test_solved_needs_words_and_words_need_the_box(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    response = c.post(URL, call(unit=org.it.pk, solved="on", resolution="  "))
    assert response.status_code == 400
    assert "The resolution (what was done) cannot be empty." in response.content.decode()
    response = c.post(URL, call(unit=org.it.pk, resolution="Rebooted it."))
    assert response.status_code == 400
    assert "tick “Solved during the call”, or clear it" in response.content.decode()
    assert Ticket.objects.count() == 0


def test_a_caller_new_to_scotty_is_added_with_the_call(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    data = call(unit=org.it.pk, requester="Pat New", new_name=" Pat  Newman ",
                new_email="Pat.Newman@Example.org", new_department=org.sales.pk)  # fmt: skip
    response = c.post(URL, data)
    ticket = Ticket.objects.get()
    pat = ticket.requester
    assert (pat.full_name, pat.email, pat.department) == (
        "Pat Newman", "pat.newman@example.org", org.sales,
    )  # fmt: skip
    assert not pat.has_usable_password()  # they sign in later, through a reset or SSO
    body = c.get(response["Location"]).content.decode()
    assert "Pat Newman was added to Scotty (no password yet)." in body


def test_someone_already_in_scotty_is_not_added_twice(org: Org, client_for: Any) -> None:
    from scotty.accounts.models import Person

    c = client_for(org.agent)
    people = Person.objects.count()
    cases = [
        (call(unit=org.it.pk, requester="", new_name="Rita Again", new_email="RITA@example.org"),
         "rita@example.org already has an account (Rita Requester): pick them instead."),
        (call(unit=org.it.pk, new_name="Pat", new_email="pat@example.org"),
         "You picked Rita Requester and filled in a new person: clear one."),
        (call(unit=org.it.pk, requester="", new_name="Pat", new_email="not an address"),
         "Enter the new person&#x27;s e-mail address."),
        (call(unit=org.it.pk, requester=""), "Say who called: pick them, or add them"),
        # Everything else about the call is checked too: no person without their ticket.
        (call(unit=org.it.pk, requester="", new_name="Pat", new_email="pat@example.org",
              title=""), "The title cannot be empty."),
    ]  # fmt: skip
    for data, message in cases:
        response = c.post(URL, data)
        assert response.status_code == 400, message
        assert message in response.content.decode(), message
    assert Ticket.objects.count() == 0 and Person.objects.count() == people


def test_assigning_to_myself_where_i_am_no_agent_is_refused(org: Org, client_for: Any) -> None:
    # An administrator may log a call for any unit, but only its agents can take it.
    response = client_for(org.admin).post(URL, call(unit=org.hr.pk, assign_to_me="on"))
    assert response.status_code == 400
    assert "Ada Admin is not an agent of HR." in response.content.decode()
    assert Ticket.objects.count() == 0
    client_for(org.admin).post(URL, call(unit=org.hr.pk))  # without: it goes through
    assert Ticket.objects.get().assignee is None


def test_a_double_submit_adds_the_new_caller_and_their_ticket_once(
    org: Org, client_for: Any
) -> None:
    from scotty.core.once import new_token

    c = client_for(org.agent)
    data = call(unit=org.it.pk, requester="", new_name="Pat Newman",
                new_email="pat@example.org", solved="on", resolution="Explained VPN.",
                once=new_token())  # fmt: skip
    first, second = c.post(URL, data), c.post(URL, data)
    assert first["Location"] == second["Location"]
    assert Ticket.objects.get().requester.email == "pat@example.org"
