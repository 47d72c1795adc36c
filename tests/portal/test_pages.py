"""Page-level promises: CSP-safe markup, labelled fields, the portal nav, list speed,
and wording that fits who is reading."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.accounts.models import Person
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import NextStepOwner, Ticket
from scotty.tickets.services import set_next_step

from .conftest import resolve

ClientFor = Callable[[Person], Client]


def all_pages(client: Client, ticket: Ticket) -> dict[str, str]:
    return {
        "home": client.get(reverse("portal:home")).text,
        "new": client.get(reverse("portal:new")).text,
        "request": client.get(reverse("portal:request", args=[ticket.reference])).text,
        "refused": client.post(reverse("portal:new"), {"title": ""}).text,
    }


def test_pages_have_no_inline_styles_or_scripts_and_every_field_is_labelled(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    resolve(org, ticket)  # shows the confirm / not-fixed forms too
    for name, html in all_pages(client_for(org.requester), ticket).items():
        assert not re.search(r"\sstyle=", html), name
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), name
        assert "portal/portal.css" in html
        for field_id in re.findall(r'<(?:input|textarea|select)[^>]*\bid="([^"]+)"', html):
            assert f'for="{field_id}"' in html, (name, field_id)


@pytest.mark.parametrize(
    ("name", "link"), [("portal:home", "My requests"), ("portal:new", "New request")]
)
def test_the_nav_marks_where_the_person_is(
    org: Org, client_for: ClientFor, name: str, link: str
) -> None:
    html = client_for(org.requester).get(reverse(name)).text
    assert f'aria-current="page">{link}</a>' in html


@pytest.mark.parametrize("count", [3, 25])
def test_the_list_runs_the_same_queries_however_many_requests(
    org: Org, client_for: ClientFor, django_assert_num_queries: Any, count: int
) -> None:
    for n in range(count):
        set_next_step(
            file_ticket(org.requester, org.it, title=f"Request {n}"),
            actor=org.agent,
            text="We call you",
            owner=NextStepOwner.DESK,
            shared=True,
            expected_version=1,
        )
    client = client_for(org.requester)
    # person, count, page, and the front door's most read and newest articles (the
    # session comes from the cache)
    with django_assert_num_queries(5):
        html = client.get(reverse("portal:home")).text
    assert html.count("We call you") == count


def test_a_watcher_reads_whose_turn_it_is_by_name_not_as_you(
    org: Org, watcher: Person, ticket: Ticket, client_for: ClientFor
) -> None:
    set_next_step(
        ticket,
        actor=org.agent,
        text="Bring the laptop to room 2.14",
        owner=NextStepOwner.REQUESTER,
        shared=True,
        expected_version=ticket.version,
    )
    mine = client_for(org.requester).get(reverse("portal:request", args=[ticket.reference])).text
    theirs = client_for(watcher).get(reverse("portal:request", args=[ticket.reference])).text
    assert "Who does it: <strong>you</strong>" in mine
    assert "Who does it: <strong>Rita</strong>" in theirs
    listing = client_for(watcher).get(reverse("portal:home")).text
    assert "You follow this request of Rita." in listing and "(by Rita)" in listing
