"""The composer as the ticket's one update: what an agent sends in one submit, and what
the page then shows."""

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from scotty.core.testing import Org
from scotty.tickets.models import EventKind, Ticket
from scotty.tickets.services import (
    StatusPart,
    add_reply,
    set_priority,
    transition,
    update_ticket,
)
from scotty.tickets.states import Status

MONDAY = datetime(2030, 3, 11, 9, 0, tzinfo=UTC)


def page(c: Client, t: Ticket) -> str:
    response = c.get(reverse("desk:ticket", args=[t.reference]))
    assert response.status_code == 200
    return response.text


def composer(c: Client, t: Ticket) -> dict[str, str]:
    """What the composer of the ticket page sends as drawn: its hidden values and fields
    (the next step as shown, the date as shown), no words, the status as it is."""
    body = page(c, t)
    start = body.index('id="composer-form"')
    form = body[start : body.index("</form>", start)]
    sent = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form))
    fields = r'<input type="(?:text|date)" id="[\w-]+" name="(\w+)"[^>]*value="([^"]*)"'
    sent.update(re.findall(fields, form))
    owner = re.search(r'name="next_step_owner">.*?<option value="(\w*)" selected', form, re.S)
    assert owner is not None
    shared = {"next_step_shared": "on"} if 'name="next_step_shared" checked' in form else {}
    return {**sent, **shared, "kind": "reply", "body": "", "status": "", "resolution": "",
            "next_step_owner": owner.group(1)}  # fmt: skip


def send(c: Client, t: Ticket, data: dict[str, Any], **kw: Any) -> Any:
    return c.post(reverse("desk:reply", args=[t.reference]), data, **kw)


def fresh(t: Ticket) -> Ticket:
    return Ticket.objects.get(pk=t.pk)


