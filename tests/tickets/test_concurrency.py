"""Two agents at once, for real: separate threads and database connections."""

import pytest

from scotty.core.errors import Conflict
from scotty.core.testing import Org, file_ticket, run_together
from scotty.tickets.models import Ticket
from scotty.tickets.services import assign, set_priority


@pytest.mark.django_db(transaction=True)
def test_of_two_simultaneous_changes_from_the_same_version_exactly_one_wins(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)

    def change(agent, impact):  # type: ignore[no-untyped-def]
        seen = Ticket.objects.get(pk=ticket.pk)
        return lambda: set_priority(
            seen, actor=agent, impact=impact, urgency="high", expected_version=seen.version
        )

    results = run_together(change(org.agent, "high"), change(org.agent2, "medium"))
    conflicts = [r for r in results if isinstance(r, Conflict)]
    winners = [r for r in results if isinstance(r, Ticket)]
    assert len(conflicts) == 1 and len(winners) == 1, results
    fresh = Ticket.objects.get(pk=ticket.pk)
    assert fresh.version == 2 and fresh.impact == winners[0].impact  # type: ignore[attr-defined]
    assert fresh.events.filter(field="impact").count() == 1


@pytest.mark.django_db(transaction=True)
def test_tickets_opened_at_the_same_moment_get_different_references(org: Org) -> None:
    results = run_together(*[lambda: file_ticket(org.requester, org.it) for _ in range(4)])
    assert all(isinstance(r, Ticket) for r in results), results
    references = {r.reference for r in results}  # type: ignore[attr-defined]
    assert references == {"IT-1001", "IT-1002", "IT-1003", "IT-1004"}


@pytest.mark.django_db(transaction=True)
def test_two_agents_taking_one_ticket_at_once_never_both_get_it(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)

    def take(agent):  # type: ignore[no-untyped-def]
        seen = Ticket.objects.get(pk=ticket.pk)
        return lambda: assign(seen, actor=agent, assignee=agent, expected_version=seen.version)

    results = run_together(take(org.agent), take(org.agent2))
    winners = [r for r in results if isinstance(r, Ticket)]
    losers = [r for r in results if isinstance(r, Conflict)]
    assert len(winners) == 1 and len(losers) == 1, results
    winner = winners[0].assignee
    assert Ticket.objects.get(pk=ticket.pk).assignee == winner
    # The one who lost is told who took it.
    assert any(str(winner) in line for line in losers[0].changes), losers[0].changes
