"""Unread markers: which tickets changed, by someone else, since an agent last opened them."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from scotty.accounts.models import Person
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import TicketView
from scotty.tickets.queues import QUEUES, queue_page
from scotty.tickets.services import (
    add_reply,
    assign,
    close_expired_resolutions,
    set_tags,
    transfer,
    transition,
)
from scotty.tickets.services.visits import mark_seen
from scotty.tickets.states import Status


def unread(person: Person, slug: str = "open") -> set[str]:
    return {t.reference for t in queue_page(person, slug).tickets if t.unread}  # type: ignore[attr-defined]


def test_a_reply_a_note_or_a_colleagues_change_makes_a_ticket_unread_again(org: Org) -> None:
    rita = file_ticket(org.requester, org.it, title="Rita's")
    logged = file_ticket(org.requester, org.it, title="Logged by Alex", actor=org.agent)
    # Never opened: news to every agent but the one who filed it.
    assert unread(org.agent) == {rita.reference}
    assert unread(org.agent2) == {rita.reference, logged.reference}
    mark_seen(rita, person=org.agent)
    assert unread(org.agent) == set()
    add_reply(rita, author=org.requester, body="It jams again.")
    assert unread(org.agent) == {rita.reference}
    mark_seen(rita, person=org.agent)
    add_reply(rita, author=org.agent, body="Looking at it now.")  # my own words: still read
    assert unread(org.agent) == set()
    assert rita.reference in unread(org.agent2)
    add_reply(rita, author=org.agent2, body="Fuser worn, I think.", internal=True)
    assert unread(org.agent) == {rita.reference}  # a colleague's note
    mark_seen(rita, person=org.agent)
    set_tags(rita, actor=org.agent2, names=["printer"], expected_version=rita.version)
    assert unread(org.agent) == {rita.reference}  # a colleague's tags


def test_a_change_scotty_makes_counts_as_someone_elses(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    transition(ticket, actor=org.agent, to=Status.RESOLVED, resolution="Fixed.",
               expected_version=ticket.version)  # fmt: skip
    mark_seen(ticket, person=org.agent)
    assert unread(org.agent, "resolved") == set()
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        assert close_expired_resolutions() == 1
    with time_machine.travel(timezone.now() + timedelta(days=1)):  # still recently resolved
        assert unread(org.agent, "resolved") == {ticket.reference}


def test_every_queue_marks_its_rows(org: Org) -> None:
    mine, seen = (file_ticket(org.requester, org.it, title=name) for name in ("mine", "seen"))
    for ticket in (mine, seen):
        assign(ticket, actor=org.agent2, assignee=org.agent, expected_version=ticket.version)
    mark_seen(seen, person=org.agent)
    handed = file_ticket(org.requester, org.it, title="handed", actor=org.agent)
    transfer(handed, actor=org.agent, working_unit=org.infra, expected_version=handed.version)
    add_reply(handed, author=org.infra_agent, body="On it.", internal=True)
    shown = 0
    for queue in QUEUES:
        for row in queue_page(org.agent, queue.slug).tickets:
            assert row.unread is (row.pk != seen.pk), (queue.slug, row.title)  # type: ignore[attr-defined]
            shown += 1
    assert shown >= 6  # mine, needs my action, all open (x2 each), handed off
    assert mine.reference in unread(org.agent, "needs-action")
    assert handed.reference in unread(org.agent, "handed-off")


def test_opening_a_ticket_again_overwrites_the_one_row(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    for _ in range(3):
        mark_seen(ticket, person=org.agent)
    mark_seen(ticket, person=org.agent2)
    assert TicketView.objects.filter(ticket=ticket).count() == 2
    mark_seen(ticket, person=org.requester)  # the portal's reader: no markers, no row
    mark_seen(ticket, person=org.hr_agent)  # may not work it: no row either
    assert TicketView.objects.filter(ticket=ticket).count() == 2


def test_opening_an_unchanged_ticket_again_writes_nothing(org: Org) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ticket = file_ticket(org.requester, org.it)
    mark_seen(ticket, person=org.agent)
    first = TicketView.objects.get(ticket=ticket, person=org.agent).seen_at
    with CaptureQueriesContext(connection) as again:
        mark_seen(ticket, person=org.agent)
    assert not [q for q in again.captured_queries if "INSERT" in q["sql"]]  # a read only
    assert TicketView.objects.get(ticket=ticket, person=org.agent).seen_at == first
    add_reply(ticket, author=org.requester, body="Any news?")
    assert ticket.reference in unread(org.agent)
    ticket.refresh_from_db()
    mark_seen(ticket, person=org.agent)  # changed since: written again, read again
    assert TicketView.objects.get(ticket=ticket, person=org.agent).seen_at > first
    assert ticket.reference not in unread(org.agent)


def test_unread_costs_no_query_of_its_own(
    org: Org, django_assert_num_queries: pytest.FixtureRequest
) -> None:
    for i in range(5):
        ticket = file_ticket(org.requester, org.it, title=f"t{i}")
        if i % 2:
            mark_seen(ticket, person=org.agent)
    queue_page(org.agent, "open")  # the agent's units, cached
    with django_assert_num_queries(2):  # type: ignore[operator]
        rows = queue_page(org.agent, "open").tickets
        assert [t.unread for t in rows] == [True, False, True, False, True]  # type: ignore[attr-defined]
