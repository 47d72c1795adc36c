"""A double click, a reload after POST, two submits at once: the work is done once, and
the repeat gets the first answer. Portal and desk create and append forms."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.accounts.models import Person
from scotty.core.once import once
from scotty.core.testing import Org, file_ticket, run_together
from scotty.tickets.models import Ticket

from .conftest import resolve

ClientFor = Callable[[Person], Client]


def token_on(client: Client, url: str) -> str:
    found = re.findall(r'name="once" value="([^"]+)"', client.get(url).text)
    assert found, "the form carries a one-time token"
    return str(found[-1])


def test_a_double_submitted_new_request_files_one_request(org: Org, client_for: ClientFor) -> None:
    client = client_for(org.requester)
    data = {"unit": org.it.pk, "title": "Need a headset", "description": "Mine broke.",
            "once": token_on(client, reverse("portal:new"))}  # fmt: skip
    first = client.post(reverse("portal:new"), data)
    second = client.post(reverse("portal:new"), data, follow=True)
    assert Ticket.objects.count() == 1
    reference = Ticket.objects.get().reference
    assert first["Location"] == second.redirect_chain[0][0]
    assert f"We received your request {reference}" in second.text


def test_every_new_form_gets_a_fresh_token(org: Org, client_for: ClientFor) -> None:
    client = client_for(org.requester)
    assert token_on(client, reverse("portal:new")) != token_on(client, reverse("portal:new"))


def test_a_double_submitted_reply_is_sent_once(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    client = client_for(org.requester)
    url = reverse("portal:request", args=[ticket.reference])
    data = {"body": "It is the HP on floor 3.", "once": token_on(client, url)}
    for _ in range(2):
        response = client.post(reverse("portal:reply", args=[ticket.reference]), data, follow=True)
        assert "Your reply was sent." in response.text
    assert ticket.messages.filter(body="It is the HP on floor 3.").count() == 1


def test_a_double_submitted_not_fixed_reopens_once(
    org: Org, ticket: Ticket, client_for: ClientFor
) -> None:
    resolve(org, ticket)
    client = client_for(org.requester)
    url = reverse("portal:request", args=[ticket.reference])
    token = re.findall(r'name="once" value="([^"]+)"', client.get(url).text)[0]  # reject form
    data = {"reason": "Still jams.", "once": token}
    for _ in range(2):
        client.post(reverse("portal:reopen", args=[ticket.reference]), data)
    assert ticket.messages.filter(body="Still jams.").count() == 1


def test_a_double_submitted_logged_call_opens_one_ticket(org: Org, client_for: ClientFor) -> None:
    client = client_for(org.agent)
    data = {"requester": org.requester.email, "unit": org.it.pk, "channel": "phone",
            "title": "Cannot print", "description": "Called at 9.", "impact": "low",
            "urgency": "medium", "once": token_on(client, reverse("desk:log_call"))}  # fmt: skip
    first = client.post(reverse("desk:log_call"), data)
    second = client.post(reverse("desk:log_call"), data)
    assert Ticket.objects.count() == 1 and first["Location"] == second["Location"]


@pytest.mark.django_db(transaction=True)
def test_two_submits_with_one_token_at_the_same_moment_do_the_work_once(org: Org) -> None:
    def submit() -> Any:
        return once(org.requester.pk, "same-token-from-one-form", lambda: {
            "reference": file_ticket(org.requester, org.it).reference})  # fmt: skip

    results = run_together(submit, submit)
    assert not any(isinstance(r, Exception) for r in results), results
    (first, first_repeat), (second, second_repeat) = results  # type: ignore[misc]
    assert first == second and {first_repeat, second_repeat} == {True, False}
    assert Ticket.objects.count() == 1


def test_the_same_token_from_another_person_is_their_own_submission(org: Org) -> None:
    def filer(person: Person) -> Callable[[], dict[str, Any]]:
        return lambda: {"reference": file_ticket(person, org.it).reference}

    mine, _ = once(org.requester.pk, "a-token-both-happen-to-send", filer(org.requester))
    theirs, repeat = once(org.colleague.pk, "a-token-both-happen-to-send", filer(org.colleague))
    assert mine != theirs and not repeat and Ticket.objects.count() == 2
