"""The ticket page and its writes, as an agent uses them."""

from typing import Any

from django.test import Client
from django.urls import reverse

from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import Message, Ticket
from scotty.tickets.services import add_reply, add_watcher, assign, set_next_step, transition
from scotty.tickets.states import Status
from tests.desk.conftest import NOTE


def page(c: Client, t: Ticket) -> str:
    response = c.get(reverse("desk:ticket", args=[t.reference]))
    assert response.status_code == 200
    return response.content.decode()


def post(c: Client, t: Ticket, action: str, data: dict[str, Any], **headers: str) -> Any:
    data.setdefault("version", Ticket.objects.get(pk=t.pk).version)
    return c.post(reverse(f"desk:{action}", args=[t.reference]), data, **headers)


def fresh(t: Ticket) -> Ticket:
    return Ticket.objects.get(pk=t.pk)


def test_the_page_shows_the_ticket_its_files_timeline_and_internal_notes(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    set_next_step(ticket, actor=org.agent, text="Order a new fuser", owner="desk", shared=False,
                  expected_version=ticket.version)  # fmt: skip
    add_reply(ticket, author=org.requester, body="Still jamming, page 2 every time.")
    body = page(client_for(org.agent), ticket)
    assert ticket.reference in body and "Printer on floor 3 jams" in body
    assert "printer.png" in body and "vendor-case.txt" in body
    assert NOTE in body and "Internal note" in body
    assert "Still jamming, page 2 every time." in body and "Public reply" in body
    assert "Rita Requester opened the ticket" in body
    assert "Order a new fuser" in body and "not shown to the requester" in body
    assert "rita@example.org" in body and "Finance" in body and "Head office" in body
    # Only the moves the state machine allows from New are offered.
    assert 'value="waiting_requester"' in body and 'value="closed"' not in body


def test_the_requester_card_lists_their_other_open_tickets_in_my_units_only(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    other_it = file_ticket(org.requester, org.it, title="Mouse broken")
    hr = file_ticket(org.requester, org.hr, title="Payslip wrong")
    body = page(client_for(org.agent), ticket)
    assert other_it.reference in body and "Mouse broken" in body
    assert hr.reference not in body and "Payslip" not in body


def test_a_public_reply_with_a_file_lands_on_the_timeline(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    plan = upload("plan.pdf", b"%PDF-1.4 plan")
    data = {"kind": "reply", "body": "Swapping the fuser today.", "attachments": [plan]}
    response = post(c, ticket, "reply", data)
    assert response.status_code == 302
    body = c.get(response["Location"]).content.decode()
    assert "Reply added for Rita Requester." in body
    assert "Swapping the fuser today." in body and "plan.pdf" in body
    assert fresh(ticket).status == Status.OPEN  # the first agent reply opens a new ticket


def test_an_internal_note_shows_for_agents_and_changes_no_status(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent2)
    assert (
        post(c, ticket, "reply", {"kind": "note", "body": "Bea: tried a reset"}).status_code == 302
    )
    assert "Bea: tried a reset" in page(client_for(org.manager), ticket)
    assert fresh(ticket).status == Status.NEW
    assert Message.objects.get(body="Bea: tried a reset").is_internal


def test_htmx_writes_answer_with_the_fresh_ticket_fragment_and_a_trigger(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    response = post(
        c, ticket, "reply", {"kind": "reply", "body": "On my way."}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "ticket-changed" in response["HX-Trigger"]
    assert body.lstrip().startswith('<div id="ticket"') and "<html" not in body
    assert "On my way." in body and f'name="version" value="{fresh(ticket).version}"' in body
    assert 'name="body" rows="6"></textarea>' in body  # sent: the composer comes back empty
    response = post(c, ticket, "tags", {"tags": "printer"}, HTTP_HX_REQUEST="true")
    assert 'name="body" rows="6" hx-preserve>' in response.content.decode()


def test_resolving_needs_a_resolution_and_nothing_changes_without_it(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    resolve = {"kind": "reply", "body": "", "status": "resolved"}
    response = post(c, ticket, "reply", {**resolve, "resolution": "  "})
    assert response.status_code == 400
    assert "The resolution (what was done) cannot be empty." in response.content.decode()
    assert fresh(ticket).status == Status.NEW
    response = post(c, ticket, "reply", {**resolve, "resolution": "New fuser fitted."})
    assert response.status_code == 302
    assert (fresh(ticket).status, fresh(ticket).resolution) == ("resolved", "New fuser fitted.")


def test_a_move_the_state_machine_forbids_is_refused_with_its_reason(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    for target, reason in [("closed", "cannot be moved to closed"), ("bogus", "is not a status")]:
        response = post(c, ticket, "reply", {"kind": "note", "body": "", "status": target})
        assert response.status_code == 400 and reason in response.content.decode()
    assert fresh(ticket).version == ticket.version


def test_empty_oversized_and_dangerous_replies_are_refused_and_nothing_is_saved(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    cases = [
        ({"body": "   "}, "The message cannot be empty."),
        ({"body": "x" * 50_001}, "the limit is 50,000"),
        ({"body": "see file", "attachments": [upload("tool.exe", b"MZ\x90\x00")]}, "not accepted"),
        (
            {"body": "see file", "attachments": [upload("cv.pdf", b"MZ\x90\x00")]},
            "does not look like",
        ),
    ]
    for data, message in cases:
        response = post(c, ticket, "reply", {"kind": "reply", **data})
        assert response.status_code == 400, message
        assert message in response.content.decode()
    assert Message.objects.filter(ticket=ticket).count() == 1  # just the fixture's note
    assert ticket.attachments.count() == 2


def test_an_agent_cannot_reply_publicly_on_a_closed_ticket(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    ticket = transition(ticket, actor=org.agent, to="resolved", resolution="Done.",
                        expected_version=ticket.version)  # fmt: skip
    ticket = transition(ticket, actor=org.agent, to="closed", expected_version=ticket.version)
    response = post(client_for(org.agent), ticket, "reply", {"kind": "reply", "body": "Hello?"})
    assert response.status_code == 403 and "This ticket is closed" in response.content.decode()
    assert not Message.objects.filter(body="Hello?").exists()


def test_a_stale_form_is_refused_with_409_and_says_who_changed_what(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    seen = ticket.version
    assign(ticket, actor=org.agent2, assignee=org.agent2, expected_version=seen)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        data = {"version": seen, "impact": "high", "urgency": "high"}
        response = post(client_for(org.agent), ticket, "priority", data, **headers)
        body = response.content.decode()
        assert response.status_code == 409
        assert "Someone else changed this ticket" in body
        assert "Bea Second changed assignee" in body and "to “Bea Second”" in body
        # The form keeps what was entered, under the current version, ready to resend.
        assert f'name="version" value="{fresh(ticket).version}"' in body
        assert '<option value="high" selected>' in body
    assert fresh(ticket).priority == ticket.priority


def test_a_forged_assignee_from_another_unit_is_refused(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    response = post(c, ticket, "assign", {"assignee": org.hr_agent.email})
    assert response.status_code == 400
    assert "Hana HR is not an agent of IT Service Desk." in response.content.decode()
    response = post(c, ticket, "assign", {"assignee": "nobody@example.org"})
    assert response.status_code == 400 and "Nobody with that e-mail" in response.content.decode()
    assert fresh(ticket).assignee is None


def test_forged_and_missing_fields_change_nothing(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    cases = [
        ("priority", {"impact": "catastrophic", "urgency": "high"}, "Impact"),
        ("priority", {"impact": "high", "urgency": "high", "override": "0"}, "Override"),
        ("transfer", {"working_unit": 999}, "Working unit"),
        ("reply", {"kind": "reply", "next_step": "Go", "next_step_owner": "x"}, "Who does the"),
        ("reply", {"kind": "reply", "waiting_until": "Friday"}, "Waiting until: Enter a valid"),
        ("tags", {"tags": "Bad Tag!"}, "is not a tag"),
        ("reply", {"kind": "reply", "version": "", "status": "open"}, "out of date"),
        ("transfer", {"working_unit": org.infra.pk, "handover": "   "}, "Write a handover note"),
        ("watch", {"watcher": ""}, "Watcher"),
    ]
    for action, data, message in cases:
        response = post(c, ticket, action, data)
        assert response.status_code == 400, (action, data)
        assert message in response.content.decode(), (action, message)
    assert fresh(ticket).version == ticket.version and not ticket.tags.exists()


def test_assign_take_transfer_next_step_and_watchers(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    assert post(c, ticket, "assign", {"assignee": "ALEX@example.org"}).status_code == 302
    assert fresh(ticket).assignee == org.agent and fresh(ticket).status == Status.OPEN
    post(c, ticket, "reply", {"kind": "reply", "next_step": "Wait for the part",
                              "next_step_owner": "third_party"})  # fmt: skip
    assert (fresh(ticket).next_step_owner, fresh(ticket).next_step_shared) == ("third_party", False)
    post(c, ticket, "watch", {"watcher": org.colleague.email})
    assert list(ticket.watchers.all()) == [org.colleague]
    post(c, ticket, "unwatch", {"watcher": org.colleague.pk})
    assert not ticket.watchers.exists()
    response = post(c, ticket, "transfer", {"working_unit": org.infra.pk, "handover": "Fuser."})
    assert response.status_code == 302
    moved = fresh(ticket)
    assert (moved.working_unit, moved.owning_unit, moved.assignee) == (org.infra, org.it, None)
    # The front line still follows it, from its handed-off queue.
    body = c.get(reverse("desk:queue", args=["handed-off"])).content.decode()
    assert ticket.reference in body


def test_handing_a_ticket_out_of_my_units_takes_me_back_to_the_desk(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    data = {"working_unit": org.hr.pk, "owning_unit": org.hr.pk, "handover": "Payroll issue."}
    response = post(c, ticket, "transfer", data)
    assert response["Location"] == reverse("desk:home")
    assert (
        f"Handed to HR. {ticket.reference} has left your units." in c.get("/desk/").content.decode()
    )
    ticket2 = file_ticket(org.requester, org.it)
    response = post(c, ticket2, "transfer", data, HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse("desk:home")


def test_the_timeline_refreshes_on_its_own(org: Org, ticket: Ticket, client_for: Any) -> None:
    url = reverse("desk:ticket", args=[ticket.reference]) + "?part=timeline"
    body = client_for(org.agent).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert body.lstrip().startswith('<ol class="timeline" id="timeline"') and NOTE in body
    assert "<form" not in body


def test_the_page_costs_the_same_queries_for_a_short_and_a_long_ticket(
    org: Org, ticket: Ticket, client_for: Any, django_assert_max_num_queries: Any,
    django_assert_num_queries: Any,
) -> None:  # fmt: skip
    def grow(n: int) -> None:
        for i in range(n):
            add_reply(ticket, author=org.requester, body=f"reply {i}",
                      files=[upload(f"shot{i}.png")])  # fmt: skip
            add_reply(ticket, author=org.agent, body=f"note {i}", internal=True)
            add_watcher(ticket, actor=org.agent, watcher=org.colleague if i % 2 else org.agent2)
        assign(ticket, actor=org.agent, assignee=org.agent2, expected_version=fresh(ticket).version)

    c = client_for(org.agent)
    url = reverse("desk:ticket", args=[ticket.reference])
    grow(1)
    with django_assert_max_num_queries(30) as short:
        assert c.get(url).status_code == 200
    grow(15)
    with django_assert_num_queries(len(short)):
        body = c.get(url).content.decode()
    assert "reply 14" in body and "note 14" in body and "shot14.png" in body


def test_the_timeline_refresh_is_the_timeline_alone_and_shows_new_replies(
    org: Org,
    client_for,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    from scotty.tickets.services import add_reply

    ticket = file_ticket(org.requester, org.it)
    client = client_for(org.agent)
    url = reverse("desk:ticket", args=[ticket.reference]) + "?part=timeline"
    add_reply(ticket, author=org.requester, body="Any news?")
    with django_assert_max_num_queries(8):
        response = client.get(url, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<ol class="timeline"') and "Any news?" in body
    assert "<form" not in body


def test_a_follow_up_links_its_original_in_one_query_more(
    org: Org, client_for: Any, django_assert_max_num_queries: Any, django_assert_num_queries: Any
) -> None:
    from scotty.tickets.services import confirm_resolution

    original = file_ticket(org.requester, org.it, title="Printer jams")
    transition(original, actor=org.agent, to=Status.RESOLVED, expected_version=original.version,
               resolution="Cleaned the rollers.")  # fmt: skip
    confirm_resolution(fresh(original), requester=org.requester)  # closed
    follow_up = add_reply(fresh(original), author=org.requester, body="It jams again.").ticket
    assert follow_up.follow_up_of_id == original.pk
    c = client_for(org.agent)
    page(c, original)  # a ticket that follows up nothing: no link, no query for one
    with django_assert_max_num_queries(30) as plain:
        assert "Follow-up of" not in page(c, original)
    queries = len(plain)  # (a request clears Django's query log)
    page(c, follow_up)
    with django_assert_num_queries(queries + 1):  # the original's reference
        body = page(c, follow_up)
    link = f'href="{reverse("desk:ticket", args=[original.reference])}">{original.reference}</a>'
    assert "Follow-up of" in body and link in body
