"""After a ticket is done: the reopen window's edge, closed is final, who may reopen.

Each test here failed on the core as the review found it: a second "not fixed" past the
window opened a second follow-up, the original stayed resolved until the worker ran,
closed tickets still took next steps, transfers, tags and watchers, and a watcher's
"thanks!" reopened a resolved ticket.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from scotty.core.errors import NotAllowed
from scotty.core.testing import Org, file_ticket, run_together
from scotty.tickets import services
from scotty.tickets.models import Ticket, TicketEvent
from scotty.tickets.states import CLOSED_IS_FINAL, Status


def resolve(org: Org, ticket: Ticket) -> Ticket:
    ticket.refresh_from_db()
    return services.transition(
        ticket, actor=org.agent, to=Status.RESOLVED, expected_version=ticket.version,
        resolution="Replaced the fuser unit.",
    )  # fmt: skip


def past_the_window() -> Any:
    return time_machine.travel(timezone.now() + timedelta(days=8))


def test_the_first_words_past_the_window_close_the_original_and_later_words_join_the_follow_up(
    org: Org,
) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    stale = Ticket.objects.get(pk=ticket.pk)  # the portal page the requester keeps open
    with past_the_window():
        first = services.reject_resolution(ticket, requester=org.requester, reason="Still broken.")
        assert Ticket.objects.get(pk=ticket.pk).status == Status.CLOSED
        second = services.reject_resolution(stale, requester=org.requester, reason="Really!")
        third = services.add_reply(stale, author=org.requester, body="Any news?", as_requester=True)
    follow_up = first.ticket
    assert follow_up.follow_up_of_id == ticket.pk and follow_up.description == "Still broken."
    assert second.ticket == follow_up and third.ticket == follow_up
    assert list(follow_up.messages.values_list("body", flat=True)) == ["Really!", "Any news?"]
    assert Ticket.objects.filter(follow_up_of=ticket).count() == 1
    closing = TicketEvent.objects.get(ticket=ticket, field="status", new_value="closed")
    assert closing.actor is None  # Scotty closed it, as the worker would have


def test_words_to_a_closed_ticket_join_a_follow_up_that_is_resolved_and_reopen_it(
    org: Org,
) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    services.confirm_resolution(ticket, requester=org.requester)
    follow_up = services.add_reply(ticket, author=org.requester, body="It is back.").ticket
    resolve(org, follow_up)
    outcome = services.add_reply(ticket, author=org.requester, body="Back again, sorry.")
    assert outcome.ticket == follow_up and outcome.reopened
    assert Ticket.objects.get(pk=follow_up.pk).status == Status.OPEN


def test_once_the_follow_up_is_closed_too_new_words_open_a_new_follow_up(org: Org) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    services.confirm_resolution(ticket, requester=org.requester)
    first = services.add_reply(ticket, author=org.requester, body="It is back.").ticket
    services.confirm_resolution(resolve(org, first), requester=org.requester)
    second = services.add_reply(ticket, author=org.requester, body="A new problem now.").ticket
    assert second not in (ticket, first) and second.follow_up_of_id == ticket.pk


@pytest.mark.django_db(transaction=True)
def test_two_not_fixed_at_the_same_moment_past_the_window_make_one_follow_up(org: Org) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))

    def not_fixed(words: str) -> Callable[[], object]:
        seen = Ticket.objects.get(pk=ticket.pk)
        return lambda: services.reject_resolution(seen, requester=org.requester, reason=words)

    with past_the_window():
        results = run_together(not_fixed("Still broken."), not_fixed("Still broken!"))
    assert not any(isinstance(r, Exception) for r in results), results
    follow_up = Ticket.objects.get(follow_up_of=ticket)
    words = {follow_up.description, *follow_up.messages.values_list("body", flat=True)}
    assert words == {"Still broken.", "Still broken!"}
    assert Ticket.objects.get(pk=ticket.pk).status == Status.CLOSED


def test_confirming_a_request_that_closed_meanwhile_is_no_error(org: Org) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    stale = Ticket.objects.get(pk=ticket.pk)
    services.confirm_resolution(ticket, requester=org.requester)
    services.confirm_resolution(stale, requester=org.requester)
    assert TicketEvent.objects.filter(ticket=ticket, new_value="closed").count() == 1


def closed_ticket(org: Org) -> Ticket:
    ticket = file_ticket(org.requester, org.it)
    services.add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    ticket = resolve(org, ticket)
    return services.confirm_resolution(ticket, requester=org.requester)


CHANGES: dict[str, Callable[[Org, Ticket], object]] = {
    "next step": lambda org, t: services.set_next_step(
        t,
        actor=org.agent,
        text="We will call you tomorrow",
        owner="desk",
        shared=True,
        expected_version=t.version,
    ),
    "transfer": lambda org, t: services.transfer(
        t, actor=org.agent, working_unit=org.infra, expected_version=t.version
    ),
    "assignment": lambda org, t: services.assign(
        t, actor=org.agent, assignee=org.agent2, expected_version=t.version
    ),
    "priority": lambda org, t: services.set_priority(
        t, actor=org.agent, impact="high", urgency="high", expected_version=t.version
    ),
    "tags": lambda org, t: services.set_tags(
        t, actor=org.agent, names=["printer"], expected_version=t.version
    ),
    "title": lambda org, t: services.retitle(
        t, actor=org.agent, title="Printer jams (floor 3)", expected_version=t.version
    ),
    "add watcher": lambda org, t: services.add_watcher(t, actor=org.agent, watcher=org.agent2),
    "remove watcher": lambda org, t: services.remove_watcher(
        t, actor=org.agent, watcher=org.colleague
    ),
    "status": lambda org, t: services.transition(
        t, actor=org.agent, to=Status.OPEN, expected_version=t.version
    ),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_every_change_to_a_closed_ticket_is_refused_with_one_message_for_agents(
    org: Org, change: str
) -> None:
    ticket = closed_ticket(org)
    events_before = ticket.events.count()
    with pytest.raises(NotAllowed) as refused:
        CHANGES[change](org, ticket)
    assert refused.value.message == CLOSED_IS_FINAL
    assert "Reply to start a follow-up" not in refused.value.message  # that is for requesters
    fresh = Ticket.objects.get(pk=ticket.pk)
    assert (fresh.version, fresh.status, fresh.next_step) == (ticket.version, "closed", "")
    assert fresh.events.count() == events_before
    assert list(fresh.watchers.all()) == [org.colleague] and not fresh.tags.exists()


@pytest.mark.parametrize("change", ["next step", "tags", "add watcher"])
def test_a_change_from_a_page_loaded_before_the_close_gets_the_closed_message(
    org: Org, change: str
) -> None:
    ticket = resolve(org, file_ticket(org.requester, org.it))
    seen_by_agent = Ticket.objects.get(pk=ticket.pk)
    services.confirm_resolution(ticket, requester=org.requester)
    with pytest.raises(NotAllowed, match="closed, so it can no longer be changed"):
        CHANGES[change](org, seen_by_agent)


def test_an_internal_note_can_still_be_added_to_a_closed_ticket(org: Org) -> None:
    ticket = closed_ticket(org)
    outcome = services.add_reply(ticket, author=org.agent, body="Asset returned.", internal=True)
    assert outcome.ticket == ticket and Ticket.objects.get(pk=ticket.pk).status == Status.CLOSED


def test_a_watchers_thanks_does_not_reopen_a_resolved_ticket_the_requesters_words_do(
    org: Org,
) -> None:
    ticket = file_ticket(org.requester, org.it)
    services.add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    ticket = resolve(org, ticket)
    outcome = services.add_reply(ticket, author=org.colleague, body="thanks!", as_requester=True)
    assert not outcome.reopened and outcome.message is not None
    assert Ticket.objects.get(pk=ticket.pk).status == Status.RESOLVED
    outcome = services.add_reply(ticket, author=org.requester, body="Not for me, it jams.")
    assert outcome.reopened and Ticket.objects.get(pk=ticket.pk).status == Status.OPEN


def test_a_watchers_answer_still_moves_a_ticket_waiting_for_an_answer(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    services.add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    ticket.refresh_from_db()
    services.transition(
        ticket, actor=org.agent, to=Status.WAITING_ON_REQUESTER, expected_version=ticket.version
    )
    services.add_reply(ticket, author=org.colleague, body="It is the HP on floor 3.")
    assert Ticket.objects.get(pk=ticket.pk).status == Status.OPEN
