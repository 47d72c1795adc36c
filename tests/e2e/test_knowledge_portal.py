"""Help in the portal, in a real browser: the article suggested while typing a new
request solves the problem and no request is filed; an article full of hostile Markdown
runs no script; and without JavaScript the new-request form still files."""

import re

import pytest
from playwright.sync_api import ConsoleMessage, expect

from scotty.catalog.models import Service
from scotty.core.testing import Org
from scotty.knowledge.models import Deflection
from scotty.tickets.models import Ticket
from tests.e2e.pages import DESKTOP, both_widths, open_screen
from tests.knowledge.helpers import published

HOSTILE = """Before you start.

<script>window.__pwned = "script"; alert("script")</script>

<img src=x onerror="window.__pwned = 'onerror'; alert('onerror')">

[Open the settings](javascript:window.__pwned='link';alert('link'))

[Or these](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

After.
"""


@both_widths
@pytest.mark.django_db(transaction=True)
def test_a_suggested_article_solves_it_and_no_request_is_filed(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    vpn = Service.objects.create(unit=org.it, name="VPN access", summary="Working from home.")
    published(org, "VPN keeps disconnecting", "Turn off power saving for the Wi-Fi card.",
              summary="What to do when the VPN drops", keywords=["vpn", "disconnect"],
              services=[vpn])  # fmt: skip
    published(org, "Order a new monitor", "Ask for it in the catalog.")
    page = new_page(org.requester)
    page.goto("/portal/new/")
    page.get_by_label("What do you need help with?").fill("vpn keeps disconnecting")

    suggestions = page.locator("#suggestions")
    expect(suggestions).to_have_attribute("aria-live", "polite")
    suggested = suggestions.get_by_role("link", name="VPN keeps disconnecting")
    expect(suggested).to_be_visible()
    expect(suggestions).not_to_contain_text("monitor")
    # Reached from the title with the keyboard, next in the tab order.
    page.get_by_label("What do you need help with?").focus()
    page.keyboard.press("Tab")
    expect(suggested).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("VPN keeps disconnecting")
    expect(
        page.get_by_text("You were writing a request: “vpn keeps disconnecting”.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="No, I still need help")).to_be_visible()
    page.get_by_role("button", name="This solved my problem").click()

    expect(page.get_by_text("Glad it helped. No request was filed.")).to_be_visible()
    page.get_by_role("link", name="Back to the portal home").click()
    expect(page).to_have_url(re.compile(r"/portal/$"))
    assert not Ticket.objects.exists()
    deflection = Deflection.objects.get()
    assert deflection.person == org.requester and deflection.typed == "vpn keeps disconnecting"


@pytest.mark.django_db(transaction=True)
def test_no_i_still_need_help_goes_back_to_the_form_with_what_was_typed(  # type: ignore[no-untyped-def]
    org: Org, new_page
) -> None:
    published(org, "VPN keeps disconnecting", "Turn off power saving.", keywords=["vpn"])
    page = new_page(org.requester)
    page.goto("/portal/new/")
    title = page.get_by_label("What do you need help with?")
    title.fill("vpn keeps disconnecting at home")
    page.locator("#suggestions").get_by_role("link", name="VPN keeps disconnecting").click()
    page.get_by_role("link", name="No, I still need help").click()
    expect(page.get_by_label("What do you need help with?")).to_have_value(
        "vpn keeps disconnecting at home"
    )
    page.get_by_label("Tell us more").fill("Every ten minutes, on the home Wi-Fi.")
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("vpn keeps disconnecting at home")
    assert Ticket.objects.count() == 1 and not Deflection.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_hostile_markdown_in_an_article_runs_no_script(org: Org, new_page) -> None:  # type: ignore[no-untyped-def]
    article = published(org, 'Printer <img src=x onerror="alert(1)">', HOSTILE,
                        summary="<script>alert('summary')</script>")  # fmt: skip
    page = new_page(org.requester)  # fails the test on any dialog (alert)
    problems: list[str] = []

    def heard(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            problems.append(message.text)

    page.on("console", heard)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"/portal/help/{article.slug}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("onerror")  # as text
    body = page.locator(".article-body")
    expect(body).to_contain_text('<script>window.__pwned = "script"')
    expect(body.locator("script, img, iframe")).to_have_count(0)
    link_words = body.get_by_text("Open the settings")
    expect(link_words).to_be_visible()
    link_words.click()  # no address: nothing happens
    expect(body.locator("a[href^='javascript'], a[href^='data']")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None
    assert page.url.endswith(f"/portal/help/{article.slug}/")
    assert not problems, problems


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_new_request_form_still_files(  # type: ignore[no-untyped-def]
    org: Org, browser, live_server
) -> None:
    published(org, "VPN keeps disconnecting", "Turn off power saving.", keywords=["vpn"])
    context, page = open_screen(browser, live_server.url, org, "portal:new", DESKTOP,
                                java_script_enabled=False)  # fmt: skip
    try:
        page.get_by_label("What do you need help with?").fill("vpn keeps disconnecting")
        page.get_by_label("Tell us more").fill("Since this morning.")
        page.get_by_role("button", name="Send request").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("vpn keeps disconnecting")
        expect(page.locator("#suggestions li")).to_have_count(0)
    finally:
        context.close()
    assert Ticket.objects.count() == 1
