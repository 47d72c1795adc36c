"""Canned replies in the desk: the page that keeps them, and the composer's typeahead."""

import html
import re
from typing import Any

from django.urls import reverse

from scotty.core.testing import Org
from scotty.tickets.models import CannedReply, Ticket
from scotty.tickets.services import create_canned_reply

FIXED = "Hello {first_name}, {reference} is fixed.\nRegards, {agent}"


def pick(client: Any, ticket: Ticket, typed: str) -> str:
    url = reverse("desk:canned_pick", args=[ticket.reference])
    response = client.get(url, {"canned": typed}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    return response.text


def test_the_typeahead_offers_matching_replies_filled_in_for_the_ticket(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    create_canned_reply(actor=org.manager, title="Printer fixed", body=FIXED, unit=org.it)
    create_canned_reply(actor=org.agent, title="Printer: need model", body="Which model?")
    create_canned_reply(actor=org.agent2, title="Printer (Bea's)", body="Bea's own")
    create_canned_reply(actor=org.admin, title="Printer HR", body="HR only", unit=org.hr)
    options = pick(client_for(org.agent), ticket, "print")
    inserts = [html.unescape(t) for t in re.findall(r'data-insert="([^"]*)"', options)]
    # Alex's own first, then the unit's; never a colleague's own or another unit's.
    assert inserts == ["Which model?", "Hello Rita, IT-1001 is fixed.\nRegards, Alex"]
    assert "Bea's own" not in options and "HR only" not in options
    assert "No canned reply matches “zzz”." in pick(client_for(org.agent), ticket, "zzz")


def test_the_composer_offers_the_typeahead_to_scripts_only(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    body = client_for(org.agent).get(reverse("desk:ticket", args=[ticket.reference])).text
    # Hidden until desk.js shows it: without scripts it could not insert anything.
    assert '<div class="canned" data-canned hidden>' in body
    assert reverse("desk:canned_pick", args=[ticket.reference]) in body


def test_an_agent_adds_edits_and_deletes_their_own_reply(org: Org, client_for: Any) -> None:
    c = client_for(org.agent)
    page = c.get(reverse("desk:canned")).text
    assert "None yet." in page and ">Only me</option>" in page
    assert "Everyone in" not in page  # Alex manages no unit
    response = c.post(reverse("desk:canned"), {"title": "Thanks", "body": "Thanks, {first_name}!"})
    assert response.status_code == 302
    reply = CannedReply.objects.get()
    assert reply.owner == org.agent and reply.unit is None
    edit_url = reverse("desk:canned_edit", args=[reply.pk])
    form = c.get(edit_url).text
    stamp = html.unescape(re.search(r'name="updated_at" value="([^"]+)"', form).group(1))  # type: ignore[union-attr]
    saved = c.post(edit_url, {"title": "Thanks!", "body": "Thank you.", "updated_at": stamp})
    assert saved.status_code == 302 and CannedReply.objects.get().title == "Thanks!"
    # The page the first edit came from is out of date now: nothing is overwritten.
    stale = c.post(edit_url, {"title": "Old", "body": "Old", "updated_at": stamp})
    assert stale.status_code == 409 and "Someone else changed this canned reply" in stale.text
    assert "Old</textarea>" in stale.text and CannedReply.objects.get().title == "Thanks!"
    assert c.post(reverse("desk:canned_delete", args=[reply.pk])).status_code == 302
    assert not CannedReply.objects.exists()


def test_a_manager_adds_a_reply_for_their_unit_that_its_agents_use_but_do_not_change(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    mona = client_for(org.manager)
    assert (
        f'<option value="{org.it.pk}">Everyone in IT Service Desk</option>'
        in mona.get(reverse("desk:canned")).text
    )
    mona.post(reverse("desk:canned"), {"title": "Reboot", "body": "Please reboot.",
                                       "unit": org.it.pk})  # fmt: skip
    reply = CannedReply.objects.get()
    assert reply.unit == org.it and reply.owner is None
    alex = client_for(org.agent)
    listed = alex.get(reverse("desk:canned")).text
    assert "Reboot" in listed and reverse("desk:canned_edit", args=[reply.pk]) not in listed
    assert "Please reboot." in pick(alex, ticket, "reb")
    refused = alex.post(reverse("desk:canned_delete", args=[reply.pk]))
    assert refused.status_code == 403 and "Only managers of IT Service Desk" in refused.text
    forged = alex.post(reverse("desk:canned"), {"title": "X", "body": "Y", "unit": org.it.pk})
    assert forged.status_code == 400 and CannedReply.objects.count() == 1


def test_bad_input_is_refused_with_its_reason_and_nothing_is_kept(
    org: Org, client_for: Any
) -> None:
    c = client_for(org.agent)
    for data, reason in [
        ({"title": "", "body": "x"}, "Title: This field is required."),
        ({"title": "x" * 121, "body": "x"}, "the limit is 120"),
        ({"title": "Ok", "body": "\u200b"}, "The text cannot be empty."),
    ]:
        response = c.post(reverse("desk:canned"), data)
        assert response.status_code == 400 and reason in response.text, reason
    assert not CannedReply.objects.exists()


def test_every_desk_page_links_to_the_canned_replies(org: Org, client_for: Any) -> None:
    """Agents keep their replies from the desk's navigation, marked when they are there."""
    c = client_for(org.agent)
    link = f'<a href="{reverse("desk:canned")}"'
    assert link in c.get(reverse("desk:home")).text
    page = c.get(reverse("desk:canned")).text
    assert f'{link} aria-current="page">' in page
