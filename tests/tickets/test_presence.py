"""Who else is on a ticket: the cache-only memory behind the desk's "also here".

People here are unsaved: presence never reads the database, so these tests need none.
They run on local memory, and on Redis when REDIS_URL is set (CI).
"""

from datetime import timedelta

import time_machine
from django.utils import timezone

from scotty.accounts.models import Person
from scotty.core.testing import run_together
from scotty.tickets import presence
from scotty.tickets.models import MessageKind

TICKET = 41


def agent(pk: int, name: str) -> Person:
    return Person(pk=pk, email=f"agent{pk}@example.org", full_name=name)


ALEX, BEA, CORA = agent(1, "Alex Agent"), agent(2, "Bea Second"), agent(3, "Cora Third")


def seen_by(person: Person, ticket: int = TICKET) -> dict[str, str]:
    """What `person` sees: each other's first name and what they are writing."""
    return {p.short_name: p.writing for p in presence.others(ticket, person)}


def later(seconds: float) -> time_machine.travel:
    return time_machine.travel(timezone.now() + timedelta(seconds=seconds))


def test_an_agent_sees_who_else_has_the_ticket_open_but_not_themselves() -> None:
    presence.here(TICKET, ALEX, typing=False)
    assert presence.here(TICKET, BEA, typing=False)[0].name == "Alex Agent"
    assert seen_by(ALEX) == {"Bea": ""}
    assert seen_by(BEA) == {"Alex": ""}
    assert seen_by(ALEX, TICKET + 1) == {}  # another ticket: nobody


def test_typing_shows_at_once_and_fades_while_the_ticket_stays_open() -> None:
    presence.here(TICKET, BEA, typing=True)
    assert seen_by(ALEX) == {"Bea": MessageKind.REPLY}
    presence.here(TICKET, BEA, typing=False)  # a poll without a keystroke: still typing
    assert seen_by(ALEX) == {"Bea": MessageKind.REPLY}
    with later(presence.TYPING_SECONDS + 1):
        assert seen_by(ALEX) == {"Bea": ""}  # stopped typing, still has it open
    with later(presence.OPEN_SECONDS + 1):
        assert seen_by(ALEX) == {}  # closed the tab: gone without saying so


def test_a_note_is_told_apart_from_a_reply_and_a_sent_reply_stops_the_typing() -> None:
    presence.here(TICKET, BEA, typing=True, kind=MessageKind.NOTE)
    assert seen_by(ALEX) == {"Bea": MessageKind.NOTE}
    presence.here(TICKET, BEA, typing=True, kind="gossip")  # anything else reads as a reply
    assert seen_by(ALEX) == {"Bea": MessageKind.REPLY}
    presence.here(TICKET, BEA, typing=False, sent=True)
    (bea,) = presence.others(TICKET, ALEX)
    assert (bea.writing, bea.sent_reply) == ("", True)
    with later(presence.SENT_SECONDS + 1):
        assert not presence.others(TICKET, ALEX)[0].sent_reply


def test_agents_arriving_at_the_same_moment_all_see_each_other() -> None:
    # One shared dict would lose all but the last writer; each claims a slot of its own.
    team = [agent(10 + i, f"Agent {i:02}") for i in range(8)]
    run_together(*(lambda a=a: presence.here(TICKET, a, typing=True) for a in team))
    for person in team:
        seen = presence.others(TICKET, person)
        assert [p.person_id for p in seen] == [a.pk for a in team if a is not person]
        assert all(p.writing == MessageKind.REPLY for p in seen)


def test_checking_in_again_keeps_one_slot_and_a_full_ticket_still_shows_the_others() -> None:
    for _ in range(3):
        presence.here(TICKET, ALEX, typing=False)
    crowd = [agent(100 + i, f"Crowd {i:02}") for i in range(presence.SLOTS)]
    for person in crowd:
        presence.here(TICKET, person, typing=False)
    # Alex took one slot however often he checked in; the last of the crowd found none.
    late = crowd[-1]
    assert len(presence.others(TICKET, late)) == presence.SLOTS
    assert late.pk not in {p.person_id for p in presence.others(TICKET, ALEX)}


def test_a_permission_check_is_remembered_per_person_and_ticket_for_a_while() -> None:
    presence.allow(ALEX, "it-1001 ", 7)
    assert presence.allowed(ALEX, "IT-1001") == 7  # however the reference was typed
    assert presence.allowed(BEA, "IT-1001") is None
    assert presence.allowed(ALEX, "IT-1002") is None
    presence.allow(ALEX, "IT-1001/../x", 8)  # not a reference: nothing is remembered
    assert presence.allowed(ALEX, "IT-1001/../x") is None
    with later(presence.ACCESS_SECONDS + 1):
        assert presence.allowed(ALEX, "IT-1001") is None
