"""The ticket page's "also here" and the composer's warning (desk/views/presence.py)."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from scotty.accounts.models import Person, UnitMembership
from scotty.core.testing import Org
from scotty.tickets import presence
from scotty.tickets.models import Ticket


def check_in(client: Client, ticket: Ticket, **flags: str) -> str:
    response = client.post(reverse("desk:presence", args=[ticket.reference]), flags)
    assert response.status_code == 200
    return response.content.decode()


def test_the_ticket_page_checks_in_and_has_a_place_for_the_warning(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    body = client_for(org.agent).get(reverse("desk:ticket", args=[ticket.reference])).content
    page = body.decode()
    assert f'hx-post="{reverse("desk:presence", args=[ticket.reference])}"' in page
    assert 'hx-trigger="load, every 5s, presence-ping"' in page
    assert 'id="presence-warning"' in page and "desk/presence.js" in page
    # Its own target: inside #ticket, everything else swaps the whole ticket.
    assert 'hx-target="this" hx-swap="innerHTML"' in page


def test_agents_see_each_other_but_not_themselves(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    alex, bea = client_for(org.agent), client_for(org.agent2)
    assert check_in(alex, ticket).strip() == ""  # alone: nothing to show
    seen = check_in(bea, ticket)
    assert "Alex has it open" in seen and 'title="Alex Agent"' in seen
    seen = check_in(alex, ticket)
    assert "Bea has it open" in seen and "Alex" not in seen


def test_typing_shows_and_warns_whoever_starts_a_reply_too(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    alex, bea = client_for(org.agent), client_for(org.agent2)
    check_in(bea, ticket, typing="1", kind="reply")
    looking = check_in(alex, ticket)
    assert "Bea is typing a reply" in looking
    assert "data-presence-warning" not in looking  # Alex is only reading: no warning
    writing = check_in(alex, ticket, typing="1", kind="reply")
    assert "Bea is typing a reply too." in writing
    assert "Agree who answers before you send yours." in writing
    # A draft left in the composer counts too, between keystrokes.
    assert "Bea is typing a reply too." in check_in(alex, ticket, draft="1", kind="reply")
    # Writing a note, Alex is told what Bea's reply is, not that he is replying too.
    assert "Bea is typing a reply to the requester." in check_in(
        alex, ticket, draft="1", kind="note"
    )


def test_notes_are_named_but_do_not_warn_and_a_sent_reply_does(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    alex, bea = client_for(org.agent), client_for(org.agent2)
    check_in(bea, ticket, typing="1", kind="note")
    seen = check_in(alex, ticket, typing="1", kind="reply")
    assert "Bea is writing an internal note" in seen and "too." not in seen
    check_in(bea, ticket, sent="1", kind="reply")
    seen = check_in(alex, ticket, typing="1", kind="reply")
    assert "Bea just sent a reply" in seen and "Read it before you send yours" in seen
    with time_machine.travel(timezone.now() + timedelta(seconds=presence.SENT_SECONDS + 1)):
        assert "Bea has it open" in check_in(alex, ticket)


def test_a_poll_costs_the_database_nothing(
    org: Org, ticket: Ticket, client_for: Any, django_assert_num_queries: Any
) -> None:
    alex, bea = client_for(org.agent), client_for(org.agent2)
    check_in(bea, ticket, typing="1")
    alex.get(reverse("desk:ticket", args=[ticket.reference]))  # the page the polls come from
    # The session, the agent's names and the permission are all in the cache.
    for _ in range(3):
        with django_assert_num_queries(0):
            assert "Bea is typing a reply too." in check_in(alex, ticket, typing="1")


def test_a_poll_without_the_page_asks_the_database_once(
    org: Org, ticket: Ticket, client_for: Any, django_assert_num_queries: Any
) -> None:
    alex = client_for(org.agent)
    # The first check-in loads the person, their memberships and the ticket ...
    with django_assert_num_queries(3):
        check_in(alex, ticket)
    # ... and remembers them for the ones after it.
    with django_assert_num_queries(0):
        check_in(alex, ticket)


def test_a_signed_out_session_gets_nothing(org: Org, ticket: Ticket, client_for: Any) -> None:
    alex, bea = client_for(org.agent), client_for(org.agent2)
    check_in(bea, ticket, typing="1")
    assert "Bea" in check_in(alex, ticket)
    alex.post(reverse("accounts:sign_out"))
    response = alex.post(reverse("desk:presence", args=[ticket.reference]))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
    assert b"Bea" not in response.content


def _change_password(person: Person) -> None:
    person.set_password("a new and long passphrase")


def _deactivate(person: Person) -> None:
    person.is_active = False


@pytest.mark.parametrize("change", [_change_password, _deactivate], ids=["password", "left"])
def test_a_changed_or_deactivated_agent_stops_seeing_presence_within_minutes(
    org: Org, ticket: Ticket, client_for: Any, change: Callable[[Person], None]
) -> None:
    alex, bea = client_for(org.agent), client_for(org.agent2)
    check_in(alex, ticket)
    change(org.agent)
    org.agent.save()
    assert alex.get(reverse("desk:home")).status_code == 302  # pages: at once
    later = timezone.now() + timedelta(seconds=presence.ACCESS_SECONDS + 1)
    with time_machine.travel(later):
        check_in(bea, ticket, typing="1")
        response = alex.post(reverse("desk:presence", args=[ticket.reference]))
    assert response.status_code == 302 and b"Bea" not in response.content


def test_only_agents_who_work_the_ticket_may_check_in(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    url = reverse("desk:presence", args=[ticket.reference])
    check_in(client_for(org.agent2), ticket)
    for person in (org.hr_agent, org.requester, org.other_requester):
        response = client_for(person).post(url)
        assert response.status_code == 404
        assert b"Bea" not in response.content
    anonymous = Client().post(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/sign-in/")
    assert client_for(org.agent).get(url).status_code == 405  # a check-in is a POST
    # Nothing about them was recorded: Bea still sees nobody.
    assert check_in(client_for(org.agent2), ticket).strip() == ""


def test_the_remembered_check_ends_for_someone_who_left_the_unit(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    alex = client_for(org.agent)
    check_in(alex, ticket)
    UnitMembership.objects.filter(person=org.agent).delete()
    check_in(alex, ticket)  # remembered for a few minutes: names only, no ticket content
    with time_machine.travel(timezone.now() + timedelta(seconds=presence.ACCESS_SECONDS + 1)):
        response = alex.post(reverse("desk:presence", args=[ticket.reference]))
    assert response.status_code == 404
