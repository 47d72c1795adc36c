"""A catalog form in a real browser: the requester searches the catalog, picks a
service, fills its form (a question appears only when its condition holds), and sees
the promise with dates and their answers; the agent sees the answers, desk-only ones
included, the countdown and the clock explanation."""

import re

import pytest
from playwright.sync_api import expect

from scotty.core.testing import Org
from tests.catalog_forms import laptop_form
from tests.sla import give_terms


@pytest.mark.django_db(transaction=True)
def test_a_requester_fills_a_service_form_and_the_agent_sees_the_answers(
    org: Org,
    new_page,  # type: ignore[no-untyped-def]
) -> None:
    give_terms(org)  # IT: office hours, a reply within 1 business hour, resolved within 4
    laptop_form(org)
    rita = new_page(org.requester)
    rita.goto("/portal/new/")
    rita.get_by_label("Search the services").fill("laptop")
    rita.get_by_role("button", name="Search").click()
    rita.get_by_role("link", name="New laptop").click()
    expect(rita.locator("section.service-chosen")).to_contain_text(
        re.compile(r"If you send it now, we will reply by \w+ (\d+ \w+, )?\d\d:\d\d")
    )
    dock_desk = rita.get_by_label("Desk number for the dock")
    countries = rita.get_by_label("Which countries?")
    expect(dock_desk).to_be_hidden()  # asked only with a docking station
    expect(countries).to_be_hidden()
    rita.get_by_label("Developer 16-inch").check()
    rita.get_by_label("Why do you need it?").fill("The battery lasts ten minutes.")
    rita.get_by_label("Needed by").fill("2027-01-15")
    rita.get_by_label("Docking station").check()
    expect(dock_desk).to_be_visible()
    dock_desk.fill("B3.14")
    travel = rita.get_by_role("group", name=re.compile("Do you travel for work"))
    travel.get_by_label("Yes").check()
    expect(countries).to_be_visible()
    countries.fill("Portugal")
    travel.get_by_label("No").check()
    expect(countries).to_be_hidden()  # and its answer is not sent as asked
    rita.get_by_label("Who approves the cost?").fill(org.manager.email)
    rita.get_by_role("button", name="Send request").click()

    expect(rita.get_by_role("heading", level=1)).to_contain_text("New laptop")
    expect(rita.locator("section.expect")).to_contain_text(
        re.compile(r"We will reply by \w+ (\d+ \w+, )?\d\d:\d\d")
    )
    answers = rita.locator("dl.answers")
    expect(answers).to_contain_text("Developer 16-inch")
    expect(answers).to_contain_text("B3.14")
    expect(answers).not_to_contain_text("Portugal")
    expect(answers).not_to_contain_text("Who approves the cost?")
    reference = re.search(r"IT-\d+", rita.content())
    assert reference is not None

    alex = new_page(org.agent)
    alex.goto("/desk/queues/open/?sort=due")
    row = alex.locator("table.tickets tr", has_text=reference.group(0))
    expect(row.locator("td.due")).to_contain_text(re.compile(r"left|overdue by"))
    row.get_by_role("link", name=re.compile("New laptop")).click()
    desk_answers = alex.locator("dl.answers")
    expect(desk_answers).to_contain_text("Who approves the cost?")
    expect(desk_answers).to_contain_text("Mona Manager")
    expect(desk_answers.locator(".badge.internal")).to_have_text("Desk only")
    panel = alex.locator("section", has=alex.get_by_role("heading", name="Service level"))
    panel.get_by_role("link", name="How the clock is counted").click()
    expect(alex.get_by_role("heading", level=1)).to_have_text("How the clock is counted")
