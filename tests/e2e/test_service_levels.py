"""Service levels in a real browser: the requester reads the promise with real dates
on their request; the agent sees the time left in the queue and on the ticket, and the
page that explains the clock."""

import re

import pytest
from playwright.sync_api import expect

from scotty.catalog.models import Service
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


@pytest.mark.django_db(transaction=True)
def test_a_requester_searches_the_catalog_picks_a_service_and_sees_the_promise(
    org: Org,
    new_page,  # type: ignore[no-untyped-def]
) -> None:
    give_terms(org)
    Service.objects.create(unit=org.it, name="New laptop", summary="A laptop for a new "
                           "starter or a replacement.", keywords="notebook")  # fmt: skip
    Service.objects.create(unit=org.hr, name="Payslip question", summary="Something wrong?")
    rita = new_page(org.requester)
    rita.goto("/portal/new/")
    rita.get_by_label("Search the services").fill("lapt")
    rita.get_by_role("button", name="Search").click()
    expect(rita.get_by_role("link", name="New laptop")).to_be_visible()
    expect(rita.get_by_role("link", name="Payslip question")).to_have_count(0)
    rita.get_by_role("link", name="New laptop").click()
    expect(rita.locator("section.service-chosen")).to_contain_text(
        re.compile(r"If you send it now, we will reply by \w+ (\d+ \w+, )?\d\d:\d\d")
    )
    rita.get_by_label("What do you need help with?").fill("My laptop will not start")
    rita.get_by_label("Tell us more").fill("Since this morning, nothing at all.")
    rita.get_by_role("button", name="Send request").click()
    expect(rita.get_by_role("heading", level=1)).to_contain_text("My laptop will not start")
    expect(rita.locator("section.expect")).to_contain_text("We will reply by")
    expect(rita.locator(".request-head")).to_contain_text("New laptop")
