"""The one update: words, status, next step and "waiting until" recorded together, under
one optimistic check, as one version; refused whole or not at all."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from scotty.core.errors import Conflict, InvalidInput, InvalidTransition, NotAllowed
from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.models import EventKind, Ticket
from scotty.tickets.services import (
    UNCHANGED,
    MessagePart,
    NextStepPart,
    StatusPart,
    add_reply,
    set_priority,
    transition,
    update_ticket,
    waiting_until_on,
)
from scotty.tickets.states import Status
from scotty.tickets.wording import describe

WORDS = {
    None: None,
    "reply": MessagePart("We ordered the part.", internal=False),
    "note": MessagePart("Vendor case 4411.", internal=True),
}
STATUSES = [None, Status.OPEN, Status.WAITING_ON_REQUESTER, Status.RESOLVED]
NEXT_STEP = NextStepPart("Fit the fuser when it arrives", "desk", shared=True)


def fresh(ticket: Ticket) -> Ticket:
    return Ticket.objects.get(pk=ticket.pk)


def status_part(to: str | None) -> StatusPart | None:
    return None if to is None else StatusPart(to, resolution="Fitted a new fuser.")


def in_days(days: int) -> datetime:
    return timezone.now() + timedelta(days=days)


@pytest.mark.parametrize("next_step", [False, True], ids=["same step", "new step"])
@pytest.mark.parametrize("to", STATUSES, ids=lambda s: f"status {s}")
@pytest.mark.parametrize("words", list(WORDS), ids=lambda w: f"words {w}")
def test_every_combination_records_its_events_in_one_version(
    org: Org, words: str | None, to: str | None, next_step: bool
) -> None:
    ticket = file_ticket(org.requester, org.it)
    before, events_before = ticket.version, set(ticket.events.values_list("id", flat=True))
    update: dict[str, Any] = {
        "message": WORDS[words], "status": status_part(to),
        "next_step": NEXT_STEP if next_step else None,
    }  # fmt: skip
    if words is None and to is None and not next_step:
        with pytest.raises(InvalidInput, match="cannot be empty"):
            update_ticket(ticket, actor=org.agent, expected_version=before, **update)
        assert fresh(ticket).version == before and ticket.events.count() == len(events_before)
        return
    update_ticket(ticket, actor=org.agent, expected_version=before, **update)

    row = fresh(ticket)
    new = list(row.events.exclude(id__in=events_before).order_by("id"))
    fields = {e.field for e in new if e.kind == EventKind.FIELD_CHANGED}
    moved_to = to or (Status.OPEN if words == "reply" else None)  # a first reply opens it
    expected = set()
    if moved_to:
        expected.add("status")
    if to == Status.RESOLVED:
        expected.add("resolution")
    if next_step:
        expected |= {"next_step", "next_step_owner"}
    assert fields == expected
    assert [e.new_value for e in new if e.field == "status"] == ([moved_to] if moved_to else [])
    # One version for the whole update: every field event carries it.
    assert row.version == (before + 1 if expected else before)
    assert {e.version for e in new if e.kind == EventKind.FIELD_CHANGED} <= {before + 1}
    message_kinds = [e.kind for e in new if e.message_id]
    assert (
        message_kinds
        == {None: [], "reply": [EventKind.REPLY_ADDED], "note": [EventKind.NOTE_ADDED]}[words]
    )
    assert row.status == (moved_to or Status.NEW)
    assert (row.first_response_at is not None) == (words == "reply")
    assert row.next_step == (NEXT_STEP.text if next_step else "")


def test_a_refused_part_refuses_the_whole_update(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    reply = MessagePart("Fixed, I think.", internal=False, files=[upload()])
    refused: list[tuple[dict[str, Any], type[Exception]]] = [
        ({"status": StatusPart(Status.RESOLVED)}, InvalidInput),  # no resolution
        ({"status": StatusPart(Status.CLOSED)}, InvalidTransition),  # new -> closed
        ({"status": StatusPart("bogus")}, InvalidTransition),
        ({"next_step": NextStepPart("Chase", "martians", shared=True)}, InvalidInput),
        ({"next_step": NextStepPart("x" * 501, "desk", shared=True)}, InvalidInput),
        ({"waiting_until": in_days(2)}, InvalidInput),  # new is no waiting status
        ({"message": MessagePart("   ", internal=False), "next_step": NEXT_STEP}, InvalidInput),
    ]
    for parts, error in refused:
        parts = {"message": reply, **parts}
        with pytest.raises(error):
            update_ticket(ticket, actor=org.agent, expected_version=ticket.version, **parts)
    row = fresh(ticket)
    assert row.version == ticket.version and row.status == Status.NEW and not row.next_step
    assert not row.messages.exists() and not row.attachments.exclude(message=None).exists()
    assert row.events.count() == 1  # created, nothing since


def test_a_stale_update_is_refused_whole_but_words_alone_are_added(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    seen = ticket.version
    set_priority(fresh(ticket), actor=org.agent2, impact="high", urgency="high",
                 expected_version=seen)  # fmt: skip
    with pytest.raises(Conflict) as conflict:
        update_ticket(
            ticket, actor=org.agent, expected_version=seen,
            message=WORDS["reply"], status=StatusPart(Status.WAITING_ON_REQUESTER),
        )  # fmt: skip
    assert any("Bea Second changed priority" in line for line in conflict.value.changes)
    assert fresh(ticket).status == Status.NEW and not ticket.messages.exists()
    # Words alone never conflict: appended, with the reply's own effects.
    update_ticket(ticket, actor=org.agent, expected_version=seen, message=WORDS["reply"])
    assert fresh(ticket).status == Status.OPEN and ticket.messages.count() == 1


def test_unchanged_parts_are_no_change_and_a_stale_page_does_not_matter_for_them(
    org: Org,
) -> None:
    ticket = file_ticket(org.requester, org.it)
    seen = ticket.version
    set_priority(fresh(ticket), actor=org.agent2, impact="high", urgency="high",
                 expected_version=seen)  # fmt: skip
    # The composer always sends the next step it showed; as it was, it changes nothing.
    same = NextStepPart("", "", shared=True)
    update_ticket(ticket, actor=org.agent, expected_version=seen, message=WORDS["note"],
                  next_step=same)  # fmt: skip
    assert fresh(ticket).messages.count() == 1


def test_a_closed_ticket_takes_a_note_and_nothing_else(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    transition(ticket, actor=org.agent, to=Status.RESOLVED, resolution="Done.",
               expected_version=ticket.version)  # fmt: skip
    transition(ticket, actor=org.agent, to=Status.CLOSED, expected_version=ticket.version)
    for parts in (
        {"status": StatusPart(Status.OPEN)},
        {"next_step": NEXT_STEP},
        {"message": WORDS["reply"]},
    ):
        with pytest.raises(NotAllowed, match="closed"):
            update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                          **{"message": WORDS["note"], **parts})  # fmt: skip
    assert not ticket.messages.exists()
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version, message=WORDS["note"])
    assert ticket.messages.get().is_internal


def test_only_agents_of_the_ticket_update_it(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    for person in (org.requester, org.hr_agent):
        with pytest.raises(NotAllowed):
            update_ticket(ticket, actor=person, expected_version=ticket.version,
                          message=WORDS["note"])  # fmt: skip
    assert not ticket.messages.exists()


def test_the_chosen_status_wins_over_a_reply_opening_a_new_ticket(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    update_ticket(
        ticket, actor=org.agent, expected_version=ticket.version, message=WORDS["reply"],
        status=StatusPart(Status.WAITING_ON_REQUESTER), waiting_until=in_days(3),
    )  # fmt: skip
    row = fresh(ticket)
    statuses = list(row.events.filter(field="status").values_list("old_value", "new_value"))
    assert statuses == [("new", "waiting_requester")]
    assert row.first_response_at is not None and row.waiting_until is not None


# "Waiting until"


def waiting(org: Org, days: int = 3) -> Ticket:
    ticket = file_ticket(org.requester, org.it)
    update_ticket(
        ticket, actor=org.agent, expected_version=ticket.version,
        status=StatusPart(Status.WAITING_ON_REQUESTER), waiting_until=in_days(days),
    )  # fmt: skip
    return fresh(ticket)


def test_until_friday_is_friday_at_eight_in_the_agents_time_zone() -> None:
    friday = date(2030, 3, 15)
    assert waiting_until_on(friday) == datetime(2030, 3, 15, 7, 0, tzinfo=UTC)  # Berlin, CET
    assert waiting_until_on(date(2030, 7, 12)) == datetime(2030, 7, 12, 6, 0, tzinfo=UTC)
    with timezone.override("America/New_York"):
        assert waiting_until_on(friday) == datetime(2030, 3, 15, 12, 0, tzinfo=UTC)


def test_waiting_until_is_recorded_as_an_event_and_read_in_local_time(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    with time_machine.travel(datetime(2030, 3, 11, 9, 0, tzinfo=UTC)):
        update_ticket(
            ticket, actor=org.agent, expected_version=ticket.version,
            status=StatusPart(Status.WAITING_ON_REQUESTER),
            waiting_until=waiting_until_on(date(2030, 3, 15)),
        )  # fmt: skip
    event = fresh(ticket).events.get(field="waiting_until")
    assert (event.old_value, event.new_value) == ("", "2030-03-15T07:00:00+00:00")
    assert not event.is_public  # desk-only: the requester reads the status
    assert (
        describe(event) == "Alex Agent changed waiting until from “—” to “Fri 15 Mar 2030, 08:00”"
    )


def test_a_date_goes_with_a_waiting_status_and_lies_ahead(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    cases = [
        (StatusPart(Status.OPEN), in_days(2), "goes with a waiting status"),
        (None, in_days(2), "goes with a waiting status"),  # new is not waiting
        (StatusPart(Status.WAITING_ON_REQUESTER), in_days(-1), "has passed"),
        (StatusPart(Status.WAITING_ON_THIRD_PARTY), in_days(400), "at most a year"),
    ]
    for status, moment, message in cases:
        with pytest.raises(InvalidInput, match=message):
            update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                          status=status, waiting_until=moment)  # fmt: skip
    assert fresh(ticket).waiting_until is None and fresh(ticket).status == Status.NEW


def test_waiting_until_can_move_or_go_while_the_ticket_waits(org: Org) -> None:
    ticket = waiting(org)
    later = in_days(10)
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version, waiting_until=later)
    assert fresh(ticket).waiting_until == later
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version, waiting_until=None)
    assert (
        fresh(ticket).waiting_until is None and fresh(ticket).status == Status.WAITING_ON_REQUESTER
    )


def test_words_alone_keep_the_date(org: Org) -> None:
    ticket = waiting(org)
    until = ticket.waiting_until
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                  message=WORDS["note"], waiting_until=UNCHANGED)  # fmt: skip
    assert fresh(ticket).waiting_until == until


@pytest.mark.parametrize("how", ["update", "transition", "requester replies"])
def test_leaving_the_waiting_statuses_clears_the_date(org: Org, how: str) -> None:
    ticket = waiting(org)
    if how == "update":
        update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                      status=StatusPart(Status.OPEN))  # fmt: skip
    elif how == "transition":
        transition(ticket, actor=org.agent, to=Status.RESOLVED, resolution="Done.",
                   expected_version=ticket.version)  # fmt: skip
    else:
        add_reply(ticket, author=org.requester, body="Here is the serial number.")
    row = fresh(ticket)
    assert row.status != Status.WAITING_ON_REQUESTER and row.waiting_until is None
    cleared = row.events.filter(field="waiting_until").order_by("id").last()
    assert cleared is not None and cleared.new_value == "" and cleared.version == row.version


def test_moving_between_waiting_statuses_keeps_the_date(org: Org) -> None:
    ticket = waiting(org)
    until = ticket.waiting_until
    update_ticket(ticket, actor=org.agent, expected_version=ticket.version,
                  status=StatusPart(Status.WAITING_ON_THIRD_PARTY))  # fmt: skip
    assert fresh(ticket).waiting_until == until
