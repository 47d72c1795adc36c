"""A transfer carries a handover note: the receiving unit reads it first, every agent sees
it marked in the timeline, and no requester ever reads it, on any page."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from scotty.core.errors import Conflict, NotAllowed
from scotty.core.testing import Org
from scotty.tickets.models import MessageKind, Ticket
from scotty.tickets.services import add_watcher, set_priority, transfer, transition
from scotty.tickets.states import Status

HANDOVER = "HANDOVER-SECRET: fuser worn, vendor case 4411, Rita is impatient."


def fresh(t: Ticket) -> Ticket:
    return Ticket.objects.get(pk=t.pk)


def hand_to_infra(org: Org, ticket: Ticket, client_for: Any) -> Any:
    data = {"version": fresh(ticket).version, "working_unit": org.infra.pk, "handover": HANDOVER}
    return client_for(org.agent).post(reverse("desk:transfer", args=[ticket.reference]), data)


def test_a_transfer_keeps_its_handover_note_as_an_internal_note_in_the_same_version(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    before = fresh(ticket).version
    assert hand_to_infra(org, ticket, client_for).status_code == 302
    row = fresh(ticket)
    assert row.working_unit == org.infra and row.version == before + 1
    assert row.handover is not None and row.handover.body == HANDOVER
    assert row.handover.kind == MessageKind.NOTE and row.handover.author == org.agent
    recorded = set(row.events.filter(version=before + 1).values_list("field", flat=True))
    assert recorded == {"working_unit"}  # the pointer to the note is no event of its own
    assert row.events.filter(message=row.handover, is_public=False).exists()


def test_the_receiving_unit_reads_the_handover_first_and_everyone_sees_it_marked(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    hand_to_infra(org, ticket, client_for)
    url = reverse("desk:ticket", args=[ticket.reference])
    ian = client_for(org.infra_agent).get(url).text
    top = ian.index('class="handover"')
    assert top < ian.index('id="description-heading"') and top < ian.index(HANDOVER)
    assert "Handover note" in ian and "from Alex Agent" in ian
    # The IT desk (still owning it) sees the note in the timeline, marked, not on top.
    alex = client_for(org.agent).get(url).text
    assert 'class="handover"' not in alex and HANDOVER in alex
    assert '<span class="badge kind-handover">Handover</span>' in alex


def test_a_later_transfer_without_a_note_leaves_no_stale_handover(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    hand_to_infra(org, ticket, client_for)
    transfer(fresh(ticket), actor=org.infra_agent, working_unit=org.it,
             expected_version=fresh(ticket).version)  # fmt: skip
    assert fresh(ticket).handover is None
    assert (
        'class="handover"'
        not in client_for(org.agent).get(reverse("desk:ticket", args=[ticket.reference])).text
    )


def test_the_desk_asks_for_a_handover_note_and_transfers_nothing_without(
    org: Org, ticket: Ticket, client_for: Any
) -> None:
    data = {"version": ticket.version, "working_unit": org.infra.pk, "handover": "  "}
    response = client_for(org.agent).post(reverse("desk:transfer", args=[ticket.reference]), data)
    assert response.status_code == 400 and "Write a handover note" in response.text
    assert fresh(ticket).working_unit == org.it and fresh(ticket).messages.count() == 1


def test_a_refused_transfer_keeps_no_handover_note(org: Org, ticket: Ticket) -> None:
    stale = ticket.version
    set_priority(fresh(ticket), actor=org.agent2, impact="high", urgency="high",
                 expected_version=stale)  # fmt: skip
    with pytest.raises(Conflict):
        transfer(fresh(ticket), actor=org.agent, working_unit=org.infra, handover=HANDOVER,
                 expected_version=stale)  # fmt: skip
    closed = transition(fresh(ticket), actor=org.agent, to=Status.RESOLVED, resolution="Done.",
                        expected_version=fresh(ticket).version)  # fmt: skip
    closed = transition(closed, actor=org.agent, to=Status.CLOSED, expected_version=closed.version)
    with pytest.raises(NotAllowed, match="closed"):
        transfer(closed, actor=org.agent, working_unit=org.infra, handover=HANDOVER,
                 expected_version=closed.version)  # fmt: skip
    assert not ticket.messages.filter(body=HANDOVER).exists() and fresh(ticket).handover is None


def portal_pages(c: Client, ticket: Ticket) -> list[str]:
    return [
        c.get(reverse("portal:home")).text,
        c.get(reverse("portal:request", args=[ticket.reference])).text,
        c.post(reverse("portal:reply", args=[ticket.reference]), {"body": " "}).text,
    ]


@pytest.mark.parametrize("who", ["requester", "colleague"])
def test_no_requester_reads_the_handover_note_on_any_page(
    org: Org, ticket: Ticket, client_for: Any, who: str
) -> None:
    add_watcher(ticket, actor=org.agent, watcher=org.colleague)
    hand_to_infra(org, ticket, client_for)
    c = client_for(getattr(org, who))
    for body in portal_pages(c, ticket):
        assert "HANDOVER-SECRET" not in body and "Handover" not in body
    desk = c.get(reverse("desk:ticket", args=[ticket.reference]))
    assert desk.status_code == 404 and "HANDOVER-SECRET" not in desk.text
