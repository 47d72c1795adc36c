"""Logging a call in a real browser: the caller's open tickets appear as soon as they are
picked, a call solved on the phone is resolved in one step, and a new caller is added."""

import pytest
from playwright.sync_api import expect

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from tests.e2e.pages import both_widths


@both_widths
@pytest.mark.django_db(transaction=True)
def test_picking_the_caller_shows_their_open_tickets_to_add_to(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    printer = file_ticket(org.requester, org.it, title="Printer on floor 3 jams")
    alex = new_page(org.agent)
    alex.goto("/desk/new/")
    panel = alex.locator("#caller-tickets")
    expect(panel).to_be_hidden()  # nobody picked yet
    alex.get_by_label("Who is it?").fill("rita@example.org")  # what picking a suggestion does
    expect(panel).to_contain_text("Rita Requester has open tickets in your units.")
    panel.get_by_role("link", name=f"Add to {printer.reference}").click()
    expect(alex).to_have_url(f"/desk/tickets/{printer.reference}/#composer")
    expect(alex.get_by_role("heading", level=1)).to_contain_text("Printer on floor 3 jams")


@both_widths
@pytest.mark.django_db(transaction=True)
def test_a_new_caller_solved_on_the_phone_takes_one_submit(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    alex = new_page(org.agent)
    alex.goto("/desk/new/")
    alex.get_by_label("Who is it?").fill("pat.newman@example.org")
    expect(alex.locator("#caller-tickets")).to_contain_text("Nobody has the address")
    alex.get_by_label("Who is it?").fill("")
    alex.get_by_text("Not in Scotty yet? Add them with this call").click()
    alex.get_by_label("Their name").fill("Pat Newman")
    alex.get_by_label("Their e-mail").fill("pat.newman@example.org")
    alex.get_by_label("Their department").select_option(label="Sales")
    alex.get_by_label("Title").fill("Cannot find the VPN client")
    alex.get_by_label("What they told you").fill("New starter, first day.")
    expect(alex.get_by_label("Assign to me")).to_be_checked()
    alex.get_by_label("Solved during the call").check()
    alex.get_by_label("What you did").fill("Showed where the VPN client is; connected.")
    alex.get_by_role("button", name="Open the ticket").click()
    ticket = Ticket.objects.get()
    expect(
        alex.get_by_text(f"{ticket.reference} opened and resolved during the call")
    ).to_be_visible()
    assert (ticket.requester.full_name, ticket.status, ticket.assignee) == (
        "Pat Newman", "resolved", org.agent,
    )  # fmt: skip
    assert ticket.first_contact_resolution
