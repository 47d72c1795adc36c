"""The life of a request as its requester lives it: filed, answered, resolved, confirmed
or reopened, and followed up after it closed."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from scotty.accounts.models import Person
from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import Ticket
from scotty.tickets.services import add_reply, confirm_resolution, transition
from scotty.tickets.states import Status

from .conftest import fresh, resolve

ClientFor = Callable[[Person], Client]


def page(client: Client, ticket: Ticket) -> str:
    return client.get(reverse("portal:request", args=[ticket.reference]), follow=True).text


def test_a_filed_request_is_listed_as_received_and_waiting_on_you_stands_out(
    org: Org, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    client.post(
        reverse("portal:new"),
        {"unit": org.it.pk, "title": "Need a monitor", "description": "A second screen, please."},
    )
    ticket = Ticket.objects.get()
    listing = client.get(reverse("portal:home")).text
    assert ticket.reference in listing and "Need a monitor" in listing
    assert "Received: we will look at it soon" in listing and "on-you" not in listing
    transition(
        ticket, actor=org.agent, to=Status.WAITING_ON_REQUESTER, expected_version=ticket.version
    )
    listing = client.get(reverse("portal:home")).text
    assert (
        "We need something from you" in listing
        and 'class="badge status-waiting_requester on-you"' in listing
    )
    assert "send us your answer" in page(client, ticket)


def test_closed_requests_sink_to_the_last_page_and_the_list_is_paged(
    org: Org, client_for: ClientFor
) -> None:
    # A resolved request still waits for "yes, it's fixed", so it stays above a closed
    # one even when the closed one changed more recently.
    waiting_for_yes = resolve(org, file_ticket(org.requester, org.it, title="Please confirm"))
    done = resolve(org, file_ticket(org.requester, org.it, title="Old and done"))
    confirm_resolution(done, requester=org.requester)
    for n in range(24):
        file_ticket(org.requester, org.it, title=f"Open number {n}")
    client = client_for(org.requester)
    first = client.get(reverse("portal:home")).text
    assert "Open number 23" in first and waiting_for_yes.reference in first
    assert "Old and done" not in first and "Page 1 of 2" in first
    assert first.index("Open number 23") < first.index("Open number 0")  # newest first
    second = client.get(reverse("portal:home"), {"page": 2}).text
    assert "Old and done" in second and "Open number" not in second
    assert client.get(reverse("portal:home"), {"page": "nonsense"}).status_code == 200


def test_the_requester_sees_the_agents_reply_and_answers_with_a_file(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    add_reply(ticket, author=org.agent, body="Which printer model is it?")
    ticket = transition(
        fresh(ticket),
        actor=org.agent,
        to=Status.WAITING_ON_REQUESTER,
        expected_version=fresh(ticket).version,
    )
    html = page(client, ticket)
    assert "Which printer model is it?" in html and "<strong>Alex</strong>" in html
    response = client.post(
        reverse("portal:reply", args=[ticket.reference]),
        {"body": "An HP 4250.", "attachments": [upload("label.png")]},
        follow=True,
    )
    assert "Your reply was sent." in response.text
    assert "An HP 4250." in response.text and "label.png" in response.text
    assert fresh(ticket).status == Status.OPEN


def test_confirming_the_fix_closes_the_request(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    resolve(org, ticket, "Replaced the fuser unit.")
    html = page(client, ticket)
    assert "Replaced the fuser unit." in html and "Yes, it's fixed" in html
    response = client.post(reverse("portal:confirm", args=[ticket.reference]), follow=True)
    assert "Your request is now closed." in response.text
    assert fresh(ticket).status == Status.CLOSED
    assert "Yes, it's fixed" not in response.text and "Write to us again" in response.text


def test_saying_it_is_not_fixed_reopens_with_the_words_as_a_reply(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    resolve(org, ticket)
    response = client.post(
        reverse("portal:reopen", args=[ticket.reference]),
        {"reason": "Still jams on duplex."},
        follow=True,
    )
    assert "We have reopened your request." in response.text
    ticket = fresh(ticket)
    assert ticket.status == Status.OPEN
    assert ticket.messages.get().body == "Still jams on duplex."
    assert "Still jams on duplex." in response.text


@pytest.mark.parametrize("reason", ["", "   "])
def test_saying_it_is_not_fixed_needs_a_reason(
    org: Org, ticket: Ticket, client_for: ClientFor, reason: str
) -> None:
    resolve(org, ticket)
    response = client_for(org.requester).post(
        reverse("portal:reopen", args=[ticket.reference]), {"reason": reason}
    )
    assert response.status_code == 400
    assert "What is still wrong cannot be empty." in response.text
    assert '<details class="reject" open>' in response.text  # the form stays open
    assert fresh(ticket).status == Status.RESOLVED and ticket.messages.count() == 0


@pytest.mark.parametrize(
    ("name", "data"), [("portal:confirm", {}), ("portal:reopen", {"reason": "x"})]
)
def test_a_request_that_is_not_resolved_cannot_be_confirmed_or_reopened(
    org: Org, ticket: Ticket, client_for: ClientFor, name: str, data: dict[str, Any]
) -> None:
    response = client_for(org.requester).post(reverse(name, args=[ticket.reference]), data)
    assert response.status_code == 400
    assert "Only a resolved request can be confirmed or reopened." in response.text
    assert fresh(ticket).status == Status.NEW and ticket.messages.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"body": ""}, "The message cannot be empty."),
        ({"body": "z" * 50_001}, "the limit is 50,000"),
        ({"body": "see file", "attachments": [upload("x.exe", b"MZ")]}, "not accepted"),
    ],
)
def test_a_bad_reply_is_refused_keeps_the_text_and_saves_nothing(
    org: Org, ticket: Ticket, client_for: ClientFor, data: dict[str, Any], message: str
) -> None:
    response = client_for(org.requester).post(
        reverse("portal:reply", args=[ticket.reference]), data
    )
    assert response.status_code == 400 and message in response.text
    if data["body"] == "see file":
        assert "see file</textarea>" in response.text
    assert ticket.messages.count() == 0 and ticket.attachments.count() == 0


def test_a_reply_to_someone_elses_request_is_404_and_saves_nothing(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    response = client_for(org.colleague).post(
        reverse("portal:reply", args=[ticket.reference]), {"body": "hi"}
    )
    assert response.status_code == 404 and ticket.messages.count() == 0


def test_a_reply_after_close_opens_a_linked_follow_up_and_says_so(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    resolve(org, ticket)
    client.post(reverse("portal:confirm", args=[ticket.reference]))
    response = client.post(
        reverse("portal:reply", args=[ticket.reference]),
        {"body": "Same problem on floor 4."},
        follow=True,
    )
    follow_up = Ticket.objects.get(follow_up_of=ticket)
    assert response.redirect_chain[-1][0] == reverse("portal:request", args=[follow_up.reference])
    assert f"we opened a new request, {follow_up.reference}, with your message" in response.text
    assert (
        f'follows up on <a href="{reverse("portal:request", args=[ticket.reference])}"'
        in response.text
    )
    assert "Same problem on floor 4." in response.text
    original = page(client, ticket)
    assert (
        f'continues in <a href="{reverse("portal:request", args=[follow_up.reference])}"'
        in original
    )
    assert fresh(ticket).status == Status.CLOSED and ticket.messages.count() == 0


def test_a_reply_after_the_reopen_window_also_opens_a_follow_up(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    resolve(org, ticket)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client_for(org.requester).post(
            reverse("portal:reply", args=[ticket.reference]), {"body": "It is back."}
        )
    follow_up = Ticket.objects.get(follow_up_of=ticket)
    assert response.url == reverse("portal:request", args=[follow_up.reference])


def test_a_reply_inside_the_window_reopens_the_request(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    resolve(org, ticket)
    response = client_for(org.requester).post(
        reverse("portal:reply", args=[ticket.reference]), {"body": "It jams again."}, follow=True
    )
    assert "we have reopened your request" in response.text
    assert fresh(ticket).status == Status.OPEN


def test_an_agent_replying_on_their_own_closed_request_starts_a_follow_up_like_anyone(
    org: Org, client_for: ClientFor
) -> None:
    # In the portal an agent is a requester: their own IT request behaves like Rita's.
    own = resolve(org, file_ticket(org.agent, org.it, title="My own laptop"))
    client = client_for(org.agent)
    client.post(reverse("portal:confirm", args=[own.reference]))
    response = client.post(reverse("portal:reply", args=[own.reference]), {"body": "Again"})
    follow_up = Ticket.objects.get(follow_up_of=own)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:request", args=[follow_up.reference])
    assert follow_up.requester == org.agent and follow_up.description == "Again"


@pytest.mark.parametrize("replies", [2, 20])
def test_the_request_page_runs_the_same_queries_however_long_the_conversation(
    org: Org, ticket: Ticket, client_for: ClientFor, django_assert_num_queries: Any, replies: int
) -> None:
    client = client_for(org.requester)
    url = reverse("portal:request", args=[ticket.reference])
    for n in range(replies):
        author = org.agent if n % 2 == 0 else org.requester
        add_reply(fresh(ticket), author=author, body=f"reply {n}", files=[upload(f"f{n}.png")])
        add_reply(fresh(ticket), author=org.agent, body=f"note {n}", internal=True)
    # person, ticket, events, the ticket's files (description and messages' at once),
    # linked tickets (the session comes from the cache)
    with django_assert_num_queries(5):
        html = client.get(url).text
    assert f"reply {replies - 1}" in html and "note 0" not in html
