"""Find anything, in a real browser: "/" to the header box, results as the agent types,
a reference straight to its ticket, and the requester's search of their own requests."""

import re

import pytest
from playwright.sync_api import expect

from scotty.core.testing import Org, file_ticket
from tests.e2e.pages import both_widths


@both_widths
@pytest.mark.django_db(transaction=True)
def test_an_agent_searches_from_the_header_and_refines_while_typing(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    printer = file_ticket(org.requester, org.it, "Printer on floor 3 jams")
    laptop = file_ticket(
        org.requester, org.it, "Laptop battery drains fast", description="Empty after an hour."
    )
    page = new_page(org.agent)
    page.goto("/desk/")
    page.keyboard.press("/")
    expect(page.locator("#desk-search")).to_be_focused()
    page.keyboard.type("jammed")
    page.keyboard.press("Enter")
    results = page.locator("#results")
    expect(results).to_contain_text(printer.reference)
    expect(results.locator("mark").first).to_have_text("jams")
    expect(results).not_to_contain_text(laptop.reference)
    # On the results page "/" goes to its own box, and results follow the typing.
    page.locator(".hint").click()  # out of the box, on nothing that acts
    page.keyboard.press("/")
    box = page.locator("#search-q")
    expect(box).to_be_focused()
    box.fill("")
    box.press_sequentially("batt", delay=30)
    expect(results).to_contain_text(laptop.reference)
    expect(results).not_to_contain_text(printer.reference)
    expect(page).to_have_url(re.compile(r"q=batt"))


@both_widths
@pytest.mark.django_db(transaction=True)
def test_a_reference_in_the_header_box_opens_the_ticket(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    ticket = file_ticket(org.requester, org.it, "Monitor flickers")
    page = new_page(org.agent)
    page.goto("/desk/")
    page.locator("#desk-search").fill(ticket.reference.lower())
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/desk/tickets/{ticket.reference}/$"))


@both_widths
@pytest.mark.django_db(transaction=True)
def test_a_requester_searches_their_requests(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    mine = file_ticket(org.requester, org.it, "Café machine broken")
    theirs = file_ticket(org.other_requester, org.it, "Café card reader broken")
    page = new_page(org.requester)
    page.goto("/portal/")
    page.get_by_label("Search my requests").fill("cafe")
    page.keyboard.press("Enter")
    results = page.locator("#results")
    expect(results).to_contain_text(mine.reference)
    expect(results.locator("mark").first).to_have_text("Café")
    expect(results).not_to_contain_text(theirs.reference)
