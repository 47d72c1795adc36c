"""Two agents on one ticket, in two browsers: each sees the other, and a reply started
while the other is typing one says so before it is sent (issue 6, collision detection)."""

import pytest
from playwright.sync_api import Page, Response, expect

from scotty.core.testing import Org, file_ticket
from scotty.tickets.models import Ticket
from tests.e2e.pages import both_widths

# A regular check-in comes every 5 s; allow a little more before giving up.
POLL_MS = 8000


def open_ticket_page(page: Page, ticket: Ticket) -> None:
    page.goto(f"/desk/tickets/{ticket.reference}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(ticket.title)


def check_in_now(page: Page) -> None:
    """The next check-in, now rather than within 5 s."""
    page.evaluate("htmx.trigger(document.querySelector('[data-presence]'), 'presence-ping')")


@both_widths
@pytest.mark.django_db(transaction=True)
def test_an_agent_sees_a_colleague_open_the_ticket_and_type_a_reply(
    org: Org,
    new_page,  # type: ignore[no-untyped-def]
) -> None:
    ticket = file_ticket(org.requester, org.it)
    alex, bea = new_page(org.agent), new_page(org.agent2)
    open_ticket_page(alex, ticket)
    open_ticket_page(bea, ticket)
    # Bea's page checked in on load and found Alex; Alex's finds her at his next poll.
    expect(bea.locator("#presence")).to_contain_text("Alex has it open")
    expect(alex.locator("#presence")).to_contain_text("Bea has it open", timeout=POLL_MS)

    # Bea starts a reply: her first keystroke checks in at once.
    bea.locator("[data-composer] textarea[name=body]").press_sequentially("Hi Rita, ")
    check_in_now(alex)
    expect(alex.locator("#presence")).to_contain_text("Bea is typing a reply")
    warning = alex.locator("#presence-warning")
    expect(warning).to_be_hidden()  # Alex is only reading

    # Alex starts one too: he is warned before he sends, and keeps typing undisturbed.
    box = alex.locator("[data-composer] textarea[name=body]")
    box.click()
    box.press_sequentially("Hello Rita")
    expect(warning).to_contain_text("Bea is typing a reply too.")
    expect(warning).to_contain_text("Agree who answers before you send yours.")
    check_in_now(alex)
    expect(box).to_be_focused()
    expect(box).to_have_value("Hello Rita")

    # Bea sends hers: Alex, still holding a draft, hears of it at his next check-in.
    bea.locator("[data-composer] textarea[name=body]").press_sequentially("it is fixed.")

    def told(response: Response) -> bool:  # her page tells the others once the reply is in
        return response.url.endswith("/presence/") and "sent=1" in (
            response.request.post_data or ""
        )

    with bea.expect_response(told):
        bea.get_by_role("button", name="Send reply to Rita").click()  # on a phone: the bar's
    expect(bea.get_by_text("Reply added for Rita Requester.")).to_be_visible()
    check_in_now(alex)
    expect(warning).to_contain_text("Bea just sent a reply.")
    expect(alex.locator("#presence")).to_contain_text("Bea just sent a reply")
