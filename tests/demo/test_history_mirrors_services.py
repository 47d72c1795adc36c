"""The generator's in-memory history must record what the real services record.

Both sides play the same moves on the same ticket; their events (kind, field, old and
new value, public or not, version) and resulting ticket fields must be equal. When a
service changes what it records, this fails and `scotty.demo.history` needs the change.
"""

from datetime import timedelta

import time_machine
from django.utils import timezone

from scotty.accounts.services import save_agent_group
from scotty.catalog.answers import clean_answers, questions_of
from scotty.catalog.offering import save_request_type
from scotty.core.testing import Org, file_ticket
from scotty.demo.history import History
from scotty.tickets.models import Ticket, TicketAnswer, TicketEvent
from scotty.tickets.services import (
    add_reply,
    add_watcher,
    assign,
    close_expired_resolutions,
    confirm_resolution,
    set_next_step,
    set_priority,
    set_tags,
    transfer,
    transition,
    update_ticket,
    waiting_until_on,
)
from scotty.tickets.states import Status
from tests.catalog_forms import good_answers, laptop_form

Shape = tuple[str, str, str, str, bool, int, int | None]


def shapes(events: list[TicketEvent]) -> list[Shape]:
    return [
        (e.kind, e.field, e.old_value, e.new_value, e.is_public, e.version, e.actor_id)
        for e in events
    ]


def mirror_of(ticket: Ticket, org: Org) -> History:
    copy = Ticket.objects.get(pk=ticket.pk)
    return History(copy, requester=org.requester, working_unit=org.it)


def service_events(ticket: Ticket) -> list[Shape]:
    return shapes(list(ticket.events.order_by("id"))[1:])  # after `created`


def fresh(ticket: Ticket) -> Ticket:
    return Ticket.objects.get(pk=ticket.pk)


_COMPARED = ("status", "is_open", "version", "assignee_id", "working_unit_id", "owning_unit_id",
             "priority", "impact", "urgency", "resolution", "next_step", "next_step_owner",
             "next_step_shared", "updated_by_id", "waiting_until")  # fmt: skip


def assert_same(ticket: Ticket, history: History) -> None:
    mirrored = [
        (e.kind, e.field, e.old_value, e.new_value, e.is_public, e.version, e.actor_id)
        for e in history.events
    ]
    assert mirrored == service_events(ticket)
    row = fresh(ticket)
    for name in _COMPARED:
        assert getattr(history.ticket, name) == getattr(row, name), name
    # Whether the requester saw activity last at the same step (the mirror runs at `now`).
    assert (history.ticket.public_activity_at > history.ticket.created_at) == (
        row.public_activity_at > row.created_at
    )
    for stamp in ("first_response_at", "resolved_at", "closed_at"):
        assert (getattr(history.ticket, stamp) is None) == (getattr(row, stamp) is None), stamp


def test_a_whole_ticket_life_records_the_same_events(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it, title="VPN drops")
    h, now = mirror_of(ticket, org), timezone.now()

    set_priority(
        ticket, actor=org.agent, impact="medium", urgency="high", expected_version=ticket.version
    )
    h.set_priority(now, org.agent, "medium", "high")
    assign(ticket, actor=org.manager, assignee=org.agent, expected_version=ticket.version)
    h.assign(now, org.manager, org.agent)
    add_reply(fresh(ticket), author=org.agent, body="Looking at it.")
    h.agent_reply(now, org.agent, "Looking at it.")
    set_tags(
        fresh(ticket),
        actor=org.agent,
        names=["vpn", "network"],
        expected_version=fresh(ticket).version,
    )
    h.set_tags(now, org.agent, ["vpn", "network"])
    add_watcher(fresh(ticket), actor=org.agent, watcher=org.colleague)
    h.add_watcher(now, org.agent, org.colleague)
    add_reply(fresh(ticket), author=org.agent, body="Gateway log shows errors.", internal=True)
    h.message(now, org.agent, "Gateway log shows errors.", internal=True, channel="desk")
    assert_same(ticket, h)

    ticket = transfer(
        fresh(ticket),
        actor=org.agent,
        working_unit=org.infra,
        expected_version=fresh(ticket).version,
    )
    h.transfer(now, org.agent, org.infra, assignee_stays=False)
    assign(
        ticket,
        actor=org.infra_agent,
        assignee=org.infra_agent,
        expected_version=fresh(ticket).version,
    )
    h.assign(now, org.infra_agent, org.infra_agent)
    assert_same(ticket, h)

    ticket = fresh(ticket)
    add_reply(ticket, author=org.infra_agent, body="Which network are you on?")
    h.agent_reply(now, org.infra_agent, "Which network are you on?")
    ticket = transition(
        fresh(ticket),
        actor=org.infra_agent,
        to=Status.WAITING_ON_REQUESTER,
        expected_version=fresh(ticket).version,
    )
    h.move(now, org.infra_agent, Status.WAITING_ON_REQUESTER)
    set_next_step(
        fresh(ticket),
        actor=org.infra_agent,
        text="Send a screenshot",
        owner="requester",
        shared=False,
        expected_version=fresh(ticket).version,
    )
    h.set_next_step(now, org.infra_agent, "Send a screenshot", "requester", False)
    friday = waiting_until_on((now + timedelta(days=3)).date())
    update_ticket(
        fresh(ticket), actor=org.infra_agent, expected_version=fresh(ticket).version,
        waiting_until=friday,
    )  # fmt: skip
    h.wait_until(now, org.infra_agent, friday)
    assert_same(ticket, h)
    add_reply(fresh(ticket), author=org.requester, body="Home wi-fi.")
    h.requester_reply(now, "Home wi-fi.", "portal")
    assert_same(ticket, h)

    transition(
        fresh(ticket),
        actor=org.infra_agent,
        to=Status.WAITING_ON_THIRD_PARTY,
        expected_version=fresh(ticket).version,
    )
    h.move(now, org.infra_agent, Status.WAITING_ON_THIRD_PARTY)
    transition(
        fresh(ticket), actor=org.infra_agent, to=Status.OPEN, expected_version=fresh(ticket).version
    )
    h.move(now, org.infra_agent, Status.OPEN)
    transition(
        fresh(ticket),
        actor=org.infra_agent,
        to=Status.RESOLVED,
        resolution="Renewed the certificate.",
        expected_version=fresh(ticket).version,
    )
    h.move(now, org.infra_agent, Status.RESOLVED, "Renewed the certificate.")
    add_reply(fresh(ticket), author=org.requester, body="It is back.")
    h.requester_reply(now, "It is back.", "portal")
    transition(
        fresh(ticket),
        actor=org.infra_agent,
        to=Status.RESOLVED,
        resolution="Replaced the profile.",
        expected_version=fresh(ticket).version,
    )
    h.move(now, org.infra_agent, Status.RESOLVED, "Replaced the profile.")
    confirm_resolution(fresh(ticket), requester=org.requester)
    h.move(now, org.requester, Status.CLOSED)
    assert_same(ticket, h)


