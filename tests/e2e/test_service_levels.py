"""Service levels in a real browser: the requester reads the promise with real dates
on their request; the agent sees the time left in the queue and on the ticket, and the
page that explains the clock."""

import re

import pytest
from playwright.sync_api import expect

from scotty.core.testing import Org
from tests.e2e.test_request_lifecycle import file_request
from tests.sla import give_terms


@pytest.mark.django_db(transaction=True)
def test_the_promise_the_countdown_and_the_clock_explained(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    give_terms(org)  # IT: office hours, a reply within 1 business hour, resolved within 4
    title = "Docking station stays dark"
    rita = new_page(org.requester)
    reference = file_request(rita, title)
    expect(rita.get_by_role("heading", name="What to expect")).to_be_visible()
    expect(rita.locator("section.expect")).to_contain_text(
        re.compile(r"We will reply by \w+ (\d+ \w+, )?\d\d:\d\d and aim to resolve this by \w+")
    )

    alex = new_page(org.agent)
    alex.goto("/desk/queues/open/?sort=due")
    row = alex.locator("table.tickets tr", has_text=title)
    expect(row.locator("td.due")).to_contain_text(re.compile(r"left|overdue by"))
    row.get_by_role("link", name=re.compile(title)).click()
    panel = alex.locator("section", has=alex.get_by_role("heading", name="Service level"))
    expect(panel).to_contain_text("First response")
    expect(panel).to_contain_text("Resolution")
    panel.get_by_role("link", name="How the clock is counted").click()
    expect(alex.get_by_role("heading", level=1)).to_have_text("How the clock is counted")
    expect(alex.locator("table.clock-intervals").first).to_contain_text("New")
    expect(alex.get_by_text("IT office").first).to_be_visible()
    assert reference in alex.content()
