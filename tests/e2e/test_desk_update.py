"""The one update in a real browser: words, status, date and next step in one submit; the
keyboard shortcuts; a canned reply put in where the cursor was."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import EventKind, MessageKind, Ticket
from scotty.tickets.services import create_canned_reply
from scotty.tickets.states import Status
from tests.e2e.pages import both_widths
from tests.e2e.test_desk_composer import open_ticket_page


def alex_on_ritas_ticket(org: Org, new_page) -> tuple[Ticket, Page, Locator]:  # type: ignore[no-untyped-def]
    """Rita's new ticket, open on Alex's desk: (ticket, page, its composer)."""
    ticket = file_ticket(org.requester, org.it)
    alex = new_page(org.agent)
    open_ticket_page(alex, ticket)
    return ticket, alex, alex.locator("section.composer")


@both_widths
@pytest.mark.django_db(transaction=True)
def test_an_agent_updates_a_ticket_in_one_submit(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    ticket, alex, composer = alex_on_ritas_ticket(org, new_page)
    # Asked only when they mean something: the date for waiting, the resolution for resolving.
    expect(composer.get_by_label("Waiting until")).to_be_hidden()
    expect(composer.get_by_label("Resolution")).to_be_hidden()
    composer.get_by_label("Status").select_option("resolved")
    expect(composer.get_by_label("Resolution")).to_be_visible()
    # The composer's button; on a phone, the same in the action bar at the screen's foot.
    expect(alex.get_by_role("button", name="Update the ticket")).to_be_visible()
    composer.get_by_label("Status").select_option("waiting_requester")
    expect(composer.get_by_label("Resolution")).to_be_hidden()
    day = timezone.localdate() + timedelta(days=7)
    composer.get_by_label("Waiting until").fill(day.isoformat())
    composer.get_by_label("Reply to Rita").fill("Which model is it? The label is at the back.")
    composer.get_by_label("Next step").fill("Order the fuser once Rita names the model")
    composer.get_by_label("Who does it").select_option("requester")
    alex.get_by_role("button", name="Send reply to Rita").click()

    notice = alex.get_by_role("status").filter(has_text="Reply added for Rita Requester.")
    expect(notice).to_contain_text("Status is now waiting on requester until")
    expect(notice).to_contain_text("08:00. Next step saved.")
    expect(alex.locator("#timeline")).to_contain_text("Which model is it?")
    expect(alex.locator(".nextstep")).to_contain_text("Order the fuser once Rita names the model")
    row = Ticket.objects.get(pk=ticket.pk)
    assert (row.status, row.version, row.next_step_owner) == (
        Status.WAITING_ON_REQUESTER, 2, "requester"
    )  # fmt: skip
    assert timezone.localtime(row.waiting_until).date() == day
    assert set(row.events.filter(version=2).values_list("field", flat=True)) == {
        "status", "waiting_until", "next_step", "next_step_owner"
    }  # fmt: skip
    assert row.events.filter(kind=EventKind.REPLY_ADDED).count() == 1
    # The composer is ready for the next update: empty, showing the ticket as it is now.
    expect(composer.get_by_label("Reply to Rita")).to_have_value("")
    expect(composer.get_by_label("Waiting until")).to_have_value(day.isoformat())


@pytest.mark.django_db(transaction=True)
def test_the_keyboard_chooses_the_kind_sends_and_lists_the_shortcuts(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    ticket, alex, composer = alex_on_ritas_ticket(org, new_page)
    alex.keyboard.press("n")
    expect(composer.get_by_label("Internal note")).to_be_checked()
    expect(composer.get_by_label("Note for agents")).to_be_focused()
    alex.keyboard.type("Fuser worn, vendor case 4411.")
    alex.keyboard.press("Control+Enter")
    expect(alex.get_by_text("Internal note added.")).to_be_visible()
    assert ticket.messages.get().kind == MessageKind.NOTE

    take = alex.get_by_role("button", name="Take it")
    take.focus()
    alex.keyboard.press("r")
    expect(composer.get_by_label("Public reply")).to_be_checked()
    expect(composer.get_by_label("Reply to Rita")).to_be_focused()
    take.focus()
    alex.keyboard.press("?")
    shortcuts = alex.get_by_role("dialog", name="Keyboard shortcuts")
    expect(shortcuts).to_be_visible()
    expect(shortcuts).to_contain_text("Search tickets, or go to one by its reference")
    expect(shortcuts.get_by_role("button", name="Close")).to_be_focused()
    alex.keyboard.press("Escape")
    expect(shortcuts).to_be_hidden()
    expect(take).to_be_focused()  # back where the agent was
    alex.keyboard.press("/")
    expect(alex.locator("#desk-search")).to_be_focused()


@pytest.mark.django_db(transaction=True)
def test_a_canned_reply_goes_in_where_the_cursor_was(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    create_canned_reply(actor=org.manager, title="Printer fixed", unit=org.it,
                        body="{reference} is fixed, {first_name}.")  # fmt: skip
    ticket, _, composer = alex_on_ritas_ticket(org, new_page)
    body = composer.get_by_label("Reply to Rita")
    body.fill("Hello!\n\nRegards, Alex")
    body.evaluate("el => el.setSelectionRange(7, 7)")  # after "Hello!\n"
    search = composer.get_by_label("Insert a canned reply")
    search.fill("fixed")
    expect(composer.get_by_role("button", name="Printer fixed")).to_be_visible()
    search.press("Enter")  # the first one; the composer is not sent
    expect(body).to_have_value("Hello!\nIT-1001 is fixed, Rita.\nRegards, Alex")
    expect(body).to_be_focused()
    assert not ticket.messages.exists()
