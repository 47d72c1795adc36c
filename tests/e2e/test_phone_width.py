"""Every desk, portal and sign-in page at 390 px, a phone held upright: nothing wider
than the screen, and every control a thumb uses at least 44 px in each direction.
Checked with the page as it opens, then with every disclosure open (the menu, the
filters, the folds)."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from scotty.core.testing import Org
from tests.e2e.pages import PHONE, SCREENS, WIDTHS, open_screen

TARGET = 44  # px, WCAG 2.5.5's target size, and the issue's
# The controls a thumb works: the top bar and its menu, the queue list, the rows (cards)
# of a ticket list and their tick boxes, the ticket's action bar, disclosures, pagers,
# buttons and form fields, and the labels around tick boxes and radio buttons. Links in
# running text are left out (WCAG exempts them).
CONTROLS = ", ".join([
    ".topbar a", ".topbar button", ".topbar summary", ".topbar input",
    ".queue-nav a", "table a", "table label", "table button", "table select",
    ".ticket-actions a", ".ticket-actions button", "summary", ".pager a",
    "main button", "main .button", "main select",
    "main input[type=text]", "main input[type=search]", "main input[type=email]",
    "main input[type=password]", "main input[type=date]", "main input[type=number]",
    "main label:has(> input[type=checkbox])", "main label:has(> input[type=radio])",
])  # fmt: skip

MEASURE = (Path(__file__).parent / "js" / "phone_measure.js").read_text()


def measure(page: Page) -> dict:  # type: ignore[type-arg]
    found: dict = page.evaluate(MEASURE, [CONTROLS, TARGET])  # type: ignore[type-arg]
    return found


def open_every_disclosure(page: Page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("name", SCREENS)
@pytest.mark.django_db(transaction=True)
def test_the_page_fits_a_phone_and_its_controls_fit_a_thumb(  # type: ignore[no-untyped-def]
    org: Org, browser, live_server, name: str
) -> None:
    context, page = open_screen(browser, live_server.url, org, name, PHONE, has_touch=True)
    try:
        closed = measure(page)
        open_every_disclosure(page)
        opened = measure(page)
    finally:
        context.close()
    problems = []
    for state, found in (("as it opens", closed), ("with every disclosure open", opened)):
        if found["scrollWidth"] > PHONE["width"]:
            problems.append(f"{state}: {found['scrollWidth']} px wide; wider parts:")
            problems.extend(f"    {line}" for line in found["wide"])
        if found["small"]:
            problems.append(f"{state}: controls under {TARGET} px:")
            problems.extend(f"    {line}" for line in found["small"])
    assert not problems, f"{name} at {PHONE['width']} px:\n" + "\n".join(problems)


@pytest.mark.django_db(transaction=True)
def test_the_tickets_actions_stay_at_the_foot_of_the_screen(  # type: ignore[no-untyped-def]
    org: Org, browser, live_server
) -> None:
    context, page = open_screen(browser, live_server.url, org, "desk:ticket", PHONE)
    try:
        bar = page.get_by_role("group", name="Ticket actions")
        for scrolled in (0, 900, 1800):
            page.evaluate(f"window.scrollTo(0, {scrolled})")
            box = bar.bounding_box()
            assert box is not None
            assert abs(box["y"] + box["height"] - PHONE["height"]) < 1, (scrolled, box)
        bar.get_by_role("link", name="Ticket details").click()
        expect(page.get_by_role("heading", name="Assignee")).to_be_in_viewport()
        # The bar's send button follows the composer: a note is added as a note.
        page.get_by_label("Internal note").check()
        expect(bar.get_by_role("button", name="Add internal note")).to_be_visible()
    finally:
        context.close()


@pytest.mark.django_db(transaction=True)
def test_the_menu_opens_and_closes_from_the_keyboard_with_focus_in_sight(  # type: ignore[no-untyped-def]
    org: Org, browser, live_server
) -> None:
    context, page = open_screen(browser, live_server.url, org, "desk:queue", PHONE)
    try:
        mine = page.get_by_role("navigation", name="Main").get_by_role("link", name="My tickets")
        expect(mine).to_be_hidden()  # folded behind "Menu"
        menu = page.locator("details.menu > summary")
        menu.focus()
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.keyboard.press("Enter")
        expect(mine).to_be_visible()
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Now", exact=True)).to_be_focused()
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        menu.focus()
        page.keyboard.press("Enter")
        expect(mine).to_be_hidden()
        page.locator("h1").click()
        page.keyboard.press("/")  # the shortcuts still work on a phone's keyboard
        expect(page.locator("#desk-search")).to_be_focused()
    finally:
        context.close()


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.django_db(transaction=True)
def test_a_browser_without_details_content_gets_the_folds_opened_on_a_wide_screen(  # type: ignore[no-untyped-def]
    org: Org, browser, live_server, width: str
) -> None:
    """desk.js opens the menu and the filters where CSS alone cannot (no ::details-content)."""
    context, page = open_screen(browser, live_server.url, org, "desk:queue", WIDTHS[width])
    try:
        page.add_init_script("CSS.supports = () => false;")
        page.reload()
        opened = page.evaluate("[...document.querySelectorAll('details.fold')].map(d => d.open)")
        assert opened == ([True, True] if width == "desktop" else [False, False])
    finally:
        context.close()
