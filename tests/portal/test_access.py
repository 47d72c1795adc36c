"""Who may open which portal page and send which form.

The portal is always the requester's side: only the requester and watchers see a
request here. Everyone else (a colleague, an agent of the unit, even an administrator)
gets 404, which says nothing about whether the reference exists.
"""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from scotty.accounts.models import Person
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.services import add_reply
from scotty.tickets.states import Status

from .conftest import fresh, resolve

PEOPLE = ["requester", "colleague", "other_requester", "watcher", "agent", "admin"]
SEES_IT = {"requester", "watcher"}
ClientFor = Callable[[Person], Client]


def person(org: Org, watcher: Person, who: str) -> Person:
    return watcher if who == "watcher" else getattr(org, who)


@pytest.mark.parametrize("name", ["portal:home", "portal:new"])
def test_anyone_signed_in_may_list_and_file_but_anonymous_people_sign_in_first(
    org: Org, watcher: Person, client: Client, client_for: ClientFor, name: str
) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))
    for who in PEOPLE:
        assert client_for(person(org, watcher, who)).get(reverse(name)).status_code == 200


@pytest.mark.parametrize("who", PEOPLE)
def test_only_the_requester_and_watchers_open_a_request(
    org: Org, watcher: Person, ticket: Ticket, client_for: ClientFor, who: str
) -> None:
    url = reverse("portal:request", kwargs={"reference": ticket.reference})
    response = client_for(person(org, watcher, who)).get(url)
    assert response.status_code == (200 if who in SEES_IT else 404)
    listing = client_for(person(org, watcher, who)).get(reverse("portal:home"))
    assert (ticket.reference in listing.text) == (who in SEES_IT)


def test_a_lowercase_reference_finds_the_request_and_an_unknown_one_is_404(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    url = reverse("portal:request", kwargs={"reference": ticket.reference.lower()})
    assert client.get(url).status_code == 200
    assert client.get(reverse("portal:request", args=["IT-99999"])).status_code == 404


@pytest.mark.parametrize("who", PEOPLE)
def test_only_the_requester_and_watchers_may_reply(
    org: Org, watcher: Person, ticket: Ticket, client_for: ClientFor, who: str
) -> None:
    url = reverse("portal:reply", args=[ticket.reference])
    response = client_for(person(org, watcher, who)).post(url, {"body": f"Hello from {who}"})
    if who in SEES_IT:
        assert response.status_code == 302
        assert response.url == reverse("portal:request", args=[ticket.reference])
        assert ticket.messages.get().body == f"Hello from {who}"
    else:
        assert response.status_code == 404
        assert ticket.messages.count() == 0


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize(
    ("name", "data"), [("portal:confirm", {}), ("portal:reopen", {"reason": "Still jams."})]
)
def test_only_the_requester_may_confirm_or_reopen(
    org: Org,
    watcher: Person,
    ticket: Ticket,
    client_for: ClientFor,
    who: str,
    name: str,
    data: dict[str, str],
) -> None:
    resolve(org, ticket)
    response = client_for(person(org, watcher, who)).post(
        reverse(name, args=[ticket.reference]), data
    )
    if who == "requester":
        assert response.status_code == 302
        assert fresh(ticket).status == (Status.CLOSED if name == "portal:confirm" else Status.OPEN)
    elif who in SEES_IT:  # a watcher follows the request but does not own it
        assert response.status_code == 403
        assert fresh(ticket).status == Status.RESOLVED
    else:
        assert response.status_code == 404
        assert fresh(ticket).status == Status.RESOLVED


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("portal:request", "get"),
        ("portal:reply", "post"),
        ("portal:confirm", "post"),
        ("portal:reopen", "post"),
    ],
)
def test_anonymous_people_are_sent_to_sign_in_and_nothing_changes(
    org: Org, ticket: Ticket, client: Client, name: str, method: str
) -> None:
    resolve(org, ticket)
    url = reverse(name, args=[ticket.reference])
    response = getattr(client, method)(url, {"body": "hi", "reason": "no"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))
    assert fresh(ticket).status == Status.RESOLVED and ticket.messages.count() == 0


@pytest.mark.parametrize("name", ["portal:reply", "portal:confirm", "portal:reopen"])
def test_forms_only_accept_posts(
    org: Org, ticket: Ticket, client_for: ClientFor, name: str
) -> None:
    response = client_for(org.requester).get(reverse(name, args=[ticket.reference]))
    assert response.status_code == 405


def test_posts_need_the_csrf_token(org: Org, ticket: Ticket) -> None:
    resolve(org, ticket)
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.requester)
    response = client.post(reverse("portal:confirm", args=[ticket.reference]))
    assert response.status_code == 403
    assert fresh(ticket).status == Status.RESOLVED


def test_an_agent_in_the_portal_sees_their_own_request_from_the_requesters_side(
    org: Org, client_for: ClientFor
) -> None:
    # Alex works in IT and files an IT request of his own: the portal shows him the
    # public side only; the note his colleague wrote stays on the desk.
    own = file_ticket(org.agent, org.it, title="My laptop fan is loud")
    add_reply(own, author=org.agent2, body="Alex again, swap it without asking", internal=True)
    add_reply(own, author=org.agent2, body="We will swap the fan on Friday.")
    html = client_for(org.agent).get(reverse("portal:request", args=[own.reference])).text
    assert "We will swap the fan on Friday." in html
    assert "swap it without asking" not in html


def test_an_administrator_sees_their_own_requests_only(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    own = file_ticket(org.admin, org.hr, title="Update my address")
    client = client_for(org.admin)
    assert client.get(reverse("portal:request", args=[own.reference])).status_code == 200
    listing = client.get(reverse("portal:home")).text
    assert own.reference in listing and ticket.reference not in listing
