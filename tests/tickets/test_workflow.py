from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from scotty.core.errors import Conflict, InvalidInput, InvalidTransition, NotAllowed
from scotty.core.testing import Org, file_ticket
from scotty.tickets import states
from scotty.tickets.models import Ticket
from scotty.tickets.services import (
    add_reply,
    assign,
    close_expired_resolutions,
    confirm_resolution,
    reject_resolution,
    set_priority,
    transition,
)
from scotty.tickets.states import Status


def resolve(org: Org, ticket: Ticket) -> Ticket:
    return transition(
        ticket, actor=org.agent, to=Status.RESOLVED, expected_version=ticket.version,
        resolution="Replaced the fuser unit.",
    )  # fmt: skip


def test_every_allowed_move_succeeds_and_every_other_is_refused_with_a_message(org: Org) -> None:
    for source in Status.values:
        for target in Status.values:
            allowed = states.can_move(source, target)
            if not allowed:
                assert states.refusal(source, target)
    assert states.TRANSITIONS[Status.CLOSED] == frozenset()
    assert not states.can_move(Status.NEW, Status.CLOSED)


def test_resolving_needs_a_resolution_and_records_the_status_event(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    with pytest.raises(InvalidInput, match="resolution"):
        transition(ticket, actor=org.agent, to=Status.RESOLVED, expected_version=ticket.version)
    resolve(org, ticket)
    ticket.refresh_from_db()
    assert ticket.status == Status.RESOLVED and not ticket.is_open and ticket.resolved_at
    event = ticket.events.get(field="status")
    assert (event.actor, event.old_value, event.new_value) == (org.agent, "new", "resolved")


def test_closed_is_final(org: Org) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    ticket = transition(ticket, actor=org.agent, to=Status.CLOSED, expected_version=ticket.version)
    with pytest.raises(NotAllowed, match="closed"):
        transition(ticket, actor=org.agent, to=Status.OPEN, expected_version=ticket.version)


def test_requesters_and_other_units_cannot_change_status(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    for person in (org.requester, org.hr_agent, org.other_requester):
        with pytest.raises(NotAllowed):
            transition(ticket, actor=person, to=Status.OPEN, expected_version=ticket.version)
    assert Ticket.objects.get().status == Status.NEW


def test_a_stale_change_is_refused_and_says_what_changed(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    seen_by_bea = Ticket.objects.get(pk=ticket.pk)
    assign(ticket, actor=org.agent, assignee=org.agent, expected_version=ticket.version)
    with pytest.raises(Conflict) as conflict:
        set_priority(seen_by_bea, actor=org.agent2, impact="high", urgency="high",
                     expected_version=seen_by_bea.version)  # fmt: skip
    assert any("Alex Agent changed assignee" in line for line in conflict.value.changes)
    fresh = Ticket.objects.get()
    assert fresh.priority == 4 and fresh.assignee == org.agent


def test_an_agents_first_reply_opens_the_ticket_and_stamps_first_response(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_reply(ticket, author=org.agent, body="Looking at it now.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and ticket.first_response_at is not None


def test_an_internal_note_changes_no_status_and_requesters_cannot_write_notes(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    add_reply(ticket, author=org.agent, body="Probably the fuser.", internal=True)
    assert Ticket.objects.get().status == Status.NEW
    with pytest.raises(NotAllowed):
        add_reply(ticket, author=org.requester, body="sneaky", internal=True)


def test_a_stranger_cannot_reply(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    with pytest.raises(NotAllowed):
        add_reply(ticket, author=org.other_requester, body="hello")
    assert ticket.messages.count() == 0


def test_the_requesters_answer_moves_a_waiting_ticket_back_to_open(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    transition(
        ticket, actor=org.agent, to=Status.WAITING_ON_REQUESTER, expected_version=ticket.version
    )
    add_reply(ticket, author=org.requester, body="The model is HP 4250.")
    assert Ticket.objects.get().status == Status.OPEN


def test_a_reply_inside_the_window_reopens_after_it_a_follow_up_is_opened(org: Org) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    outcome = add_reply(ticket, author=org.requester, body="It jams again.")
    assert outcome.reopened and Ticket.objects.get(pk=ticket.pk).status == Status.OPEN
    ticket = resolve(org, Ticket.objects.get(pk=ticket.pk))
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        outcome = add_reply(ticket, author=org.requester, body="And again, a week later.")
    follow_up = outcome.ticket
    assert follow_up.pk != ticket.pk and follow_up.follow_up_of == ticket
    assert follow_up.description == "And again, a week later."
    # The words past the window closed the original at once, not when the worker runs.
    assert Ticket.objects.get(pk=ticket.pk).status == Status.CLOSED


def test_a_reply_to_a_closed_ticket_starts_a_linked_follow_up(org: Org) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    confirm_resolution(ticket, requester=org.requester)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.CLOSED
    outcome = add_reply(ticket, author=org.requester, body="Same problem on floor 4.")
    assert outcome.ticket.follow_up_of_id == ticket.pk and outcome.message is None
    assert outcome.ticket.reference == "IT-1002"
    with pytest.raises(NotAllowed, match="closed"):
        add_reply(ticket, author=org.agent, body="public reply on a closed ticket")


def test_the_requester_says_it_is_not_fixed_and_it_reopens_with_their_words(org: Org) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    reject_resolution(ticket, requester=org.requester, reason="Still jams on duplex.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert ticket.messages.get().body == "Still jams on duplex."
    with pytest.raises(InvalidTransition):
        confirm_resolution(ticket, requester=org.requester)
    with pytest.raises(NotAllowed):
        reject_resolution(ticket, requester=org.other_requester, reason="x")


def test_resolved_tickets_close_once_the_reopen_window_passes_and_only_once(org: Org) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    assert close_expired_resolutions() == 0
    later = timezone.now() + timedelta(days=8)
    assert close_expired_resolutions(now=later) == 1
    assert close_expired_resolutions(now=later) == 0
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    assert ticket.events.filter(field="status", new_value="closed", actor=None).count() == 1


def test_a_watcher_writing_after_the_close_files_the_follow_up_in_their_own_name(org: Org) -> None:
    from scotty.tickets.services import add_watcher

    ticket = resolve(org, file_ticket(org.requester, org.it))
    add_watcher(ticket, actor=org.agent, watcher=org.hr_agent)
    confirm_resolution(ticket, requester=org.requester)
    outcome = add_reply(ticket, author=org.hr_agent, body="Mine broke too.", as_requester=True)
    assert outcome.ticket.requester == org.hr_agent and outcome.ticket.follow_up_of == ticket


def test_only_the_requester_confirms_or_reopens_not_a_watcher(org: Org) -> None:
    from scotty.tickets.services import add_watcher

    ticket = resolve(org, file_ticket(org.requester, org.it))
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    with pytest.raises(NotAllowed, match="Only the requester"):
        confirm_resolution(ticket, requester=org.colleague)
    with pytest.raises(NotAllowed, match="Only the requester"):
        reject_resolution(ticket, requester=org.colleague, reason="Mine too")
    assert Ticket.objects.get().status == Status.RESOLVED


def test_not_fixed_after_the_window_opens_a_follow_up_like_a_reply_would(org: Org) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        landed = reject_resolution(ticket, requester=org.requester, reason="Still broken.").ticket
    assert landed.follow_up_of == ticket and landed.description == "Still broken."
    assert Ticket.objects.get(pk=ticket.pk).status == Status.CLOSED


def test_a_long_window_elsewhere_never_holds_up_closing_a_short_one(org: Org) -> None:
    org.it.reopen_window_days = 30
    org.it.save()
    org.hr.reopen_window_days = 1
    org.hr.save()
    for _ in range(3):
        resolve(org, file_ticket(org.requester, org.it))
    hr = file_ticket(org.requester, org.hr, title="Payslip wrong")
    transition(hr, actor=org.hr_agent, to=Status.RESOLVED, expected_version=hr.version,
               resolution="Corrected.")  # fmt: skip
    assert close_expired_resolutions(now=timezone.now() + timedelta(days=5), batch=3) == 1
    assert Ticket.objects.get(pk=hr.pk).status == Status.CLOSED


def test_an_agents_reply_on_their_own_request_is_no_first_response(org: Org) -> None:
    own = file_ticket(org.agent, org.it, title="My monitor flickers")
    add_reply(own, author=org.agent, body="It also hums.")
    own.refresh_from_db()
    assert own.status == Status.NEW and own.first_response_at is None
    add_reply(own, author=org.agent2, body="Swapping it today.")
    own.refresh_from_db()
    assert own.status == Status.OPEN and own.first_response_at is not None


@pytest.mark.parametrize(("impact", "urgency"), [("bogus", None), (None, "soon")])
def test_unknown_impact_or_urgency_is_refused_with_a_message(org: Org, impact, urgency) -> None:  # type: ignore[no-untyped-def]
    from scotty.tickets.models import Channel

    with pytest.raises(InvalidInput, match="from the list"):
        file_ticket(org.requester, org.it, actor=org.agent, channel=Channel.PHONE,
                    impact=impact, urgency=urgency)  # fmt: skip
    assert Ticket.objects.count() == 0


def test_tags_from_a_stale_page_are_refused_not_silently_dropped(org: Org) -> None:
    from scotty.tickets.services import set_tags

    ticket = file_ticket(org.requester, org.it)
    seen = Ticket.objects.get(pk=ticket.pk)
    set_tags(ticket, actor=org.agent, names=["vpn"], expected_version=ticket.version)
    with pytest.raises(Conflict, match="Someone else changed"):
        set_tags(seen, actor=org.agent2, names=["printer"], expected_version=seen.version)
    assert list(ticket.tags.values_list("name", flat=True)) == ["vpn"]


def test_the_requesters_last_update_moves_with_what_they_can_see_only(org: Org) -> None:
    from scotty.tickets.services import add_reply, set_priority

    ticket = file_ticket(org.requester, org.it)
    seen = Ticket.objects.get().public_activity_at
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        set_priority(ticket, actor=org.agent, impact="high", urgency="high",
                     expected_version=ticket.version)  # fmt: skip
        add_reply(ticket, author=org.agent, body="Only us.", internal=True)
    after_desk_work = Ticket.objects.get()
    assert after_desk_work.public_activity_at == seen
    assert after_desk_work.updated_at > seen
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        add_reply(ticket, author=org.agent, body="Looking at it.")
    assert Ticket.objects.get().public_activity_at > seen