def test_an_agent_replies_sets_waiting_until_friday_and_the_next_step_in_one_submit(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    before = fresh(ticket).version
    with time_machine.travel(MONDAY):
        c = client_for(org.agent)  # signed in then: the session is fresh on that day
        data = {**composer(c, ticket), "body": "Which model is it? The label is at the back.",
                "status": "waiting_requester", "waiting_until": "2030-03-15",
                "next_step": "Order the fuser once Rita names the model",
                "next_step_owner": "requester", "next_step_shared": "on"}  # fmt: skip
        response = send(c, ticket, data)
        assert response.status_code == 302
        shown = c.get(response["Location"]).text
    row = fresh(ticket)
    assert row.version == before + 1
    assert (row.status, row.next_step_owner) == (Status.WAITING_ON_REQUESTER, "requester")
    assert row.waiting_until == datetime(2030, 3, 15, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
    assert row.messages.get(body__startswith="Which model").kind == "reply"
    fields = set(row.events.filter(version=before + 1).values_list("field", flat=True))
    assert fields == {"status", "waiting_until", "next_step", "next_step_owner"}
    assert row.events.filter(kind=EventKind.REPLY_ADDED).count() == 1
    assert (
        "Reply added for Rita Requester. Status is now waiting on requester until "
        "Fri 15 Mar 2030, 08:00. Next step saved." in shown
    )
    assert "Waiting until <strong>" in shown


def test_a_status_or_next_step_alone_needs_no_words(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    response = send(c, ticket, {**composer(c, ticket), "status": "open"})
    assert response.status_code == 302 and fresh(ticket).status == Status.OPEN
    assert fresh(ticket).messages.count() == 1  # the fixture's note: no empty message
    response = send(c, ticket, {**composer(c, ticket), "next_step": "Ring the vendor"})
    assert response.status_code == 302 and fresh(ticket).next_step == "Ring the vendor"
    nothing = send(c, ticket, composer(c, ticket))  # as drawn: nothing to save
    assert nothing.status_code == 400 and "The message cannot be empty." in nothing.text


def test_the_composer_offers_the_moves_the_ticket_allows_and_asks_the_resolution_only_then(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    body = page(c, ticket)
    options = re.findall(r'<option value="(\w*)"', body[body.index('name="status"') :])
    assert options[:5] == ["", "open", "waiting_requester", "waiting_third_party", "resolved"]
    assert 'data-for-status="resolved"' in body and 'name="resolution"' in body
    assert 'data-for-status="waiting_requester waiting_third_party"' in body
    # The side column no longer has status and next-step forms: the composer has them.
    assert 'id="status-heading"' not in body and 'id="nextstep-form-heading"' not in body
    transition(ticket, actor=org.agent, to=Status.RESOLVED, resolution="Done.",
               expected_version=ticket.version)  # fmt: skip
    body = page(c, ticket)
    assert ">Reopen</option>" in body and 'name="resolution"' not in body
    transition(fresh(ticket), actor=org.agent, to=Status.CLOSED,
               expected_version=fresh(ticket).version)  # fmt: skip
    body = page(c, ticket)
    assert 'name="status"' not in body and 'name="next_step"' not in body  # a note, no more
    response = send(c, ticket, {"version": fresh(ticket).version, "kind": "note", "body": "FYI"})
    assert response.status_code == 302 and fresh(ticket).messages.filter(body="FYI").exists()


def test_a_date_left_as_shown_keeps_the_moment_and_an_emptied_one_clears_it(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    at_half_two = timezone.now().replace(hour=13, minute=30, second=0, microsecond=0) + timedelta(
        days=3
    )  # set by another channel: not the desk's 08:00
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                  status=StatusPart(Status.WAITING_ON_REQUESTER),
                  waiting_until=at_half_two)  # fmt: skip
    c = client_for(org.agent)
    drawn = composer(c, ticket)
    assert drawn["waiting_until"] == timezone.localdate(at_half_two).isoformat()
    send(c, ticket, {**drawn, "body": "Reminder sent."})
    assert fresh(ticket).waiting_until == at_half_two
    send(c, ticket, {**composer(c, ticket), "waiting_until": ""})
    assert fresh(ticket).waiting_until is None
    assert fresh(ticket).status == Status.WAITING_ON_REQUESTER


def test_a_date_without_a_waiting_status_is_refused_and_nothing_is_saved(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    friday = (date.today() + timedelta(days=4)).isoformat()
    data = {**composer(c, ticket), "body": "Soon.", "status": "open", "waiting_until": friday}
    response = send(c, ticket, data)
    assert response.status_code == 400
    assert "goes with a waiting status only" in response.text
    assert "Soon.</textarea>" in response.text and '<option value="open" selected>' in response.text
    assert fresh(ticket).status == Status.NEW and not fresh(ticket).messages.filter(body="Soon.")


def test_a_stale_update_is_refused_whole_and_comes_back_ready_to_send_again(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    drawn = composer(c, ticket)
    set_priority(fresh(ticket), actor=org.agent2, impact="high", urgency="high",
                 expected_version=fresh(ticket).version)  # fmt: skip
    data = {**drawn, "kind": "note", "body": "Vendor called back.", "status": "waiting_third_party"}
    response = send(c, ticket, data, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert "Someone else changed this ticket" in response.text
    assert "Bea Second changed priority" in response.text
    assert not fresh(ticket).messages.filter(body="Vendor called back.").exists()
    # The composer holds what they sent, over the version they now see.
    assert "Vendor called back.</textarea>" in response.text
    assert '<option value="waiting_third_party" selected>' in response.text
    again = re.search(r'id="composer-form".*?name="version" value="(\d+)"', response.text, re.S)
    assert again is not None and int(again.group(1)) == fresh(ticket).version
    send(c, ticket, {**data, "version": again.group(1)})
    assert fresh(ticket).status == Status.WAITING_ON_THIRD_PARTY


def test_a_held_update_keeps_the_version_it_was_drawn_with(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    """Held for a new reply, the update is not checked yet: "send it anyway" must still
    find a colleague's change made meanwhile, not overwrite it."""
    c = client_for(org.agent)
    drawn = composer(c, ticket)
    set_priority(fresh(ticket), actor=org.agent2, impact="high", urgency="high",
                 expected_version=fresh(ticket).version)  # fmt: skip
    add_reply(ticket, author=org.requester, body="Any news?")
    data = {**drawn, "next_step": "Ring the vendor", "next_step_owner": "desk"}
    held = send(c, ticket, data)
    assert held.status_code == 409 and "Rita Requester wrote since" in held.text
    kept = re.search(r'id="composer-form".*?name="version" value="(\d+)"', held.text, re.S)
    assert kept is not None and kept.group(1) == drawn["version"]
    seen = re.search(r'id="composer-form".*?name="seen" value="(\d+)"', held.text, re.S)
    assert seen is not None
    anyway = send(c, ticket, {**data, "seen": seen.group(1)})
    assert anyway.status_code == 409 and "Bea Second changed priority" in anyway.text
    assert fresh(ticket).next_step == ""


def test_a_double_submitted_update_is_recorded_once(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    c = client_for(org.agent)
    data = {**composer(c, ticket), "body": "On it.", "status": "waiting_third_party"}
    first, second = send(c, ticket, data), send(c, ticket, data)
    assert first.status_code == second.status_code == 302
    assert fresh(ticket).messages.filter(body="On it.").count() == 1
    assert fresh(ticket).events.filter(field="status").count() == 1
