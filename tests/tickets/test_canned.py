"""Canned replies: who keeps them, who uses them, and how they read once filled in."""

import pytest

from scotty.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import CannedReply
from scotty.tickets.services import create_canned_reply, delete_canned_reply, edit_canned_reply
from scotty.tickets.services.canned import (
    filled,
    matching_replies,
    reply_to_manage,
    usable_replies,
)

GREETING = "Hello {first_name}, about {reference}: it is fixed. {agent}"


def titles(replies: object) -> list[str]:
    return [r.title for r in replies]  # type: ignore[attr-defined]


def test_placeholders_are_filled_for_the_ticket_and_the_agent(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    reply = create_canned_reply(actor=org.agent, title="Fixed", body=GREETING)
    assert filled(reply, ticket=ticket, agent=org.agent) == (
        "Hello Rita, about IT-1001: it is fixed. Alex"
    )


def test_other_braces_stay_as_typed_and_are_never_a_format_string(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    body = "Path {0} {agent.password} {{first_name}} {unknown}"
    reply = create_canned_reply(actor=org.agent, title="Odd", body=body)
    assert (
        filled(reply, ticket=ticket, agent=org.agent)
        == "Path {0} {agent.password} {Rita} {unknown}"
    )


def test_an_agent_uses_their_own_and_their_units_replies_only(org: Org) -> None:
    create_canned_reply(actor=org.agent, title="Alex's own", body="a")
    create_canned_reply(actor=org.agent2, title="Bea's own", body="b")
    create_canned_reply(actor=org.manager, title="IT greeting", body="c", unit=org.it)
    create_canned_reply(actor=org.admin, title="HR greeting", body="d", unit=org.hr)
    assert titles(usable_replies(org.agent).order_by("title")) == ["Alex's own", "IT greeting"]
    assert titles(usable_replies(org.hr_agent)) == ["HR greeting"]
    assert titles(usable_replies(org.requester)) == []
    # Typing a few letters narrows them; one's own come first.
    assert titles(matching_replies(org.agent, "")) == ["Alex's own", "IT greeting"]
    assert titles(matching_replies(org.agent, "GREET")) == ["IT greeting"]
    assert titles(matching_replies(org.agent, "bea")) == []


def test_unit_replies_are_kept_by_the_units_managers_and_personal_ones_by_their_owner(
    org: Org,
) -> None:
    with pytest.raises(NotAllowed, match="Only managers of IT Service Desk"):
        create_canned_reply(actor=org.agent, title="Greeting", body="Hi", unit=org.it)
    with pytest.raises(NotAllowed, match="Only agents"):
        create_canned_reply(actor=org.requester, title="Mine", body="Hi")
    unit_reply = create_canned_reply(actor=org.manager, title="Greeting", body="Hi", unit=org.it)
    personal = create_canned_reply(actor=org.agent, title="Mine", body="Hi")
    assert (unit_reply.unit, unit_reply.owner, personal.owner) == (org.it, None, org.agent)

    with pytest.raises(NotAllowed):  # an agent of the unit uses it, but may not change it
        reply_to_manage(org.agent, unit_reply.pk)
    for stranger, reply in ((org.hr_agent, unit_reply), (org.agent2, personal),
                            (org.admin, personal)):  # fmt: skip
        with pytest.raises(NotFound):  # not even told it exists
            reply_to_manage(stranger, reply.pk)
    with pytest.raises(NotAllowed):
        edit_canned_reply(unit_reply, actor=org.agent, title="X", body="Y",
                          expected_updated_at=unit_reply.updated_at)  # fmt: skip
    with pytest.raises(NotAllowed):
        delete_canned_reply(personal, actor=org.agent2)
    assert CannedReply.objects.count() == 2
    assert reply_to_manage(org.manager, unit_reply.pk) == unit_reply
    assert reply_to_manage(org.admin, unit_reply.pk) == unit_reply  # administrators manage units
    delete_canned_reply(unit_reply, actor=org.manager)
    delete_canned_reply(personal, actor=org.agent)
    assert not CannedReply.objects.exists()


def test_titles_and_texts_are_checked(org: Org) -> None:
    for title, body, message in [
        ("  ", "Hi", "The title cannot be empty."),
        ("Hi", "\u200b", "The text cannot be empty."),
        ("x" * 121, "Hi", "the limit is 120"),
        ("Hi", "x" * 10_001, "the limit is 10,000"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            create_canned_reply(actor=org.agent, title=title, body=body)
    assert not CannedReply.objects.exists()


def test_two_managers_editing_one_reply_do_not_overwrite_each_other(org: Org) -> None:
    reply = create_canned_reply(actor=org.manager, title="Greeting", body="Hi", unit=org.it)
    seen = reply.updated_at
    edit_canned_reply(
        reply, actor=org.admin, title="Greeting", body="Hello", expected_updated_at=seen
    )
    with pytest.raises(Conflict):
        edit_canned_reply(reply, actor=org.manager, title="Greeting", body="Hey",
                          expected_updated_at=seen)  # fmt: skip
    assert CannedReply.objects.get().body == "Hello"
