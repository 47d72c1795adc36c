"""The one visibility rule: who sees which tickets, messages, events and files."""

import pytest

from scotty.core.errors import NotFound
from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets import selectors
from scotty.tickets.services import add_reply, add_watcher, set_next_step, transfer


@pytest.fixture
def ticket_with_note(org: Org):  # type: ignore[no-untyped-def]
    ticket = file_ticket(org.requester, org.it)
    add_reply(ticket, author=org.agent, body="We are on it.", files=[upload("public.png")])
    add_reply(
        ticket, author=org.agent, body="Rita's manager is difficult.", internal=True,
        files=[upload("secret.png")],
    )  # fmt: skip
    return ticket


@pytest.mark.parametrize(
    ("who", "sees", "as_agent"),
    [
        ("requester", True, False),
        ("colleague", False, None),
        ("other_requester", False, None),
        ("agent", True, True),
        ("manager", True, True),
        ("hr_agent", False, None),
        ("infra_agent", False, None),
        ("admin", True, True),
    ],
)
def test_who_can_open_a_ticket(
    org: Org, ticket_with_note, who: str, sees: bool, as_agent: bool | None
) -> None:  # type: ignore[no-untyped-def]
    person = getattr(org, who)
    if not sees:
        with pytest.raises(NotFound):
            selectors.access_ticket(person, ticket_with_note.reference)
        assert not selectors.visible_tickets(person).filter(pk=ticket_with_note.pk).exists()
        return
    access = selectors.access_ticket(person, ticket_with_note.reference)
    assert access.as_agent is as_agent


def test_requesters_never_get_notes_or_note_files(org: Org, ticket_with_note) -> None:  # type: ignore[no-untyped-def]
    access = selectors.access_ticket(org.requester, ticket_with_note.reference)
    bodies = [m.body for m in selectors.visible_messages(access)]
    assert bodies == ["We are on it."]
    events = selectors.timeline(access)
    assert all(e.is_public for e in events)
    assert all(e.message is None or not e.message.is_internal for e in events)
    events, description_files = selectors.timeline_with_files(access)
    files = [f.filename for e in events if e.message for f in e.message.files]
    assert files == ["public.png"]  # the note's file is shared out to nobody
    assert "secret.png" not in [f.filename for f in description_files]
    agent_side, _ = selectors.timeline_with_files(
        selectors.access_ticket(org.agent, ticket_with_note.reference)
    )
    agent_files = sorted(f.filename for e in agent_side if e.message for f in e.message.files)
    assert agent_files == ["public.png", "secret.png"]
    secret = ticket_with_note.attachments.get(filename="secret.png")
    public = ticket_with_note.attachments.get(filename="public.png")
    assert selectors.access_attachment(org.requester, public.pk) == public
    with pytest.raises(NotFound):
        selectors.access_attachment(org.requester, secret.pk)
    assert selectors.access_attachment(org.agent, secret.pk) == secret


def test_guessing_attachment_ids_of_other_tickets_finds_nothing(org: Org, ticket_with_note) -> None:  # type: ignore[no-untyped-def]
    for attachment in ticket_with_note.attachments.all():
        for person in (org.other_requester, org.colleague, org.hr_agent):
            with pytest.raises(NotFound):
                selectors.access_attachment(person, attachment.pk)


def test_agents_see_their_own_requests_only_from_the_requester_side(org: Org) -> None:
    own = file_ticket(org.hr_agent, org.it, title="My laptop is slow")
    add_reply(own, author=org.agent, body="internal remark", internal=True)
    access = selectors.access_ticket(org.hr_agent, own.reference)
    assert not access.as_agent
    assert list(selectors.visible_messages(access)) == []


def test_a_watcher_sees_the_public_side_and_can_reply(org: Org, ticket_with_note) -> None:  # type: ignore[no-untyped-def]
    add_watcher(ticket_with_note, actor=org.agent, watcher=org.colleague)
    access = selectors.access_as_requester(org.colleague, ticket_with_note.reference)
    assert [m.body for m in selectors.visible_messages(access)] == ["We are on it."]
    outcome = add_reply(ticket_with_note, author=org.colleague, body="Same here.")
    assert outcome.message is not None


def test_the_portal_side_hides_notes_even_from_the_tickets_own_agents(
    org: Org, ticket_with_note
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound):  # the agent neither filed nor watches it
        selectors.access_as_requester(org.agent, ticket_with_note.reference)


def test_a_transfer_gives_the_second_level_unit_access_and_the_front_line_keeps_it(
    org: Org,
) -> None:
    ticket = file_ticket(org.requester, org.it)
    assert not selectors.can_work(org.infra_agent, ticket)
    transfer(ticket, actor=org.agent, working_unit=org.infra, expected_version=ticket.version)
    assert selectors.can_work(org.infra_agent, ticket)
    assert selectors.can_work(org.agent, ticket)  # still the owning unit
    assert ticket.owning_unit == org.it and ticket.working_unit == org.infra
    event = ticket.events.get(field="working_unit")
    assert (event.old_value, event.new_value) == ("IT Service Desk", "IT Infrastructure")


def test_unshared_next_steps_stay_off_the_requesters_timeline(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    set_next_step(ticket, actor=org.agent, text="Chase Dell case 4411", owner="third_party",
                  shared=False, expected_version=ticket.version)  # fmt: skip
    set_next_step(ticket, actor=org.agent, text="We will replace the toner on Tuesday",
                  owner="desk", shared=True, expected_version=ticket.version)  # fmt: skip
    requester_side = selectors.timeline(selectors.access_ticket(org.requester, ticket.reference))
    shown = " ".join(e.new_value + e.old_value for e in requester_side)
    assert "Dell" not in shown and "toner on Tuesday" in shown


def test_the_requester_card_never_shows_tickets_of_units_the_agent_does_not_work(org: Org) -> None:
    it_ticket = file_ticket(org.requester, org.it)
    file_ticket(org.requester, org.hr, title="Question about my contract")
    other_it = file_ticket(org.requester, org.it, title="Monitor flickers")
    assert selectors.other_open_tickets(org.agent, it_ticket) == [other_it]
