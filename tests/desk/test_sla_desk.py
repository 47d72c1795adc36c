"""Service levels on the desk: time left or overdue in the queues (business time), the
"due soonest" sort and the overdue / due-within-the-hour filters, the ticket's clock
panel, and the page that explains the clock; who may see them."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.services.conversation import add_reply
from scotty.tickets.services.workflow import transition
from scotty.tickets.states import Status
from tests.sla import give_terms

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return MONDAY.replace(hour=hour, minute=minute) + timedelta(days=day)


def filed(org: Org, when: datetime, title: str) -> Ticket:
    with time_machine.travel(when, tick=False):
        return file_ticket(org.requester, org.it, title)


@pytest.fixture
def desk(org: Org) -> dict[str, Ticket]:
    """Three P4 tickets of IT (4 business hours to resolve, 1 to answer), seen Monday
    at 12:30: one overdue, one due within the hour, one with time to spare; and one
    waiting on the requester (paused)."""
    give_terms(org)
    tickets = {
        "late": filed(org, at(0, 8), "Scanner offline"),  # answer due 10:00: overdue
        "soon": filed(org, at(0, 11, 45), "Monitor flickers"),  # answer due 12:45
        "later": filed(org, at(0, 12, 15), "New mouse please"),  # answered: due 16:15
        "paused": filed(org, at(0, 9), "Which printer?"),
    }
    with time_machine.travel(at(0, 12, 20), tick=False):
        add_reply(tickets["later"], author=org.agent, body="One is on its way.", channel="desk")
    with time_machine.travel(at(0, 9, 30), tick=False):
        paused = tickets["paused"]
        add_reply(paused, author=org.agent, body="Which one do you mean?", channel="desk")
        paused.refresh_from_db()
        transition(paused, actor=org.agent, to=Status.WAITING_ON_REQUESTER,
                   expected_version=paused.version)  # fmt: skip
    return tickets


def page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    with time_machine.travel(at(0, 12, 30), tick=False):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def rows(html: str) -> list[str]:
    """The titles of a queue page's rows, in order."""
    return re.findall(r'<span class="ref">[A-Z]+-\d+</span> ([^<]+)</a>', html)


@pytest.mark.django_db
def test_the_queue_shows_time_left_or_overdue_in_business_time(org: Org, desk: dict[str, Ticket],
                                                               client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    html = page(client_for(org.agent), reverse("desk:queue", args=["open"]))
    assert '<th scope="col">Due</th>' in html
    assert 'class="due-breached"' in html and "overdue by 2 h 30 min" in html  # since 10:00
    assert 'class="due-soon"' in html and "15 min left" in html
    assert "3 h 45 min left" in html


@pytest.mark.django_db
def test_due_soonest_puts_the_overdue_first_and_nothing_due_last(org: Org, desk: dict[str, Ticket],
                                                                 client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    html = page(client_for(org.agent), reverse("desk:queue", args=["open"]) + "?sort=due")
    assert rows(html) == ["Scanner offline", "Monitor flickers", "New mouse please",
                          "Which printer?"]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("due", "titles"),
    [("breached", ["Scanner offline"]), ("soon", ["Monitor flickers"])],
)
def test_the_due_filters(org: Org, desk: dict[str, Ticket], client_for, due: str,
                         titles: list[str]) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    html = page(client_for(org.agent), reverse("desk:queue", args=["open"]) + f"?due={due}")
    assert rows(html) == titles


@pytest.mark.django_db
def test_a_forged_due_filter_is_reported_and_ignored(org: Org, desk: dict[str, Ticket],
                                                     client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    html = page(client_for(org.agent), reverse("desk:queue", args=["open"]) + "?due=%27;--")
    assert len(rows(html)) == 4
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_the_due_column_costs_one_query_however_many_rows(org: Org, desk: dict[str, Ticket],
                                                          client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    client = client_for(org.agent)
    url = reverse("desk:queue", args=["open"])
    page(client, url)  # warm: the counts are cached after the first
    with CaptureQueriesContext(connection) as few:
        page(client, url + "?due=breached")
    with CaptureQueriesContext(connection) as many:
        page(client, url + "?sort=due")
    calendar_reads = [q for q in many.captured_queries if "catalog_unitcalendar" in q["sql"]]
    assert len(calendar_reads) == 1
    assert len(many.captured_queries) <= len(few.captured_queries)


@pytest.mark.django_db
def test_the_ticket_page_shows_its_clocks_and_links_their_explanation(
    org: Org,
    desk: dict[str, Ticket],
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    client = client_for(org.agent)
    late = desk["late"]
    html = page(client, reverse("desk:ticket", args=[late.reference]))
    assert "Service level" in html
    assert "First response" in html and "overdue by 2 h 30 min" in html
    assert "Resolution" in html and "30 min left" in html  # due 13:00
    assert reverse("desk:ticket_clock", args=[late.reference]) in html
    paused = page(client, reverse("desk:ticket", args=[desk["paused"].reference]))
    assert "answered in 30 min (met)" in paused
    assert "paused while the ticket waits" in paused


@pytest.mark.django_db
def test_the_clock_page_lists_each_interval_and_what_moved_it(org: Org, desk: dict[str, Ticket],
                                                              client_for) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    html = page(
        client_for(org.agent), reverse("desk:ticket_clock", args=[desk["paused"].reference])
    )
    assert "How the clock is counted" in html
    assert "IT office" in html and "sla of IT Service Desk" in html
    assert "Waiting on requester" in html and "paused or stopped" in html
    assert "30 min" in html  # counted from 09:00 to 09:30


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["requester", "hr_agent", "other_requester"])
def test_nobody_but_the_tickets_agents_sees_its_clock(org: Org, desk: dict[str, Ticket],
                                                      client_for, who: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    url = reverse("desk:ticket_clock", args=[desk["late"].reference])
    response = client_for(getattr(org, who)).get(url)
    assert response.status_code in (302, 404)
    assert b"How the clock is counted" not in response.content


@pytest.mark.django_db
def test_the_clock_page_asks_a_stranger_to_sign_in(client, desk: dict[str, Ticket]) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("desk:ticket_clock", args=[desk["late"].reference]))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
