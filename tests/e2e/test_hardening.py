"""What a browser shows when text, caches or sessions try to mislead it (issue 5 review).

- Right-to-left text in a title or a name stays inside its own piece of the page.
- "Back" after signing out asks the server again instead of showing the kept copy.
- The timeline's refresh after the session ended takes the whole page to sign-in.
"""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from playwright.sync_api import Page, expect

from scotty.accounts.models import Person
from scotty.accounts.services import create_person
from scotty.core.testing import PASSWORD, Org, file_ticket
from scotty.tickets.services import add_watcher, retitle
from tests.e2e.conftest import CHROMIUM

HEBREW_TITLE = "המדפסת בקומה שלוש תקועה"  # "the third-floor printer is stuck"
HEBREW_NAME = "אבי לוי"

# For each timeline event line: does its date sit, in one piece, right of its text?
DATE_AFTER_TEXT = """(line) => {
  const time = line.querySelector("time");
  const text = document.createRange();
  text.setStart(line, 0);
  text.setEndBefore(time);
  const textRight = Math.max(...Array.from(text.getClientRects(), (r) => r.right));
  const dateParts = Array.from(time.getClientRects());
  return {
    text: line.textContent.trim(),
    pieces: dateParts.length,
    dateRightOfText: dateParts.every((r) => r.left >= textRight - 1),
  };
}"""

# Where the first and the last letter of a link's title are drawn, left to right.
FIRST_AND_LAST_LETTER = """(link) => {
  const node = link.lastChild;  // the title, after the reference
  const at = (i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getBoundingClientRect().left;
  };
  const text = node.textContent.trimEnd();
  return [text.trim(), at(text.length - text.trim().length), at(text.length - 1)];
}"""


@pytest.mark.django_db(transaction=True)
def test_a_right_to_left_title_or_name_does_not_pull_the_date_beside_it(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    ticket = file_ticket(org.requester, org.it)
    ticket = retitle(ticket, actor=org.agent, title=HEBREW_TITLE, expected_version=ticket.version)
    avi = create_person(email="avi@example.org", full_name=HEBREW_NAME)
    add_watcher(ticket, actor=org.agent, watcher=avi)
    page = new_page(org.agent)
    page.goto(f"/desk/tickets/{ticket.reference}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(HEBREW_TITLE)
    lines = [line.evaluate(DATE_AFTER_TEXT) for line in page.locator("li.event").all()]
    retitled = [line for line in lines if HEBREW_TITLE in line["text"]]
    watched = [line for line in lines if HEBREW_NAME in line["text"]]
    assert retitled and watched, lines
    for line in retitled + watched:
        assert line["pieces"] == 1 and line["dateRightOfText"], line


@pytest.mark.django_db(transaction=True)
def test_a_title_with_an_override_character_reads_as_typed_not_backwards(
    org: Org, new_page
) -> None:  # type: ignore[no-untyped-def]
    file_ticket(org.requester, org.it, title="\u202eReversed title")
    page = new_page(org.requester)
    link = page.locator("td.what a").first
    title, first, last = link.evaluate(FIRST_AND_LAST_LETTER)
    assert title == "Reversed title"
    assert first < last  # "R" is drawn left of the final "e", not "eltit desreveR"


@pytest.fixture(scope="module")
def browser_with_back_cache(browser):  # type: ignore[no-untyped-def]
    """Chromium as people run it: with the back/forward cache, which Playwright turns off
    by default and which is what shows a page again, from memory, on "back"."""
    launched = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield launched
    launched.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("side", ["desk", "portal"])
def test_back_after_signing_out_does_not_show_the_ticket_again(
    org: Org, browser_with_back_cache, live_server, side: str
) -> None:  # type: ignore[no-untyped-def]
    secret = "The vault code is in the blue folder"
    ticket = file_ticket(org.requester, org.it, description=secret)
    person, path = (
        (org.agent, f"/desk/tickets/{ticket.reference}/")
        if side == "desk"
        else (org.requester, f"/portal/requests/{ticket.reference}/")
    )
    context = browser_with_back_cache.new_context(base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto(f"/sign-in/?next={path}")
        sign_in(page, person)
        expect(page.get_by_text(secret)).to_be_visible()
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("heading", name="Sign in to Scotty")).to_be_visible()
        page.go_back(wait_until="commit")  # a page restored from memory fires no "load"
        expect(page.get_by_role("heading", name="Sign in to Scotty")).to_be_visible()
        assert path in page.url  # the sign-in page, with next= the ticket
        expect(page.get_by_text(secret)).to_have_count(0)
    finally:
        context.close()


def sign_in(page: Page, person: Person) -> None:
    page.get_by_label("E-mail").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_the_timeline_refresh_after_the_session_ended_takes_the_whole_page_to_sign_in(
    org: Org, new_page
) -> None:  # type: ignore[no-untyped-def]
    ticket = file_ticket(org.requester, org.it)
    page = new_page(org.agent)
    page.clock.install()  # so the 60-second refresh can be made to come now
    page.goto(f"/desk/tickets/{ticket.reference}/")
    expect(page.locator("#timeline")).to_be_visible()
    # Expired, or signed out in another tab: gone from the database and the cache
    # (sessions are read through the cache, `cached_db`).
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in Session.objects.values_list("session_key", flat=True):
        store(key).delete()
    page.clock.fast_forward("01:05")
    page.wait_for_url(f"**/sign-in/?next=/desk/tickets/{ticket.reference}/")
    expect(page.get_by_role("heading", name="Sign in to Scotty")).to_have_count(1)
    expect(page.locator("#timeline")).to_have_count(0)
    sign_in(page, org.agent)  # and signing in again lands on the ticket
    page.wait_for_url(f"**/desk/tickets/{ticket.reference}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(ticket.title)
