"""axe-core on every desk, portal and sign-in page, at desktop and phone width: no
serious or critical violation.

axe-core comes from npm (package.json and its lock file; `make browser` runs `npm ci`);
without it these tests are skipped, as the other browser tests are without chromium.
It is evaluated into the page through the DevTools protocol, which the page's strict
CSP does not govern (a `<script>` tag would be refused), so every page is checked with
its real CSP in force.
"""

import importlib
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from scotty.core.testing import Org, file_ticket
from tests.e2e.pages import NOT_PAGES, SCREENS, WIDTHS, both_widths, open_screen

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
URL_MODULES = {  # namespace: module
    "": "scotty.urls",
    "accounts": "scotty.accounts.urls",
    "desk": "scotty.desk.urls",
    "portal": "scotty.portal.urls",
    "files": "scotty.files.urls",
}
FAILING = ("serious", "critical")


def url_names() -> set[str]:
    names = set()
    for namespace, module in URL_MODULES.items():
        for pattern in importlib.import_module(module).urlpatterns:
            if name := getattr(pattern, "name", None):
                names.add(f"{namespace}:{name}" if namespace else name)
    return names


def test_every_page_is_checked_and_every_other_url_says_why_not() -> None:
    checked = {name.split(" ")[0] for name in SCREENS}
    unlisted = url_names() - checked - set(NOT_PAGES)
    assert not unlisted, f"add these to tests/e2e/pages.py (SCREENS or NOT_PAGES): {unlisted}"
    gone = (checked | set(NOT_PAGES)) - url_names()
    assert not gone, f"no such URL names any more: {gone}"
    assert not checked & set(NOT_PAGES)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.skip("needs axe-core: run `npm ci` in the repository (`make test-tools` does it)")
    return AXE.read_text()


def axe_violations(page: Page, source: str) -> list[dict]:  # type: ignore[type-arg]
    page.evaluate(source)
    found: list[dict] = page.evaluate(  # type: ignore[type-arg]
        r"""async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(" ") + ": "
                          + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 300))}))"""
    )
    return found


def describe(violations: list[dict]) -> str:  # type: ignore[type-arg]
    return "\n".join(
        f"- {v['impact']} {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SCREENS)
@pytest.mark.django_db(transaction=True)
def test_no_serious_or_critical_violation(  # type: ignore[no-untyped-def]
    org: Org, browser, live_server, axe_source: str, name: str, width: str
) -> None:
    context, page = open_screen(browser, live_server.url, org, name, WIDTHS[width])
    try:
        violations = axe_violations(page, axe_source)
    finally:
        context.close()
    failing = [v for v in violations if v["impact"] in FAILING]
    others = [v for v in violations if v["impact"] not in FAILING]
    if others:  # reported, not failed: shown with -rP or when something else fails
        print(f"{name} at {width}, minor and moderate:\n{describe(others)}")
    assert not failing, f"{name} at {width}:\n{describe(failing)}"


# axe leaves one-character text (a count) to a person to judge ("incomplete"), so these
# two are measured here: the computed colours, the background blended up the ancestors.
CONTRAST = (Path(__file__).parent / "js" / "contrast.js").read_text()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("name", "selector"),
    [
        ("desk:queue", ".topbar .who"),  # was 10.8:1 here already
        ("portal:home", ".topbar .who"),  # was 2.6:1: the portal's grey `.who` reached it
        ("desk:queue", '.queue-nav a[aria-current="page"] .count'),  # was 3.7:1
    ],
)
@pytest.mark.django_db(transaction=True)
def test_the_name_in_the_top_bar_and_the_chosen_queues_count_are_readable(  # type: ignore[no-untyped-def]
    org: Org, browser, live_server, name: str, selector: str, width: str
) -> None:
    context, page = open_screen(browser, live_server.url, org, name, WIDTHS[width])
    try:
        ratio = page.evaluate(CONTRAST, selector)
    finally:
        context.close()
    assert ratio >= 4.5, f"{selector} on {name}: {ratio:.2f}:1"


@both_widths
@pytest.mark.django_db(transaction=True)
def test_a_refused_update_marks_its_fields_and_a_sent_one_clears_them(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    """The draft survives a refusal (hx-preserve): desk.js marks it invalid, beside its
    error, as the server does for fields it draws anew; a field the error names stays in
    view even where its status would fold it away."""
    ticket = file_ticket(org.requester, org.it)
    alex = new_page(org.agent)
    alex.goto(f"/desk/tickets/{ticket.reference}/")
    body, send = alex.locator("#reply-body"), alex.get_by_role("button", name="Send reply to Rita")
    send.click()  # nothing in it
    expect(alex.locator("#reply-body_error")).to_contain_text("The message cannot be empty.")
    expect(body).to_have_attribute("aria-invalid", "true")
    expect(body).to_have_attribute("aria-describedby", "reply-body_error")

    composer = alex.locator("section.composer")
    composer.get_by_label("Status").select_option("waiting_requester")
    composer.get_by_label("Waiting until").fill("2099-01-01")
    composer.get_by_label("Status").select_option("")  # as it is: the date folds away
    body.fill("Printer is back.")
    send.click()
    date = composer.get_by_label("Waiting until")
    expect(date).to_be_visible()  # beside its error, though the status would hide it
    expect(date).to_have_attribute("aria-invalid", "true")
    expect(date).to_have_attribute(
        "aria-describedby", "reply-waiting-help reply-waiting_until_error"
    )
    expect(body).not_to_have_attribute("aria-invalid", "true")  # the words were fine
    expect(body).to_have_value("Printer is back.")

    date.fill("")
    send.click()
    expect(alex.get_by_text("Reply added for Rita Requester.")).to_be_visible()
    expect(alex.locator("[aria-invalid]")).to_have_count(0)