def test_a_ticket_logged_by_phone_answered_and_closed_by_scotty(org: Org) -> None:
    ticket = file_ticket(
        org.requester, org.it, actor=org.agent, channel="phone", impact="high", urgency="high"
    )
    h, now = mirror_of(ticket, org), timezone.now()
    add_reply(fresh(ticket), author=org.agent, body="On it.")  # a new ticket: opens it
    h.agent_reply(now, org.agent, "On it.")
    set_next_step(
        fresh(ticket),
        actor=org.agent,
        text="Call back at 3",
        owner="desk",
        shared=True,
        expected_version=fresh(ticket).version,
    )
    h.set_next_step(now, org.agent, "Call back at 3", "desk", True)
    transition(
        fresh(ticket),
        actor=org.agent,
        to=Status.RESOLVED,
        resolution="Fixed.",
        expected_version=fresh(ticket).version,
    )
    h.move(now, org.agent, Status.RESOLVED, "Fixed.")
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        assert close_expired_resolutions() == 1
    h.move(now, None, Status.CLOSED)
    assert_same(ticket, h)


def test_filing_through_a_request_type_stores_what_open_ticket_stores(org: Org) -> None:
    """The service, form version, group, tags and answers of a demo ticket filed through
    a form are the rows open_ticket writes; a transfer takes the group away on both."""
    form = laptop_form(org)
    group = save_agent_group(org.it, actor=org.admin, name="Desktop", members=[org.agent])
    form.request_type.agent_group = group
    save_request_type(form.request_type, actor=org.admin)
    ticket = file_ticket(org.requester, org.it, title="Laptop", description="",
                         service=form.service, request_type=form.request_type,
                         answers=good_answers(org))  # fmt: skip

    h = History(Ticket(), requester=org.requester, working_unit=org.it)
    answers = clean_answers(questions_of(form.version), good_answers(org))
    h.filed_through(form.request_type, form.version, group, answers)
    row = fresh(ticket)
    for name in ("service_id", "request_type_id", "form_version_id", "agent_group_id"):
        assert getattr(h.ticket, name) == getattr(row, name), name
    assert h.tags == sorted(row.tags.values_list("name", flat=True))
    assert [(a.question_id, a.key, a.value, a.match, a.person_id) for a in h.answers] == [
        (a.question_id, a.key, a.value, a.match, a.person_id)
        for a in TicketAnswer.objects.filter(ticket=ticket).order_by("id")
    ]

    h, now = mirror_of(ticket, org), timezone.now()
    h.agent_group = group
    assign(fresh(ticket), actor=org.agent, assignee=org.agent, expected_version=row.version)
    h.assign(now, org.agent, org.agent)
    transfer(fresh(ticket), actor=org.agent, working_unit=org.infra,
             expected_version=fresh(ticket).version)  # fmt: skip
    h.transfer(now, org.agent, org.infra, assignee_stays=False)
    assert_same(ticket, h)
    assert fresh(ticket).agent_group_id is None and h.ticket.agent_group_id is None
