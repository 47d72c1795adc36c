"""What a requester can expect, on their request page: the SLA's promise in plain words
with real dates in their time zone, honest when it is late, silent while we wait for
them; and what recent experience of the unit says, hidden when there is too little."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.services.conversation import add_reply
from scotty.tickets.services.workflow import transition
from scotty.tickets.states import Status
from tests.sla import give_terms

BERLIN = ZoneInfo("Europe/Berlin")
FRIDAY = datetime(2026, 11, 27, 16, 30, tzinfo=BERLIN)


def filed(org: Org, when: datetime = FRIDAY) -> Ticket:
    give_terms(org)  # P4: a reply within 1 business hour, resolved within 4
    with time_machine.travel(when, tick=False):
        return file_ticket(org.requester, org.it)


def seen(client, ticket: Ticket, when: datetime, language: str = "en") -> str:  # type: ignore[no-untyped-def]
    with time_machine.travel(when, tick=False):
        response = client.get(reverse("portal:request", args=[ticket.reference]),
                              HTTP_ACCEPT_LANGUAGE=language)  # fmt: skip
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_promise_names_the_days_in_plain_words(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = filed(org)
    page = seen(client_for(org.requester), ticket, FRIDAY + timedelta(minutes=5))
    assert "What to expect" in page
    assert "We will reply by Monday 09:30 and aim to resolve this by Monday." in page


@pytest.mark.django_db
def test_once_answered_only_the_resolution_is_promised(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = filed(org)
    with time_machine.travel(FRIDAY + timedelta(minutes=10), tick=False):
        add_reply(ticket, author=org.agent, body="We are on it.", channel="desk")
    page = seen(client_for(org.requester), ticket, FRIDAY + timedelta(minutes=15))
    assert "We aim to resolve this by Monday." in page and "reply by" not in page


@pytest.mark.django_db
def test_a_late_request_says_so_honestly(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = filed(org)
    page = seen(client_for(org.requester), ticket, FRIDAY + timedelta(days=4))  # Tuesday
    assert "This is taking longer than we aimed for" in page
    assert "by Monday" in page


@pytest.mark.django_db
def test_nothing_is_promised_while_we_wait_for_them_or_without_an_sla(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = filed(org)
    with time_machine.travel(FRIDAY + timedelta(minutes=10), tick=False):
        transition(ticket, actor=org.agent, to=Status.WAITING_ON_REQUESTER,
                   expected_version=ticket.version)  # fmt: skip
    client = client_for(org.requester)
    assert "What to expect" not in seen(client, ticket, FRIDAY + timedelta(minutes=15))
    hr = file_ticket(org.requester, org.hr, "Payslip wrong")  # HR has no SLA
    assert "What to expect" not in seen(client, hr, FRIDAY + timedelta(minutes=15))


@pytest.mark.django_db
def test_the_days_read_in_the_requesters_language(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = filed(org)
    page = seen(client_for(org.requester), ticket, FRIDAY + timedelta(minutes=5), "de")
    assert "Montag" in page


@pytest.mark.django_db
def test_experience_is_told_when_there_is_enough_of_it(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = filed(org)
    client = client_for(org.requester)
    cache.clear()
    assert "Most requests" not in seen(client, ticket, FRIDAY + timedelta(minutes=5))
    done = []
    for n in range(24):
        with time_machine.travel(FRIDAY - timedelta(days=10 + n), tick=False):
            done.append(file_ticket(org.other_requester, org.it, f"Old request {n}"))
    # Three in four took 6 business hours or less: under an 8-hour working day.
    minutes = [6 * 60] * 18 + [30 * 60] * 6
    for old, took in zip(done, minutes, strict=True):
        Ticket.objects.filter(pk=old.pk).update(
            status=Status.RESOLVED, is_open=False, resolved_at=FRIDAY - timedelta(days=5),
            resolution_minutes=took,
        )  # fmt: skip
    cache.clear()
    page = seen(client, ticket, FRIDAY + timedelta(minutes=5))
    assert "Most requests to IT Service Desk in the last 90 days were resolved within " \
           "6 working hours." in page  # fmt: skip


@pytest.mark.django_db
def test_the_promise_shows_nothing_of_the_desks_internals(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = filed(org)
    page = seen(client_for(org.requester), ticket, FRIDAY + timedelta(minutes=5))
    for internal in ("OLA", "sla of", "IT office", "breach"):
        assert internal not in page
