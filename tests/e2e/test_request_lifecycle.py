"""The whole life of a request, in a real browser, from both sides of the desk."""

import re

import pytest
from playwright.sync_api import Page, expect

from scotty.core.testing import Org
from scotty.tickets.models import Ticket
from scotty.tickets.states import Status

NOTE = "Her manager asked us to prioritise this quietly."
REPLY = "Hi Rita, we have ordered a new fuser unit for the printer."
NEXT_STEP = "We will fit the new fuser on Tuesday morning."


def file_request(page: Page, title: str) -> str:
    page.goto("/portal/new/")
    page.get_by_label("What do you need help with?").fill(title)
    page.get_by_label("Tell us more").fill("Every second page comes out crumpled.")
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    match = re.search(r"/portal/requests/([A-Z]+-\d+)/", page.url)
    assert match, page.url
    return match.group(1)


def work_on_it(page: Page, title: str) -> None:
    page.goto("/desk/queues/unassigned/")
    page.get_by_role("link", name=title).click()
    composer = page.locator("section.composer")
    composer.get_by_label("Internal note").check()
    composer.get_by_label("Note for agents").fill(NOTE)
    composer.get_by_role("button", name="Add internal note").click()
    expect(page.get_by_text(NOTE)).to_be_visible()
    composer.get_by_label("Public reply").check()
    composer.get_by_label("Reply to Rita").fill(REPLY)
    # The reply and what happens next go in one update.
    composer.get_by_label("Next step").fill(NEXT_STEP)
    composer.get_by_label("Who does it").select_option("desk")
    composer.get_by_label("Share it with the requester").check()
    composer.get_by_role("button", name="Send reply to Rita").click()
    # The field holds the text before the save too: wait for the desk's confirmation.
    expect(page.get_by_text("Next step saved.")).to_be_visible()
    expect(page.locator("#timeline").get_by_text(REPLY)).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_a_request_from_filing_to_confirmed_fix(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    title = "Printer on floor 3 crumples paper"
    rita = new_page(org.requester)
    reference = file_request(rita, title)
    expect(rita.get_by_text("Received: we will look at it soon")).to_be_visible()

    alex = new_page(org.agent)
    work_on_it(alex, title)

    rita.goto(f"/portal/requests/{reference}/")
    expect(rita.get_by_text(REPLY)).to_be_visible()
    expect(rita.get_by_text(NEXT_STEP, exact=True)).to_be_visible()
    assert NOTE not in rita.content()

    composer = alex.locator("section.composer")
    composer.get_by_label("Status").select_option("resolved")
    composer.get_by_label("Resolution").fill("Fitted a new fuser unit; test pages print cleanly.")
    composer.get_by_role("button", name="Update the ticket").click()
    expect(alex.locator(".badge", has_text="Resolved").first).to_be_visible()

    rita.goto(f"/portal/requests/{reference}/")
    expect(rita.get_by_text("Fitted a new fuser unit")).to_be_visible()
    rita.get_by_role("button", name="Yes, it's fixed").click()
    expect(rita.get_by_text("Closed").first).to_be_visible()
    assert Ticket.objects.get(reference=reference).status == Status.CLOSED


@pytest.mark.django_db(transaction=True)
def test_hostile_text_is_shown_as_text_on_both_sides(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    # new_page fails the test if any script opens a dialog.
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    rita = new_page(org.requester)
    reference = file_request(rita, f"Broken {payload}")
    expect(rita.get_by_role("heading", level=1)).to_contain_text("<script>alert(2)</script>")
    alex = new_page(org.agent)
    alex.goto(f"/desk/tickets/{reference}/")
    expect(alex.get_by_role("heading", level=1)).to_contain_text("onerror")
    composer = alex.locator("section.composer")
    composer.get_by_label("Reply to Rita").fill(payload)
    composer.get_by_role("button", name="Send reply to Rita").click()
    expect(alex.get_by_text(payload).first).to_be_visible()
    rita.goto(f"/portal/requests/{reference}/")
    expect(rita.get_by_text(payload).first).to_be_visible()
