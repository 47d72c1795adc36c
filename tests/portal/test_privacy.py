"""Internal notes, their files, desk-only fields and private next steps never reach the
portal, on any page, in any state, including a page re-shown after a refused form."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from scotty.accounts.models import Person
from scotty.core.testing import Org, upload
from scotty.tickets.models import Attachment, NextStepOwner, Ticket
from scotty.tickets.services import (
    add_reply,
    assign,
    set_next_step,
    set_priority,
    set_tags,
    transfer,
)

from .conftest import fresh, resolve

ClientFor = Callable[[Person], Client]
SECRETS = [
    "NOTE-SECRET the requester is difficult",
    "note-secret-file.txt",
    "chase vendor case 4411",
    "vendor-escalation",  # a tag
    "P1 Critical",
    "IT Infrastructure",  # the working unit after a transfer
    "Alex Agent",  # the assignee's full name
    "alex@example.org",
]


@pytest.fixture
def busy_ticket(org: Org, ticket: Ticket) -> Ticket:
    """Rita's request after a day of desk work, some of it not for her eyes."""
    add_reply(
        ticket,
        author=org.agent,
        body="NOTE-SECRET the requester is difficult",
        internal=True,
        files=[upload("note-secret-file.txt", b"private")],
    )
    add_reply(ticket, author=org.agent, body="We are on it.", files=[upload("steps.txt", b"1.")])
    ticket = fresh(ticket)
    ticket = assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)
    ticket = set_priority(
        ticket, actor=org.agent, impact="high", urgency="high", expected_version=ticket.version
    )
    set_tags(ticket, actor=org.agent, names=["vendor-escalation"], expected_version=ticket.version)
    ticket = set_next_step(
        ticket,
        actor=org.agent,
        text="chase vendor case 4411",
        owner=NextStepOwner.DESK,
        shared=False,
        expected_version=ticket.version,
    )
    return transfer(
        ticket, actor=org.agent, working_unit=org.infra, expected_version=ticket.version
    )


def portal_pages(client: Client, ticket: Ticket) -> list[str]:
    reference = ticket.reference
    return [
        client.get(reverse("portal:home")).text,
        client.get(reverse("portal:request", args=[reference])).text,
        # Pages re-shown after a refusal render the same ticket through another path.
        client.post(reverse("portal:reply", args=[reference]), {"body": " "}).text,
        client.post(reverse("portal:confirm", args=[reference])).text,
    ]


@pytest.mark.parametrize("who", ["requester", "watcher"])
def test_nothing_desk_only_appears_on_any_portal_page(
    org: Org, watcher: Person, busy_ticket: Ticket, client_for: ClientFor, who: str
) -> None:
    client = client_for(watcher if who == "watcher" else org.requester)
    pages = portal_pages(client, busy_ticket)
    assert "We are on it." in pages[1] and "steps.txt" in pages[1]
    for html in pages:
        for secret in SECRETS:
            assert secret not in html, secret


def test_nothing_desk_only_appears_once_resolved_or_closed_either(
    org: Org, busy_ticket: Ticket, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    resolve(org, busy_ticket)
    resolved = client.get(reverse("portal:request", args=[busy_ticket.reference])).text
    assert "Replaced the fuser unit." in resolved
    client.post(reverse("portal:confirm", args=[busy_ticket.reference]))
    closed = client.get(reverse("portal:request", args=[busy_ticket.reference])).text
    for html in (resolved, closed):
        for secret in SECRETS:
            assert secret not in html, secret


def test_the_files_of_a_note_cannot_be_downloaded_by_the_requester(
    org: Org, watcher: Person, busy_ticket: Ticket, client_for: ClientFor
) -> None:
    note_file = Attachment.objects.get(filename="note-secret-file.txt")
    reply_file = Attachment.objects.get(filename="steps.txt")
    for person in (org.requester, watcher):
        client = client_for(person)
        assert client.get(reverse("files:download", args=[note_file.pk])).status_code == 404
        assert client.get(reverse("files:download", args=[reply_file.pk])).status_code == 200
    # The portal links only files the requester may download.
    html = client_for(org.requester).get(reverse("portal:request", args=[busy_ticket.reference]))
    assert reverse("files:download", args=[note_file.pk]) not in html.text
    assert reverse("files:download", args=[reply_file.pk]) in html.text


def test_a_shared_next_step_shows_with_who_does_it_and_a_private_one_does_not(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    url = reverse("portal:request", args=[ticket.reference])
    ticket = set_next_step(
        ticket,
        actor=org.agent,
        text="Send us the printer's model number",
        owner=NextStepOwner.REQUESTER,
        shared=True,
        expected_version=ticket.version,
    )
    html = client.get(url).text
    assert "Send us the printer&#x27;s model number" in html and "<strong>you</strong>" in html
    listing = client.get(reverse("portal:home")).text
    assert "Send us the printer&#x27;s model number" in listing
    set_next_step(
        ticket,
        actor=org.agent,
        text="chase vendor case 4411",
        owner=NextStepOwner.THIRD_PARTY,
        shared=False,
        expected_version=ticket.version,
    )
    page, listing = client.get(url).text, client.get(reverse("portal:home")).text
    assert "chase vendor case 4411" not in page + listing
    assert "What happens next</h2>" not in page  # no next-step box at all
    assert "model number" not in listing  # the old step no longer shows as current
