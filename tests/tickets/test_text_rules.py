"""Text that shows nothing is empty, and text cannot reorder itself (clean_text).

Every ticket service checks free text through `validation.clean_text`, so these rules
hold for titles, descriptions, replies, notes, next steps and resolutions alike.
"""

import pytest

from scotty.core.errors import InvalidInput
from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Message, Ticket
from scotty.tickets.services import add_reply, retitle, set_next_step, transition

INVISIBLE = {
    "zero-width spaces": "\u200b\u200b\u200b",
    "word joiner and BOM": "\u2060\ufeff",
    "soft hyphens": "\u00ad\u00ad",
    "zero-width joiners": "\u200d\u200c\u200d",
    "bidi marks and controls": "\u200f\u200e\u202e\u2067\u2069\u061c",
    "Hangul fillers": "\u3164\u115f\u1160\uffa0",
    "braille blank": "\u2800\u2800",
    "variation selectors": "\ufe0f\U000e0100",
    "tag characters": "\U000e0001\U000e0041",
    "mixed with spaces": " \u200b \u00a0\u3000\u2060 \n\t\u200d ",
}


@pytest.mark.parametrize("title", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_an_invisible_title_is_refused_and_no_ticket_is_made(org: Org, title: str) -> None:
    with pytest.raises(InvalidInput, match=r"^The title cannot be empty\.$") as error:
        file_ticket(org.requester, org.it, title=title)
    assert error.value.field == "title"
    assert Ticket.objects.count() == 0


def test_an_invisible_description_is_refused(org: Org) -> None:
    with pytest.raises(InvalidInput, match="cannot be empty") as error:
        file_ticket(org.requester, org.it, description="\u200b\n\u200b\n\u2060")
    assert error.value.field == "description"
    assert Ticket.objects.count() == 0


@pytest.mark.parametrize("internal", [False, True], ids=["reply", "note"])
def test_a_message_of_only_zero_width_spaces_is_refused(org: Org, internal: bool) -> None:
    ticket = file_ticket(org.requester, org.it)
    with pytest.raises(InvalidInput, match=r"^The message cannot be empty\.$"):
        add_reply(ticket, author=org.agent, body="\u200b" * 500, internal=internal)
    assert not Message.objects.exists()


def test_renaming_a_ticket_to_nothing_visible_is_refused(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it, title="Printer jams")
    with pytest.raises(InvalidInput, match="The title cannot be empty"):
        retitle(ticket, actor=org.agent, title="\u2800\u200b", expected_version=ticket.version)
    assert Ticket.objects.get().title == "Printer jams"


def test_an_invisible_resolution_does_not_resolve(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    with pytest.raises(InvalidInput, match="cannot be empty"):
        transition(
            ticket, actor=org.agent, to="resolved", resolution="\u3164\u00ad",
            expected_version=ticket.version,
        )  # fmt: skip
    assert Ticket.objects.get().status == "new"


def test_an_invisible_next_step_clears_the_next_step(org: Org) -> None:
    ticket = file_ticket(org.requester, org.it)
    ticket = set_next_step(
        ticket, actor=org.agent, text="Call Rita back", owner="desk", shared=True,
        expected_version=ticket.version,
    )  # fmt: skip
    set_next_step(
        ticket, actor=org.agent, text="\u200b\u2060", owner="desk", shared=True,
        expected_version=ticket.version,
    )  # fmt: skip
    fresh = Ticket.objects.get()
    assert fresh.next_step == "" and fresh.next_step_owner == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # An override makes "invoice" + "fdp.exe" read "invoiceexe.pdf"; stored without
        # it, the title reads as the characters it holds.
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("\u202eReversed title", "Reversed title"),
        ("Embedded \u202bright-to-left\u202c text", "Embedded right-to-left text"),
        (
            "Isolated \u2067\u05e9\u05dc\u05d5\u05dd\u2069 word",
            "Isolated \u05e9\u05dc\u05d5\u05dd word",
        ),
        ("First-strong \u2068isolate\u2069", "First-strong isolate"),
        ("Deprecated \u206bshaping\u206a controls", "Deprecated shaping controls"),
    ],
)
def test_bidi_controls_are_removed_so_a_title_cannot_read_backwards(
    org: Org, typed: str, stored: str
) -> None:
    ticket = file_ticket(org.requester, org.it, title=typed, description=f"Body: {typed}")
    fresh = Ticket.objects.get(pk=ticket.pk)
    assert fresh.title == stored
    assert fresh.description == f"Body: {stored}"


def test_a_title_of_only_bidi_controls_around_spaces_is_empty(org: Org) -> None:
    with pytest.raises(InvalidInput, match="The title cannot be empty"):
        file_ticket(org.requester, org.it, title="\u202e \u202d \u2066\u2069")


LEGITIMATE = {
    "Arabic": "الطابعة في الطابق الثالث لا تعمل",
    "Hebrew with a number": "המדפסת בקומה 3 לא עובדת",
    "Hebrew with a right-to-left mark": "\u200fVPN לא מתחבר",
    "Persian with zero-width non-joiner": "نمی\u200cتوانم وارد شوم",  # noqa: RUF001
    "emoji with zero-width joiners": (
        "Laptop broken \U0001f469\u200d\U0001f4bb, "
        "family \U0001f468\u200d\U0001f469\u200d\U0001f467"
    ),
    "emoji with a variation selector": "I \u2764\ufe0f the new printer",
    "Hindi with a joiner": "प्रिंटर क्\u200dष काम नहीं करता",
    "soft hyphen inside a word": "Daten\u00adbank\u00adfehler",
}


@pytest.mark.parametrize("text", LEGITIMATE.values(), ids=LEGITIMATE.keys())
def test_legitimate_text_is_kept_exactly_as_typed(org: Org, text: str) -> None:
    ticket = file_ticket(org.requester, org.it, title=text, description=text)
    add_reply(ticket, author=org.agent, body=text)
    fresh = Ticket.objects.get(pk=ticket.pk)
    assert fresh.title == text and fresh.description == text
    assert Message.objects.get().body == text
