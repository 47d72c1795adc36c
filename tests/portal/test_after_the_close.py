"""The portal at the edge of the reopen window, and follow-ups only their readers see."""

from collections.abc import Callable
from datetime import timedelta

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from scotty.accounts.models import Person
from scotty.core.testing import Org
from scotty.tickets.models import Ticket
from scotty.tickets.services import add_reply, confirm_resolution
from scotty.tickets.states import Status

from .conftest import fresh, resolve

ClientFor = Callable[[Person], Client]


def test_past_the_window_the_portal_offers_no_expired_choice_and_reads_closed(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    resolve(org, ticket)
    client = client_for(org.requester)
    url = reverse("portal:request", args=[ticket.reference])
    assert "Yes, it's fixed" in client.get(url).text
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        client = client_for(org.requester)  # a fresh sign-in: the old one has expired
        page = client.get(url).text
        listing = client.get(reverse("portal:home")).text
    assert "Yes, it's fixed" not in page and "No, it's not fixed" not in page
    assert "we will close the request on" not in page
    assert "Write to us again" in page and "we will open a new request linked" in page
    assert "Resolved: please confirm it works" not in listing and "Closed" in listing


def test_two_not_fixed_posts_past_the_window_make_one_follow_up_with_both_texts(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    resolve(org, ticket)
    url = reverse("portal:reopen", args=[ticket.reference])
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        client = client_for(org.requester)
        first = client.post(url, {"reason": "Still jams."}, follow=True)
        second = client.post(url, {"reason": "And it smells burnt."}, follow=True)
    follow_up = Ticket.objects.get(follow_up_of=ticket)
    assert fresh(ticket).status == Status.CLOSED
    assert f"We opened {follow_up.reference}" in first.text
    assert second.redirect_chain[-1][0] == reverse("portal:request", args=[follow_up.reference])
    assert f"added your message to your follow-up request {follow_up.reference}" in second.text
    assert follow_up.description == "Still jams."
    assert list(follow_up.messages.values_list("body", flat=True)) == ["And it smells burnt."]


def test_a_watchers_follow_up_is_not_named_on_the_requesters_page(
    org: Org, ticket: Ticket, watcher: Person, client_for: ClientFor
) -> None:
    confirm_resolution(resolve(org, ticket), requester=org.requester)
    theirs = add_reply(fresh(ticket), author=watcher, body="Mine broke too.").ticket
    requesters_page = client_for(org.requester).get(
        reverse("portal:request", args=[ticket.reference])
    )
    assert theirs.reference not in requesters_page.text
    watchers_page = client_for(watcher).get(reverse("portal:request", args=[ticket.reference]))
    assert f"opened a follow-up request, {theirs.reference}" in watchers_page.text
    assert (
        f'continues in <a href="{reverse("portal:request", args=[theirs.reference])}"'
        in watchers_page.text
    )


def test_a_watchers_thanks_on_a_resolved_request_leaves_it_resolved(
    org: Org, ticket: Ticket, watcher: Person, client_for: ClientFor
) -> None:
    resolve(org, ticket)
    response = client_for(watcher).post(
        reverse("portal:reply", args=[ticket.reference]), {"body": "thanks!"}, follow=True
    )
    assert "Your reply was sent." in response.text and "reopened" not in response.text
    assert fresh(ticket).status == Status.RESOLVED
    assert (
        "Yes, it's fixed"
        in client_for(org.requester).get(reverse("portal:request", args=[ticket.reference])).text
    )
