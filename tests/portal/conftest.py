"""Helpers for portal tests: a watcher persona and a few ticket states built by services."""

import pytest

from scotty.accounts.models import Person
from scotty.accounts.services import create_person
from scotty.core.testing import PASSWORD, Org, file_ticket
from scotty.tickets.models import Ticket
from scotty.tickets.services import add_watcher, transition
from scotty.tickets.states import Status


@pytest.fixture
def watcher(org: Org) -> Person:
    """Wendy, Sales: follows Rita's request because an agent added her."""
    return create_person(
        email="wendy@example.org",
        full_name="Wendy Watcher",
        password=PASSWORD,
        department=org.sales,
    )


@pytest.fixture
def ticket(org: Org, watcher: Person) -> Ticket:
    """Rita's printer request in IT, with Wendy watching."""
    filed = file_ticket(org.requester, org.it)
    return add_watcher(filed, actor=org.agent, watcher=watcher)


def resolve(org: Org, ticket: Ticket, text: str = "Replaced the fuser unit.") -> Ticket:
    ticket.refresh_from_db()
    return transition(
        ticket,
        actor=org.agent,
        to=Status.RESOLVED,
        expected_version=ticket.version,
        resolution=text,
    )


def fresh(ticket: Ticket) -> Ticket:
    return Ticket.objects.get(pk=ticket.pk)
