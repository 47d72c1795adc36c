"""The desk's notification list and bell: each agent sees only their own, the bell
counts the unread from the cache, marking read is a POST, and a ticket the agent may no
longer open is not named."""

import pytest
from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scotty.accounts.models import UnitMembership
from scotty.core.testing import Org, file_ticket
from scotty.notifications.models import NoticeKind
from scotty.notifications.services import notify
from scotty.tickets.models import Ticket


def breach_for(org: Org, *people: int) -> Ticket:
    ticket = file_ticket(org.requester, org.it, "VPN drops every hour")
    notify(people or [org.agent.pk], NoticeKind.SLA_BREACH, ticket=ticket, clock="resolution",
           due=ticket.created_at)  # fmt: skip
    return ticket


@pytest.mark.django_db
def test_the_bell_counts_the_unread_and_the_page_lists_them(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = breach_for(org)
    client = client_for(org.agent)
    bell = client.get(reverse("desk:bell")).content.decode()
    assert "Notifications" in bell and ">1</span>" in bell
    page = client.get(reverse("desk:notifications")).content.decode()
    assert "SLA breached: resolution was due" in page
    assert ticket.reference in page and "VPN drops every hour" in page
    response = client.post(reverse("desk:notifications_read"))
    assert response.status_code == 302
    assert ">1</span>" not in client.get(reverse("desk:bell")).content.decode()


@pytest.mark.django_db
def test_an_agent_never_sees_anothers_notifications(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    breach_for(org, org.agent.pk)
    other = client_for(org.agent2)
    assert "SLA breached" not in other.get(reverse("desk:notifications")).content.decode()
    assert "</span>" not in other.get(reverse("desk:bell")).content.decode()
    other.post(reverse("desk:notifications_read"))  # marks only Bea's
    assert ">1</span>" in client_for(org.agent).get(reverse("desk:bell")).content.decode()


@pytest.mark.django_db
def test_a_ticket_the_agent_may_no_longer_open_is_not_named(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    ticket = breach_for(org)
    UnitMembership.objects.filter(person=org.agent, unit=org.it).delete()
    UnitMembership.objects.create(person=org.agent, unit=org.hr)
    page = client_for(org.agent).get(reverse("desk:notifications")).content.decode()
    assert "SLA breached" in page
    assert ticket.reference not in page and "VPN drops" not in page


@pytest.mark.django_db
def test_the_bell_costs_no_query_once_counted(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    breach_for(org)
    client = client_for(org.agent)
    client.get(reverse("desk:bell"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("desk:bell"))
    assert not [q for q in queries.captured_queries if "notification" in q["sql"]]


@pytest.mark.django_db
def test_marking_read_is_a_post(org: Org, client_for) -> None:  # type: ignore[no-untyped-def]
    breach_for(org)
    client = client_for(org.agent)
    assert client.get(reverse("desk:notifications_read")).status_code == 405
    assert ">1</span>" in client.get(reverse("desk:bell")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["desk:notifications", "desk:bell"])
def test_requesters_and_strangers_get_no_notification_list(org: Org, client_for, client,
                                                           name: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    breach_for(org, org.requester.pk)
    response = client_for(org.requester).get(reverse(name))
    assert response.status_code in (302, 404) and b"SLA breached" not in response.content
    anonymous = client.get(reverse(name))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(resolve_url(settings.LOGIN_URL))
